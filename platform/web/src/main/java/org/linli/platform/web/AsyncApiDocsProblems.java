package org.linli.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Springwolf's document controller ({@code GET /springwolf/docs/{group}}) throws {@link IllegalArgumentException}
 * for a group it does not have, which would be a 500 to anyone, without a token: here it is 404 {@code not-found}.
 * Named by package, so services without springwolf need nothing.
 */
@RestControllerAdvice(basePackages = "io.github.springwolf.core.controller")
@Order(Ordered.HIGHEST_PRECEDENCE)
class AsyncApiDocsProblems {

    private final Problems problems;

    AsyncApiDocsProblems(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail unknownGroup(IllegalArgumentException e, HttpServletRequest request) {
        String uri = request.getRequestURI();
        return problems.of(HttpStatus.NOT_FOUND, "not-found", problems.message("resource.asyncapi-group", "AsyncAPI group"),
                uri.substring(uri.lastIndexOf('/') + 1));
    }
}
