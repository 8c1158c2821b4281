package org.linli.platform.sheets;

import jakarta.servlet.http.HttpServletRequest;
import org.linli.platform.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
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
    private final RowReasons reasons;

    public SheetProblemHandler(Problems problems, RowReasons reasons) {
        this.problems = problems;
        this.reasons = reasons;
    }

    @ExceptionHandler(SheetRejected.class)
    ResponseEntity<ProblemDetail> rejected(SheetRejected e) {
        HttpStatus status = HttpStatus.valueOf(e.reason().status());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problems.of(status, e.reason().code(), e.arguments()));
    }

    @ExceptionHandler(SheetRowsRejected.class)
    ResponseEntity<?> rowsRejected(SheetRowsRejected e, HttpServletRequest request) {
        if (SheetMedia.wanted(request.getHeader(HttpHeaders.ACCEPT))) {
            return SheetMedia.answer(HttpStatus.UNPROCESSABLE_CONTENT, "rejected-rows.xlsx",
                    out -> SheetWriter.rejected(e.layout(), e.rows(), reasons.localised(e.layout(), e.problems()), out));
        }
        ProblemDetail problem = problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "sheet-rows-invalid",
                e.problems().stream().map(RowProblem::row).distinct().count());
        problem.setProperty("rows", reasons.localised(e.layout(), e.problems()));
        return ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
