package org.linli.platform.sheets;

import java.util.List;

/**
 * An import refused as a whole because some rows are bad (nothing was stored): answers 422 problem+json
 * {@code sheet-rows-invalid} with {@code rows: [{row, field, code, reason}]}, or, when the client accepts xlsx,
 * the bad rows as a sheet with their reasons ({@link SheetProblemHandler}).
 */
public class SheetRowsRejected extends RuntimeException {

    private final transient SheetLayout layout;
    private final transient List<SheetRow> rows;
    private final transient List<RowProblem> problems;

    public SheetRowsRejected(SheetLayout layout, List<SheetRow> rows, List<RowProblem> problems) {
        super(problems.size() + " problems in the sheet");
        this.layout = layout;
        this.rows = List.copyOf(rows);
        this.problems = List.copyOf(problems);
    }

    public SheetLayout layout() {
        return layout;
    }

    public List<SheetRow> rows() {
        return rows;
    }

    public List<RowProblem> problems() {
        return problems;
    }
}
