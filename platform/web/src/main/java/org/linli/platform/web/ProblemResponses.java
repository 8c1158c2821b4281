package org.linli.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/** Writes a problem+json response outside Spring MVC: from filters and Spring Security's entry points. */
class ProblemResponses {

    private final Problems problems;
    private final JsonMapper json;
    private final LocaleResolver locales;

    ProblemResponses(Problems problems, JsonMapper json, LocaleResolver locales) {
        this.problems = problems;
        this.json = json;
        this.locales = locales;
    }

    void write(HttpServletRequest request, HttpServletResponse response, int status, String kind, Object... arguments)
            throws IOException {
        Locale previous = LocaleContextHolder.getLocale();
        LocaleContextHolder.setLocale(locales.resolveLocale(request));
        ProblemDetail problem;
        try {
            problem = problems.of(HttpStatusCode.valueOf(status), kind, arguments);
        } finally {
            LocaleContextHolder.setLocale(previous);
        }
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        json.writeValue(response.getOutputStream(), problem);
    }
}
