package org.linli.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvLinesTest {

    @Test
    void anAttemptedUsernameThatLooksLikeAFormulaIsDefusedAndQuoted() {
        assertThat(CsvLines.cell("=HYPERLINK(\"http://x\",\"y\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
        assertThat(CsvLines.cell("wang.admin")).isEqualTo("wang.admin");
        assertThat(CsvLines.cell(null)).isEmpty();
    }
}
