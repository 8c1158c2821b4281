package org.linli.platform.sheets;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A data row as read: its row number as Excel shows it, its values by field ({@code String} or {@code Integer}
 * as the column says; a cell that could not be typed keeps its text) and the problems found in its cells.
 */
public record SheetRow(int number, Map<String, Object> values, List<RowProblem> problems) {

    public SheetRow {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        problems = List.copyOf(problems);
    }

    /** A row built in code (a test, an export), without problems. */
    public static SheetRow of(int number, Map<String, Object> values) {
        return new SheetRow(number, values, List.of());
    }

    public String text(String field) {
        Object value = values.get(field);
        return value == null ? null : value.toString();
    }

    /** The field's whole number, {@code null} when blank or not typed as one (then a problem says why). */
    public Integer integer(String field) {
        return values.get(field) instanceof Integer number ? number : null;
    }

    /** The field's day, {@code null} when blank or not a date (then a problem says why). */
    public LocalDate date(String field) {
        return values.get(field) instanceof LocalDate day ? day : null;
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }
}
