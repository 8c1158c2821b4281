package org.linli.platform.sheets;

/**
 * An upload that is not a sheet Linli can read at all, as opposed to a sheet with bad rows: not an xlsx file
 * (415), a header row without a required column (400), more data rows than allowed (413).
 */
public class SheetRejected extends RuntimeException {

    /** Why, with the HTTP status and the problem code it answers. */
    public enum Reason {
        NOT_XLSX(415, "not-a-spreadsheet"),
        MISSING_COLUMNS(400, "sheet-columns-missing"),
        NO_ROWS(400, "sheet-empty"),
        TOO_MANY_ROWS(413, "sheet-too-many-rows");

        private final int status;
        private final String code;

        Reason(int status, String code) {
            this.status = status;
            this.code = code;
        }

        public int status() {
            return status;
        }

        public String code() {
            return code;
        }
    }

    private final Reason reason;
    private final transient Object[] arguments;

    public SheetRejected(Reason reason, String message, Object... arguments) {
        super(message);
        this.reason = reason;
        this.arguments = arguments.clone();
    }

    public Reason reason() {
        return reason;
    }

    /** Filled into the problem's detail message ({@code problem.<code>.detail}). */
    public Object[] arguments() {
        return arguments.clone();
    }
}
