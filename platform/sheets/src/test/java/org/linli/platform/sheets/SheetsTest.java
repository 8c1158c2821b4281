package org.linli.platform.sheets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The sheet helper on its own: what it writes reads back, typed and with per-row problems. */
class SheetsTest {

    private static final SheetLayout LAYOUT = new SheetLayout("住户", List.of(
            SheetColumn.text("room", "房号", true, "101"),
            SheetColumn.integer("residents", "人数", true, 3),
            SheetColumn.text("phone", "联系电话", false, "13812345678")));

    @Test
    void templateHasChineseHeadersAndAnExampleRowThatReadsBack() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SheetWriter.template(LAYOUT, out);

        List<SheetRow> rows = read(out.toByteArray(), 10);

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.number()).isEqualTo(2);
            assertThat(row.values()).isEqualTo(Map.of("room", "101", "residents", 3, "phone", "13812345678"));
            assertThat(row.hasProblems()).isFalse();
        });
    }

    @Test
    void writtenRowsReadBackTyped() {
        byte[] sheet = written(List.of(Map.of("room", "1-201", "residents", 2), Map.of("room", "302", "residents", 5,
                "phone", "13900001111")));

        List<SheetRow> rows = read(sheet, 10);

        assertThat(rows).extracting(SheetRow::number).containsExactly(2, 3);
        assertThat(rows.get(0).integer("residents")).isEqualTo(2);
        assertThat(rows.get(0).text("phone")).isNull();
        assertThat(rows.get(1).text("phone")).isEqualTo("13900001111");
    }

    @Test
    void numbersTypedAsNumbersReadAsDigitsAndWholeNumbersFromText() throws IOException {
        byte[] sheet = handMade(new Object[][]{{"房号", "人数", "联系电话"}, {101.0, "4", 13812345678.0}});

        SheetRow row = read(sheet, 10).get(0);

        assertThat(row.text("room")).isEqualTo("101");
        assertThat(row.integer("residents")).isEqualTo(4);
        assertThat(row.text("phone")).isEqualTo("13812345678");
    }

    @Test
    void aBadCellIsAProblemOfItsRowWithTheTextKept() throws IOException {
        byte[] sheet = handMade(new Object[][]{{"联系电话", "人数", "房号"}, {"", 2.5, ""}, {"", "三", "5"}});

        List<SheetRow> rows = read(sheet, 10);

        assertThat(rows.get(0).problems()).extracting(RowProblem::field, RowProblem::code)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("residents", "cell-not-an-integer"),
                        org.assertj.core.groups.Tuple.tuple("room", "cell-required"));
        assertThat(rows.get(1).problems()).singleElement().satisfies(problem -> {
            assertThat(problem.row()).isEqualTo(3);
            assertThat(problem.reason()).isEqualTo("人数：应为整数");
        });
        assertThat(rows.get(1).text("residents")).isEqualTo("三");
        assertThat(rows.get(1).integer("residents")).isNull();
    }

    @Test
    void blankRowsAndUnknownColumnsAreIgnored() throws IOException {
        byte[] sheet = handMade(new Object[][]{{"备注", "房号", "人数"}, {"x", "1", 1.0}, {"", "", ""}, {"", "2", 2.0}});

        List<SheetRow> rows = read(sheet, 10);

        assertThat(rows).extracting(row -> row.text("room")).containsExactly("1", "2");
        assertThat(rows.get(1).number()).isEqualTo(4);
    }

    @Test
    void refusesASheetWithoutARequiredColumn() throws IOException {
        byte[] sheet = handMade(new Object[][]{{"房号", "电话"}, {"1", "2"}});

        assertThatThrownBy(() -> read(sheet, 10)).isInstanceOfSatisfying(SheetRejected.class, rejected -> {
            assertThat(rejected.reason()).isEqualTo(SheetRejected.Reason.MISSING_COLUMNS);
            assertThat(rejected.arguments()).containsExactly("人数");
        });
    }

    @Test
    void refusesMoreRowsThanAllowed() {
        byte[] sheet = written(IntStream.range(0, 6).<Map<String, ?>>mapToObj(i -> Map.of("room", "r" + i,
                "residents", 1)).toList());

        assertThat(read(sheet, 6)).hasSize(6);
        assertThatThrownBy(() -> read(sheet, 5)).isInstanceOfSatisfying(SheetRejected.class,
                rejected -> assertThat(rejected.reason().status()).isEqualTo(413));
    }

    @Test
    void refusesWhatIsNotAnXlsxFile() {
        assertThatThrownBy(() -> read("room,residents\n1,2\n".getBytes(), 10))
                .isInstanceOfSatisfying(SheetRejected.class,
                        rejected -> assertThat(rejected.reason()).isEqualTo(SheetRejected.Reason.NOT_XLSX));
        byte[] brokenZip = {'P', 'K', 3, 4, 1, 2, 3};
        assertThatThrownBy(() -> read(brokenZip, 10)).isInstanceOfSatisfying(SheetRejected.class,
                rejected -> assertThat(rejected.reason().status()).isEqualTo(415));
    }

    @Test
    void refusesASheetWithoutDataRows() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SheetWriter writer = new SheetWriter(LAYOUT, false)) {
            writer.writeTo(out);
        }

        assertThatThrownBy(() -> read(out.toByteArray(), 10)).isInstanceOfSatisfying(SheetRejected.class,
                rejected -> assertThat(rejected.reason()).isEqualTo(SheetRejected.Reason.NO_ROWS));
    }

    @Test
    void rejectedRowsCarryTheirReasonsAndReadBackForCorrection() {
        List<SheetRow> rows = List.of(SheetRow.of(2, Map.of("room", "1", "residents", 1)),
                SheetRow.of(3, Map.of("room", "2", "residents", 30)));
        List<RowProblem> problems = List.of(new RowProblem(3, "residents", "invalid-residents", "人数：1 至 20 人"),
                new RowProblem(3, "phone", "invalid-phone", "联系电话：格式不正确"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        SheetWriter.rejected(LAYOUT, rows, problems, out);

        List<SheetRow> again = read(out.toByteArray(), 10);
        assertThat(again).singleElement().satisfies(row -> assertThat(row.integer("residents")).isEqualTo(30));
        SheetLayout withReason = new SheetLayout("住户", List.of(SheetColumn.text("reason",
                SheetLayout.REASON_HEADER, true, null)));
        assertThat(read(out.toByteArray(), withReason).get(0).text("reason"))
                .isEqualTo("人数：1 至 20 人；联系电话：格式不正确");
    }

    @Test
    void daysReadFromDateCellsAndTextAndRoundTrip() throws IOException {
        SheetLayout days = new SheetLayout("日期", List.of(SheetColumn.date("on", "日期", true,
                java.time.LocalDate.of(2026, 3, 1))));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SheetWriter.template(days, out);
        assertThat(read(out.toByteArray(), days).get(0).date("on")).isEqualTo(java.time.LocalDate.of(2026, 3, 1));

        byte[] typed = handMade(new Object[][]{{"日期"}, {"2026-04-02"}, {"四月"}});
        List<SheetRow> rows = read(typed, days);
        assertThat(rows.get(0).date("on")).isEqualTo(java.time.LocalDate.of(2026, 4, 2));
        assertThat(rows.get(1).problems()).extracting(RowProblem::code).containsExactly("cell-not-a-date");
    }

    private static List<SheetRow> read(byte[] sheet, int maxRows) {
        return SheetReader.read(new ByteArrayInputStream(sheet), LAYOUT, maxRows);
    }

    private static List<SheetRow> read(byte[] sheet, SheetLayout layout) {
        return SheetReader.read(new ByteArrayInputStream(sheet), layout, 10);
    }

    private static byte[] written(List<? extends Map<String, ?>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SheetWriter writer = new SheetWriter(LAYOUT, false)) {
            rows.forEach(row -> writer.row(row, null));
            writer.writeTo(out);
        }
        return out.toByteArray();
    }

    /** A sheet as a person might type it: numbers in number cells, text in text cells. */
    private static byte[] handMade(Object[][] cells) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Sheet1");
            for (int r = 0; r < cells.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < cells[r].length; c++) {
                    if (cells[r][c] instanceof Double number) {
                        row.createCell(c).setCellValue(number);
                    } else {
                        row.createCell(c).setCellValue((String) cells[r][c]);
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
