package org.linli.platform.sheets;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;

/** Typed reading of one cell: text as Excel shows it, whole numbers and days from typed or text cells. */
final class Cells {

    private static final ThreadLocal<DataFormatter> FORMATTER = ThreadLocal.withInitial(() -> {
        DataFormatter formatter = new DataFormatter();
        formatter.setUseCachedValuesForFormulaCells(true);
        return formatter;
    });

    private Cells() {
    }

    /** A typed value, or the cell's text with the code of why it is not of the column's kind. */
    record Value(Object value, String problem) {
    }

    /** The cell's text as shown, stripped; {@code null} when blank. */
    static String text(Cell cell) {
        if (cell == null) {
            return null;
        }
        String text = FORMATTER.get().formatCellValue(cell).strip();
        return text.isEmpty() ? null : text;
    }

    static Value read(Cell cell, SheetColumn.Kind kind) {
        String text = text(cell);
        if (text == null || kind == SheetColumn.Kind.TEXT) {
            return new Value(text, null);
        }
        if (kind == SheetColumn.Kind.DATE) {
            return date(cell, text);
        }
        if (numeric(cell)) {
            double number = cell.getNumericCellValue();
            boolean whole = number == Math.rint(number) && Math.abs(number) <= Integer.MAX_VALUE;
            return whole ? new Value((int) number, null) : new Value(text, "cell-not-an-integer");
        }
        try {
            return new Value(Integer.valueOf(text), null);
        } catch (NumberFormatException notANumber) {
            return new Value(text, "cell-not-an-integer");
        }
    }

    private static Value date(Cell cell, String text) {
        if (numeric(cell) && DateUtil.isCellDateFormatted(cell)) {
            return new Value(cell.getLocalDateTimeCellValue().toLocalDate(), null);
        }
        try {
            return new Value(LocalDate.parse(text), null);
        } catch (DateTimeParseException notADate) {
            return new Value(text, "cell-not-a-date");
        }
    }

    private static boolean numeric(Cell cell) {
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return type == CellType.NUMERIC;
    }

    /** The default (Chinese) reason for a cell problem; services may localise it by its code. */
    static String reason(String code, SheetColumn column) {
        return switch (code) {
            case "cell-required" -> column.header() + "：必填";
            case "cell-not-an-integer" -> column.header() + "：应为整数";
            case "cell-not-a-date" -> column.header() + "：应为日期（如 2026-03-01）";
            default -> column.header() + "：格式不正确";
        };
    }
}
