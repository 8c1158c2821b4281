package org.linli.issue.issue;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;

/** The caller's own token, which intake forwards to grid-service when the local copies cannot route a place. */
public final class BearerToken {

    private BearerToken() {
    }

    /** The token of the request's {@code Authorization: Bearer} header, {@code null} without one. */
    public static String of(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7) : null;
    }
}
