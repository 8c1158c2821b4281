package org.linli.platform.sheets;

/**
 * One column of a roster sheet: the API field it fills, its Chinese header (what staff see and what a sheet is
 * matched by), the type of its cells, whether a row needs it, and the value the template's example row shows.
 */
public record SheetColumn(String field, String header, Kind kind, boolean required, Object example) {

    /** What a cell of the column holds. */
    public enum Kind {
        /** Text; a number typed into it is read as the digits shown (a phone number stays 13812345678). */
        TEXT,
        /** A whole number; {@code 3} or {@code "3"}, never {@code 3.5}. */
        INTEGER,
        /** A day: a date cell, or text {@code 2026-03-01}; read as a {@link java.time.LocalDate}. */
        DATE
    }

    public static SheetColumn text(String field, String header, boolean required, String example) {
        return new SheetColumn(field, header, Kind.TEXT, required, example);
    }

    public static SheetColumn date(String field, String header, boolean required, java.time.LocalDate example) {
        return new SheetColumn(field, header, Kind.DATE, required, example);
    }

    public static SheetColumn integer(String field, String header, boolean required, Integer example) {
        return new SheetColumn(field, header, Kind.INTEGER, required, example);
    }
}
