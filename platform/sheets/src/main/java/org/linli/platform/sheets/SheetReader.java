package org.linli.platform.sheets;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads the first sheet of an xlsx upload against a {@link SheetLayout}: row 1 holds the headers, matched by name
 * (in any order; unknown columns such as a previous answer's 错误原因 are ignored), every later non-blank row is
 * a data row with typed values and its cell problems. Whatever the file holds, the answer is rows or a
 * {@link SheetRejected}, never another exception. Cell values are never put in a message: they can be personal data.
 */
public final class SheetReader {

    /**
     * The largest uncompressed part of an upload POI will inflate: a 5,000-row roster's sheet XML is a few MB, and
     * the workbook is held in memory, so a small file that inflates to hundreds of MB is refused (POI's own ratio
     * check stops classic zip bombs). It is POI's one global setting; Linli reads xlsx nowhere else.
     */
    static final long MAX_PART_BYTES = 32L * 1024 * 1024;

    static {
        ZipSecureFile.setMaxEntrySize(MAX_PART_BYTES);
    }

    private SheetReader() {
    }

    public static List<SheetRow> read(InputStream upload, SheetLayout layout, int maxRows) {
        try (XSSFWorkbook workbook = open(upload)) {
            Sheet sheet = workbook.getNumberOfSheets() == 0 ? null : workbook.getSheetAt(0);
            Row header = sheet == null ? null : sheet.getRow(sheet.getFirstRowNum());
            if (header == null) {
                throw new SheetRejected(SheetRejected.Reason.NO_ROWS, "no header row");
            }
            Map<SheetColumn, Integer> positions = positions(header, layout);
            List<SheetRow> rows = new ArrayList<>();
            for (Row row : sheet) {
                if (row.getRowNum() <= header.getRowNum() || blank(row, positions)) {
                    continue;
                }
                if (rows.size() == maxRows) {
                    throw new SheetRejected(SheetRejected.Reason.TOO_MANY_ROWS, "more than " + maxRows + " rows", maxRows);
                }
                rows.add(row(row, positions));
            }
            if (rows.isEmpty()) {
                throw new SheetRejected(SheetRejected.Reason.NO_ROWS, "no data rows");
            }
            return rows;
        } catch (IOException | RuntimeException unreadable) {
            if (unreadable instanceof SheetRejected rejected) {
                throw rejected;
            }
            throw new SheetRejected(SheetRejected.Reason.NOT_XLSX, "not a readable xlsx file");
        }
    }

    /** An OOXML package by its first bytes, never by the declared content type. */
    private static XSSFWorkbook open(InputStream upload) throws IOException {
        InputStream in = FileMagic.prepareToCheckMagic(new BufferedInputStream(upload));
        if (FileMagic.valueOf(in) != FileMagic.OOXML) {
            throw new SheetRejected(SheetRejected.Reason.NOT_XLSX, "not an xlsx file");
        }
        return new XSSFWorkbook(in);
    }

    private static Map<SheetColumn, Integer> positions(Row header, SheetLayout layout) {
        Map<String, Integer> byHeader = new HashMap<>();
        for (Cell cell : header) {
            String text = Cells.text(cell);
            if (text != null) {
                byHeader.putIfAbsent(text, cell.getColumnIndex());
            }
        }
        Map<SheetColumn, Integer> positions = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (SheetColumn column : layout.columns()) {
            Integer position = byHeader.get(column.header());
            if (position != null) {
                positions.put(column, position);
            } else if (column.required()) {
                missing.add(column.header());
            }
        }
        if (!missing.isEmpty()) {
            throw new SheetRejected(SheetRejected.Reason.MISSING_COLUMNS, "required columns missing",
                    String.join("、", missing));
        }
        return positions;
    }

    private static boolean blank(Row row, Map<SheetColumn, Integer> positions) {
        return positions.values().stream().allMatch(position -> Cells.text(row.getCell(position)) == null);
    }

    private static SheetRow row(Row row, Map<SheetColumn, Integer> positions) {
        int number = row.getRowNum() + 1;
        Map<String, Object> values = new LinkedHashMap<>();
        List<RowProblem> problems = new ArrayList<>();
        positions.forEach((column, position) -> {
            Cells.Value value = Cells.read(row.getCell(position), column.kind());
            if (value.value() != null) {
                values.put(column.field(), value.value());
            }
            if (value.problem() != null) {
                problems.add(new RowProblem(number, column.field(), value.problem(), Cells.reason(value.problem(), column)));
            } else if (value.value() == null && column.required()) {
                problems.add(new RowProblem(number, column.field(), "cell-required",
                        Cells.reason("cell-required", column)));
            }
        });
        return new SheetRow(number, values, problems);
    }
}
