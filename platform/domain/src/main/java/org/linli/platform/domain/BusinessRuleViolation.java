package org.linli.platform.domain;

import java.util.Arrays;

/**
 * A request that is well-formed but breaks a business rule (an illegal state transition, a limit), with a
 * machine-readable {@code code}. At the edge, platform/web's {@code ProblemHandler} answers it with 422
 * problem+json; the detail is read from the service's {@code messages} bundle under
 * {@code problem.<code>.detail} in the caller's language, with the arguments filled in; the exception's own
 * message is the fallback.
 *
 * <p>Thrown by aggregates; it carries no HTTP or Spring types.
 */
public class BusinessRuleViolation extends RuntimeException {

    private final String code;
    private final transient Object[] arguments;

    public BusinessRuleViolation(String code, String message, Object... arguments) {
        super(message);
        this.code = code;
        this.arguments = arguments.clone();
    }

    /** Stable kebab-case code, e.g. {@code invalid-parent-type}. */
    public String code() {
        return code;
    }

    public Object[] arguments() {
        return Arrays.copyOf(arguments, arguments.length);
    }
}
