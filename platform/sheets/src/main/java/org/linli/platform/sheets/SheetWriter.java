package org.linli.platform.sheets;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes a roster sheet with POI's streaming SXSSF: only a window of rows stays in memory, the rest goes to a
 * compressed temporary file that {@link #close()} deletes, so an export of tens of thousands of households
 * costs little heap. Row 1 holds the layout's headers (bold, frozen); with {@code withReasons} a last column
 * 错误原因 follows, and a sheet written so reads back with {@link SheetReader}. Text columns are formatted as
 * text, so a phone number typed in later stays digits.
 */
public final class SheetWriter implements AutoCloseable {

    private static final int WINDOW = 200;
    private static final int COLUMN_WIDTH = 18 * 256;

    private final SheetLayout layout;
    private final boolean withReasons;
    private final SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
    private final SXSSFSheet sheet;
    private final CellStyle textStyle;
    private final CellStyle dateStyle;
    private int next;

    public SheetWriter(SheetLayout layout, boolean withReasons) {
        this.layout = layout;
        this.withReasons = withReasons;
        workbook.setCompressTempFiles(true);
        sheet = workbook.createSheet(layout.sheetName());
        textStyle = workbook.createCellStyle();
        textStyle.setDataFormat(workbook.createDataFormat().getFormat("@"));
        dateStyle = workbook.createCellStyle();
        dateStyle.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
        header();
    }

    /** A template: the headers and one example row. */
    public static void template(SheetLayout layout, OutputStream out) {
        try (SheetWriter writer = new SheetWriter(layout, false)) {
            Map<String, Object> example = new LinkedHashMap<>();
            layout.columns().forEach(column -> {
                if (column.example() != null) {
                    example.put(column.field(), column.example());
                }
            });
            writer.row(example, null);
            writer.writeTo(out);
        }
    }

    /**
     * The rows that have problems, each with its values as read and its reasons joined in 错误原因: staff correct
     * them in this sheet and upload it again.
     */
    public static void rejected(SheetLayout layout, List<SheetRow> rows, List<RowProblem> problems, OutputStream out) {
        Map<Integer, String> reasons = problems.stream().collect(Collectors.groupingBy(RowProblem::row,
                TreeMap::new, Collectors.mapping(RowProblem::reason, Collectors.joining("；"))));
        try (SheetWriter writer = new SheetWriter(layout, true)) {
            rows.stream().filter(row -> reasons.containsKey(row.number()))
                    .forEach(row -> writer.row(row.values(), reasons.get(row.number())));
            writer.writeTo(out);
        }
    }

    /** Appends a row of values by field; {@code reason} goes to the 错误原因 column when the sheet has one. */
    public void row(Map<String, ?> values, String reason) {
        Row row = sheet.createRow(next++);
        for (int position = 0; position < layout.columns().size(); position++) {
            SheetColumn column = layout.columns().get(position);
            Object value = values.get(column.field());
            Cell cell = row.createCell(position);
            if (value instanceof Number number && column.kind() == SheetColumn.Kind.INTEGER) {
                cell.setCellValue(number.doubleValue());
            } else if (value instanceof LocalDate day && column.kind() == SheetColumn.Kind.DATE) {
                cell.setCellValue(day);
                cell.setCellStyle(dateStyle);
            } else {
                cell.setCellStyle(textStyle);
                if (value != null) {
                    cell.setCellValue(value.toString());
                }
            }
        }
        if (withReasons && reason != null) {
            row.createCell(layout.columns().size()).setCellValue(reason);
        }
    }

    public void writeTo(OutputStream out) {
        try {
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        workbook.dispose();
        try {
            workbook.close();
        } catch (IOException ignored) {
            // the temporary files are gone already; nothing else is held
        }
    }

    private void header() {
        Font bold = workbook.createFont();
        bold.setBold(true);
        CellStyle style = workbook.createCellStyle();
        style.setFont(bold);
        Row row = sheet.createRow(next++);
        int columns = layout.columns().size();
        for (int position = 0; position < columns; position++) {
            Cell cell = row.createCell(position);
            cell.setCellValue(layout.columns().get(position).header());
            cell.setCellStyle(style);
            sheet.setColumnWidth(position, COLUMN_WIDTH);
            if (layout.columns().get(position).kind() == SheetColumn.Kind.TEXT) {
                sheet.setDefaultColumnStyle(position, textStyle);
            }
        }
        if (withReasons) {
            Cell cell = row.createCell(columns);
            cell.setCellValue(SheetLayout.REASON_HEADER);
            cell.setCellStyle(style);
            sheet.setColumnWidth(columns, COLUMN_WIDTH * 2);
        }
        sheet.createFreezePane(0, 1);
    }
}
