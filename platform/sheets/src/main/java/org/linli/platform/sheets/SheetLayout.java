package org.linli.platform.sheets;

import java.util.List;

/**
 * The columns of one roster's sheet, in order. An exported sheet, a template and an answer of bad rows all use
 * it, so whatever Linli writes reads back.
 */
public record SheetLayout(String sheetName, List<SheetColumn> columns) {

    /** The header of the column a bad-rows answer adds after the layout's columns. */
    public static final String REASON_HEADER = "错误原因";

    public SheetLayout {
        columns = List.copyOf(columns);
    }

    /** The header of {@code field}'s column, or the field itself when the layout has none. */
    public String headerOf(String field) {
        return columns.stream().filter(column -> column.field().equals(field)).map(SheetColumn::header)
                .findFirst().orElse(field);
    }
}
