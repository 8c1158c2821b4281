package org.linli.platform.web;

import java.net.URI;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Builds RFC 9457 problems the Linli way: a stable {@code type} URI per kind of error, the same kind
 * as a machine-readable {@code code} on every problem (clients switch on it, not on the localised title),
 * a title and detail in the caller's language (zh-CN by default, English on {@code Accept-Language: en}).
 */
public class Problems {

    public static final String TYPE_BASE = "https://linli.example/problems/";

    private final MessageSource messages;

    public Problems(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * @param kind      kebab-case kind: the last segment of {@code type} and the message key suffix
     * @param arguments filled into the detail message {@code problem.<kind>.detail}
     */
    public ProblemDetail of(HttpStatusCode status, String kind, Object... arguments) {
        return withDetail(status, kind, message("problem." + kind + ".detail", null, arguments));
    }

    /** A problem whose detail is given (already localised or from a business rule's own text). */
    public ProblemDetail withDetail(HttpStatusCode status, String kind, String detail) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create(TYPE_BASE + kind));
        problem.setTitle(message("problem." + kind + ".title", kind, new Object[0]));
        problem.setDetail(detail);
        problem.setProperty("code", kind);
        return problem;
    }

    /** A message in the caller's language, or {@code fallback} when no bundle has {@code key}. */
    public String message(String key, String fallback, Object... arguments) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, arguments, fallback, locale);
    }
}
