package org.linli.platform.audit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.linli.platform.web.Caller;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs inside Spring Security's chain, once the token is verified, and notes the actor in the request's
 * {@link AuditExchange} ({@link AuditFilter} runs outside, where the security context is already cleared).
 */
class ActorCapture extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        capture(AuditExchange.of(request), SecurityContextHolder.getContext().getAuthentication());
        chain.doFilter(request, response);
    }

    /** Notes the actor of a verified token; {@link AuditFilter} also calls it for a caller refused before this ran. */
    static void capture(AuditExchange exchange, Object authentication) {
        if (exchange != null && authentication instanceof JwtAuthenticationToken token) {
            Caller caller = Caller.of(token.getToken());
            exchange.actor(new AuditRecord.Actor(caller.accountId(), caller.username(), List.copyOf(caller.roles()),
                    caller.orgUnitId(), caller.orgUnitPath()));
        }
    }
}
