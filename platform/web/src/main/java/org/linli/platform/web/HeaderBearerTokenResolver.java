package org.linli.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Reads the bearer token of an {@code Authorization: Bearer …} header without a regular expression, and leaves every
 * other request to Spring Security's {@link DefaultBearerTokenResolver}, so the answers are the same. The default
 * matches the whole header against a case-insensitive pattern, and for a token of about a kilobyte that was a fifth
 * of issue-service's CPU per {@code GET /api/v1/issues/{id}} (docs/benchmarks/scale.md, session 12).
 * <p>
 * The fast path takes a header that is {@code Bearer} (any case), one space and RFC 6750's token68 ({@code
 * [A-Za-z0-9-._~+/]+=*}), on a request that cannot also carry an {@code access_token} parameter (no such word in the
 * query, not a form post): exactly the requests where the default returns the header's token.
 */
final class HeaderBearerTokenResolver implements BearerTokenResolver {

    private static final String SCHEME = "bearer ";

    private final BearerTokenResolver fallback = new DefaultBearerTokenResolver();

    @Override
    public String resolve(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && isBearerToken68(header) && !mayCarryParameterToken(request)) {
            return header.substring(SCHEME.length());
        }
        return fallback.resolve(request);
    }

    static boolean isBearerToken68(String header) {
        int start = SCHEME.length();
        if (header.length() <= start || !header.regionMatches(true, 0, SCHEME, 0, start)) {
            return false;
        }
        int end = header.length();
        while (end > start && header.charAt(end - 1) == '=') {
            end--;
        }
        if (end == start) {
            return false;
        }
        for (int i = start; i < end; i++) {
            if (!isToken68Character(header.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isToken68Character(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
    }

    private static boolean mayCarryParameterToken(HttpServletRequest request) {
        String query = request.getQueryString();
        String contentType = request.getContentType();
        return (query != null && query.contains("access_token"))
                || (contentType != null && contentType.regionMatches(true, 0,
                MediaType.APPLICATION_FORM_URLENCODED_VALUE, 0, MediaType.APPLICATION_FORM_URLENCODED_VALUE.length()));
    }
}
