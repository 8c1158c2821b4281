package org.linli.platform.web;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.platform.domain.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.util.ClassUtils;
import org.springframework.validation.method.MethodValidationException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.util.DisconnectedClientHelper;
import tools.jackson.core.JacksonException;

/**
 * Turns every error into RFC 9457 problem+json: validation 400 with the offending fields, unknown id
 * 404, optimistic-lock conflict 409, business rule 422 with its code, 401/403 for security,
 * 413/415 for bodies, 503 with {@code Retry-After} while the store or the broker cannot be reached, and
 * 500 without internals for anything unexpected (logged with its stack).
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    private static final Map<Integer, String> KIND_BY_STATUS = Map.of(
            400, "bad-request", 401, "unauthorized", 403, "forbidden", 404, "not-found",
            405, "method-not-allowed", 406, "not-acceptable", 409, "conflict",
            413, "payload-too-large", 415, "unsupported-media-type", 503, "service-unavailable");

    /** Seconds a client is asked to wait when a dependency is down (a lease or a failover is about that long). */
    static final String RETRY_AFTER_SECONDS = "5";

    /**
     * Failures that mean "a dependency cannot be reached", not "this request is wrong": Spring's
     * translation of them, and the drivers' own types where they arrive untranslated. Named, not
     * imported, so the handler works in a service without a store or a broker client.
     */
    private static final List<Class<?>> UNAVAILABLE = Stream.of(
                    "org.springframework.dao.DataAccessResourceFailureException",
                    "com.mongodb.MongoTimeoutException", "com.mongodb.MongoSocketException",
                    "org.apache.kafka.common.errors.TimeoutException",
                    "org.apache.kafka.common.errors.NetworkException")
            .filter(name -> ClassUtils.isPresent(name, ProblemHandler.class.getClassLoader()))
            .<Class<?>>map(name -> ClassUtils.resolveClassName(name, ProblemHandler.class.getClassLoader()))
            .toList();

    private final Problems problems;

    public ProblemHandler(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        String what = problems.message("resource." + e.resource(), e.resource());
        return problems.of(HttpStatus.NOT_FOUND, "not-found", what, e.id());
    }

    @ExceptionHandler(BusinessRuleViolation.class)
    ProblemDetail businessRule(BusinessRuleViolation e) {
        String detail = problems.message("problem." + e.code() + ".detail", e.getMessage(), e.arguments());
        return problems.withDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.code(), detail);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail staleVersion(OptimisticLockingFailureException e) {
        return problems.of(HttpStatus.CONFLICT, "stale-version");
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ProblemDetail duplicate(DuplicateKeyException e) {
        return problems.of(HttpStatus.CONFLICT, "already-exists");
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(AccessDeniedException e) {
        return problems.of(HttpStatus.FORBIDDEN, "forbidden");
    }

    @ExceptionHandler(AuthenticationException.class)
    ProblemDetail unauthorized(AuthenticationException e) {
        return problems.of(HttpStatus.UNAUTHORIZED, "unauthorized");
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ProblemDetail tooLarge(PayloadTooLargeException e) {
        return problems.of(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", e.limit());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badParameter(MethodArgumentTypeMismatchException e) {
        return invalidValue(e.getName());
    }

    /** A parameter the edge refused before the handler ran (paging, an id that cannot name anything). */
    @ExceptionHandler(InvalidParameterException.class)
    ProblemDetail badParameter(InvalidParameterException e) {
        return invalid(List.of(new FieldProblem(e.parameter(), problems.message("problem.parameter." + e.reason(),
                problems.message("problem.invalid-value", "invalid value"), e.arguments()))));
    }

    /**
     * A constraint on a parameter of a {@code @Validated} controller ({@code @Pattern} on a month, {@code @Max} on a
     * size): 400 naming the parameter (the last node of the violation's path), never 500.
     */
    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraintViolated(ConstraintViolationException e) {
        return invalid(e.getConstraintViolations().stream()
                .map(violation -> new FieldProblem(leaf(violation), violation.getMessage()))
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList());
    }

    private static String leaf(ConstraintViolation<?> violation) {
        String name = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getName() != null) {
                name = node.getName();
            }
        }
        return name == null ? "request" : name;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (DisconnectedClientHelper.isClientDisconnectedException(e)) {
            log.debug("the client went away before the answer was written: {}", e.toString());
            return null;
        }
        if (dependencyDown(e)) {
            log.warn("a dependency is unavailable: {}", e.toString());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                    .body(problems.of(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable"));
        }
        log.error("unexpected error", e);
        return ResponseEntity.internalServerError().body(problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error"));
    }

    private static boolean dependencyDown(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            for (Class<?> type : UNAVAILABLE) {
                if (type.isInstance(t)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<FieldProblem> fields = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), error.getDefaultMessage()))
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList();
        List<FieldProblem> global = e.getBindingResult().getGlobalErrors().stream()
                .map(error -> new FieldProblem(error.getObjectName(), error.getDefaultMessage()))
                .toList();
        return ResponseEntity.badRequest().body(invalid(concat(fields, global)));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> fields = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> new FieldProblem(
                        error instanceof FieldError fieldError ? fieldError.getField()
                                : result.getMethodParameter().getParameterName(),
                        error.getDefaultMessage())))
                .toList();
        return ResponseEntity.badRequest().body(invalid(fields));
    }

    @Override
    protected ResponseEntity<Object> handleMethodValidationException(MethodValidationException e, HttpHeaders headers,
                                                                     HttpStatus status, WebRequest request) {
        List<FieldProblem> fields = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> new FieldProblem(
                        error instanceof FieldError fieldError ? fieldError.getField()
                                : result.getMethodParameter().getParameterName(),
                        error.getDefaultMessage())))
                .toList();
        return ResponseEntity.badRequest().body(invalid(fields));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(invalid(List.of(new FieldProblem(e.getParameterName(),
                problems.message("problem.required-value", "required")))));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(invalid(List.of(new FieldProblem(e.getRequestPartName(),
                problems.message("problem.required-value", "required")))));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(invalidValue(e.getPropertyName() == null ? "request" : e.getPropertyName()));
    }

    /** A path no controller maps: 404 {@code not-found} naming the path, like an unknown id. */
    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException e, HttpHeaders headers,
                                                                    HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).headers(headers).body(problems.of(HttpStatus.NOT_FOUND,
                "not-found", problems.message("resource.path", "path"), "/" + e.getResourcePath()));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        PayloadTooLargeException tooLarge = causeOf(e, PayloadTooLargeException.class);
        if (tooLarge != null) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(tooLarge(tooLarge));
        }
        JacksonException json = causeOf(e, JacksonException.class);
        String field = json == null ? null : json.getPath().stream()
                .map(reference -> reference.getPropertyName() != null ? reference.getPropertyName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        if (field == null || field.isEmpty()) {
            return ResponseEntity.badRequest().body(problems.of(HttpStatus.BAD_REQUEST, "malformed-body"));
        }
        return ResponseEntity.badRequest().body(invalidValue(field));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        String kind = KIND_BY_STATUS.getOrDefault(status.value(), status.is4xxClientError() ? "bad-request" : "internal-error");
        if (DisconnectedClientHelper.isClientDisconnectedException(e)) {
            // a load generator's or a phone's closed connection (broken pipe): nobody is left to answer, nothing failed
            log.debug("the client went away before the answer was written: {}", e.toString());
            return null;
        }
        if (status.is5xxServerError()) {
            log.error("request failed", e);
        }
        return ResponseEntity.status(status).headers(headers).body(problems.of(status, kind));
    }

    private ProblemDetail invalidValue(String field) {
        return invalid(List.of(new FieldProblem(field, problems.message("problem.invalid-value", "invalid value"))));
    }

    private ProblemDetail invalid(List<FieldProblem> fields) {
        ProblemDetail problem = problems.of(HttpStatus.BAD_REQUEST, "invalid-request",
                fields.stream().map(FieldProblem::field).distinct().collect(Collectors.joining(", ")));
        problem.setProperty("errors", fields);
        return problem;
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }

    private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** One offending input: a body field ({@code members[2].name}) or a query parameter. */
    public record FieldProblem(String field, String message) {
    }
}
