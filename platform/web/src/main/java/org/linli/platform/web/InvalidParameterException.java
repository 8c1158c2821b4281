package org.linli.platform.web;

import java.util.Arrays;

/**
 * A request parameter refused at the edge (a garbage {@code page}, a {@code size} above the limit, a {@code sort}
 * naming no field): answers 400 {@code invalid-request} with the parameter in {@code errors}.
 */
public class InvalidParameterException extends RuntimeException {

    private final String parameter;
    private final String reason;
    private final transient Object[] arguments;

    /**
     * @param parameter the query parameter's name, as the client sent it
     * @param reason    why, as the suffix of the message key {@code problem.parameter.<reason>} (e.g. {@code too-large})
     * @param arguments filled into that message
     */
    public InvalidParameterException(String parameter, String reason, Object... arguments) {
        super(parameter + ": " + reason);
        this.parameter = parameter;
        this.reason = reason;
        this.arguments = arguments.clone();
    }

    public String parameter() {
        return parameter;
    }

    public String reason() {
        return reason;
    }

    public Object[] arguments() {
        return Arrays.copyOf(arguments, arguments.length);
    }
}
