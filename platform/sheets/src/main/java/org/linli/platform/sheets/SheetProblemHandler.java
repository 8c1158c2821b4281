package org.linli.platform.sheets;

import java.util.List;
import org.linli.platform.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Sheet errors as RFC 9457 problems: a rejected upload answers its status ({@link SheetRejected.Reason}); bad rows
 * answer 422 {@code sheet-rows-invalid} with {@code rows} (reasons localised by code, the sheet's Chinese text as
 * fallback), or the bad rows as xlsx when the client accepts it. Runs before the platform's catch-all handler.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class SheetProblemHandler {

    private final Problems problems;

    public SheetProblemHandler(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(SheetRejected.class)
    ResponseEntity<ProblemDetail> rejected(SheetRejected e) {
        HttpStatus status = HttpStatus.valueOf(e.reason().status());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problems.of(status, e.reason().code(), e.arguments()));
    }

    @ExceptionHandler(SheetRowsRejected.class)
    ResponseEntity<?> rowsRejected(SheetRowsRejected e,
                                   @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        if (SheetMedia.wanted(accept)) {
            return SheetMedia.answer(HttpStatus.UNPROCESSABLE_CONTENT, "rejected-rows.xlsx",
                    out -> SheetWriter.rejected(e.layout(), e.rows(), localised(e.layout(), e.problems()), out));
        }
        ProblemDetail problem = problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "sheet-rows-invalid",
                e.problems().stream().map(RowProblem::row).distinct().count());
        problem.setProperty("rows", localised(e.layout(), e.problems()));
        return ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /**
     * Each reason in the caller's language when a bundle has {@code problem.<code>.row} (arguments: the column's
     * header, the reason as found); otherwise the reason stays as it is.
     */
    public List<RowProblem> localised(SheetLayout layout, List<RowProblem> rowProblems) {
        return rowProblems.stream().map(problem -> new RowProblem(problem.row(), problem.field(), problem.code(),
                problems.message("problem." + problem.code() + ".row", problem.reason(),
                        layout.headerOf(problem.field()), problem.reason()))).toList();
    }
}
