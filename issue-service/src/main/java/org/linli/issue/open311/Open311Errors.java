package org.linli.issue.open311;

import java.util.List;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.platform.domain.NotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Open311's own error shape, {@code [{"code": 400, "description": "…"}]}, for the Open311 controller only. */
@RestControllerAdvice(assignableTypes = Open311Controller.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class Open311Errors {

    @ExceptionHandler(ApiKeys.InvalidApiKey.class)
    ResponseEntity<List<Error>> invalidKey(ApiKeys.InvalidApiKey e) {
        return answer(HttpStatus.FORBIDDEN, "api_key is missing or not valid");
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<List<Error>> notFound(NotFoundException e) {
        return answer(HttpStatus.NOT_FOUND, e.resource() + " " + e.id() + " not found");
    }

    @ExceptionHandler(BusinessRuleViolation.class)
    ResponseEntity<List<Error>> badRequest(BusinessRuleViolation e) {
        return answer(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<List<Error>> badParameter(MethodArgumentTypeMismatchException e) {
        return answer(HttpStatus.BAD_REQUEST, e.getName() + " is not valid");
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<List<Error>> invalidParameter(HandlerMethodValidationException e) {
        return answer(HttpStatus.BAD_REQUEST, e.getParameterValidationResults().stream()
                .map(result -> result.getMethodParameter().getParameterName()).distinct()
                .map(name -> "requestedAt".equals(name) ? "requested_datetime" : name)
                .collect(java.util.stream.Collectors.joining(", ")) + " is not valid");
    }

    private static ResponseEntity<List<Error>> answer(HttpStatus status, String description) {
        return ResponseEntity.status(status).body(List.of(new Error(status.value(), description)));
    }

    record Error(int code, String description) {
    }
}
