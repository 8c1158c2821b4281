package org.linli.platform.sheets;

import java.util.List;
import org.linli.platform.web.InvalidParameterException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * What a roster import did (the rows read, how many were stored, why the others were not) and the import policy
 * every roster shares: {@code ?mode=all} (default) refuses the sheet when any row is bad, {@code ?mode=valid-rows}
 * stores the good rows and answers the bad ones.
 */
public record SheetImport(SheetLayout layout, int rows, int stored, List<SheetRow> read, List<RowProblem> problems) {

    public SheetImport {
        read = List.copyOf(read);
        problems = List.copyOf(problems);
    }

    /** {@code all} → false, {@code valid-rows} → true; anything else 400 naming {@code mode}. */
    public static boolean validRowsOnly(String mode) {
        return switch (mode) {
            case "all" -> false;
            case "valid-rows" -> true;
            default -> throw new InvalidParameterException("mode", "not-an-import-mode");
        };
    }

    /** All or nothing: any bad row refuses the sheet ({@link SheetRowsRejected}) unless only valid rows are asked for. */
    public static void refuseBadRows(SheetLayout layout, List<SheetRow> rows, List<RowProblem> problems,
                                     boolean validRowsOnly) {
        if (!problems.isEmpty() && !validRowsOnly) {
            throw new SheetRowsRejected(layout, rows, problems);
        }
    }

    /** 200 with {@link Answer}, or, when {@code accept} asks for xlsx, the rejected rows as a sheet with 错误原因. */
    public ResponseEntity<?> answer(String accept) {
        if (SheetMedia.wanted(accept)) {
            return SheetMedia.answer(HttpStatus.OK, "rejected-rows.xlsx",
                    out -> SheetWriter.rejected(layout, read, problems, out));
        }
        return ResponseEntity.ok(new Answer(rows, stored, problems));
    }

    /** The JSON answer of an import: rows read, rows stored, the rejected rows with their reasons. */
    public record Answer(int rows, int stored, List<RowProblem> rejected) {
    }

    /** The multipart body of an import, for the API documentation. */
    public record Upload(@io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "binary",
            description = "the xlsx sheet") String file) {
    }
}
