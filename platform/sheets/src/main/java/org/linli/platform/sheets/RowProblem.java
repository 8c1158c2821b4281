package org.linli.platform.sheets;

/**
 * Why one row of a sheet cannot be stored: its row number as Excel shows it (the header is row 1), the API field
 * at fault ({@code null} for the row as a whole), a stable kebab-case code and a reason for people.
 */
public record RowProblem(int row, String field, String code, String reason) {
}
