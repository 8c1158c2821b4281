package org.linli.org.identity;

import org.linli.platform.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Identity's business rules that answer differently from the platform's plain 422: {@code weak-password} adds
 * {@code unmetRules} (the names of the rules the password breaks, for a client to point at);
 * {@code duty-already-handed-over} is a 409 (the first holder of the duty exists).
 */
@RestControllerAdvice(assignableTypes = {AccountController.class, AuthController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class IdentityProblemAdvice {

    private final Problems problems;

    IdentityProblemAdvice(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(WeakPassword.class)
    ProblemDetail weak(WeakPassword e) {
        String detail = problems.message("problem." + e.code() + ".detail", e.getMessage(), e.arguments());
        ProblemDetail problem = problems.withDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.code(), detail);
        problem.setProperty("unmetRules", e.unmetRules());
        return problem;
    }

    @ExceptionHandler(DutyAlreadyHandedOver.class)
    ProblemDetail handedOver(DutyAlreadyHandedOver e) {
        String detail = problems.message("problem." + e.code() + ".detail", e.getMessage(), e.arguments());
        return problems.withDetail(HttpStatus.CONFLICT, e.code(), detail);
    }
}
