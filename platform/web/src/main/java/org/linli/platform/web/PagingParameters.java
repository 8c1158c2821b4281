package org.linli.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.data.domain.Pageable;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Checks {@code page}, {@code size} and {@code sort} before a handler that takes a {@link Pageable} runs, because
 * Spring Data's resolver forgives silently: {@code page=abc} becomes page 0, {@code size=5000} becomes the maximum,
 * and a client never learns it asked for something else. Here each is refused with 400 {@code invalid-request}
 * naming the parameter: {@code page} a whole number up to {@value #MAX_PAGE} (so page × size stays inside what a
 * store's skip can take), {@code size} 1 to {@code spring.data.web.pageable.max-page-size}, {@code sort}
 * {@code field} or {@code field,asc|desc} where a field is a plain (dotted) name, never an operator.
 * A sort on a field the resource does not have is left to the handler (most list endpoints fix their order).
 */
class PagingParameters implements HandlerInterceptor {

    static final int MAX_PAGE = 1_000_000;
    private static final Pattern NUMBER = Pattern.compile("\\d{1,9}");
    private static final Pattern FIELD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}(\\.[A-Za-z_][A-Za-z0-9_]{0,63}){0,4}");

    private final int maxSize;

    PagingParameters(int maxSize) {
        this.maxSize = maxSize;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method && takesPageable(method)) {
            check(request.getParameterValues("page"), request.getParameterValues("size"),
                    request.getParameterValues("sort"));
        }
        return true;
    }

    private static boolean takesPageable(HandlerMethod method) {
        return Arrays.stream(method.getMethodParameters())
                .anyMatch(parameter -> Pageable.class.isAssignableFrom(parameter.getParameterType()));
    }

    /** Throws {@link InvalidParameterException} for the first bad value; {@code null} arrays are absent parameters. */
    void check(String[] pages, String[] sizes, String[] sorts) {
        for (String page : nullToEmpty(pages)) {
            number("page", page, 0, MAX_PAGE);
        }
        for (String size : nullToEmpty(sizes)) {
            number("size", size, 1, maxSize);
        }
        for (String sort : nullToEmpty(sorts)) {
            if (!isSort(sort)) {
                throw new InvalidParameterException("sort", "not-a-sort");
            }
        }
    }

    private static void number(String name, String value, int min, int max) {
        if (!NUMBER.matcher(value).matches()) {
            throw new InvalidParameterException(name, "not-a-number");
        }
        int number = Integer.parseInt(value);
        if (number < min) {
            throw new InvalidParameterException(name, "too-small", min);
        }
        if (number > max) {
            throw new InvalidParameterException(name, "too-large", max);
        }
    }

    /** {@code field}, {@code field,asc}, {@code a,b,desc}; optionally {@code ignorecase} last, as Spring Data reads it. */
    static boolean isSort(String sort) {
        String[] parts = sort.split(",", -1);
        int fields = parts.length;
        if (fields > 1 && parts[fields - 1].equalsIgnoreCase("ignorecase")) {
            fields--;
        }
        if (fields > 1 && isDirection(parts[fields - 1])) {
            fields--;
        }
        if (fields == 0) {
            return false;
        }
        for (int i = 0; i < fields; i++) {
            if (!FIELD.matcher(parts[i]).matches()) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDirection(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        return lower.equals("asc") || lower.equals("desc");
    }

    private static String[] nullToEmpty(String[] values) {
        return values == null ? new String[0] : values;
    }
}
