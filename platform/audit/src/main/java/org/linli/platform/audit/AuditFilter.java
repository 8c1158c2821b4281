package org.linli.platform.audit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.linli.platform.web.Caller;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Records every write to {@code /api/**} and {@code /open311/**} whatever its outcome, Spring Security's
 * 401 and 403 included (it runs outside the security chain). The answer is held back in a buffer until its
 * record is stored, so a crash after answering loses no record. Reads pass unbuffered; the few that carry
 * unmasked personal data are recorded by {@link UnmaskedReadsAdvice} before their body is written.
 */
class AuditFilter extends OncePerRequestFilter {

    private final AuditRecorder recorder;

    AuditFilter(AuditRecorder recorder) {
        this.recorder = recorder;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !AuditRecorder.audited(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        AuditExchange exchange = new AuditExchange();
        request.setAttribute(AuditExchange.ATTRIBUTE, exchange);
        if (!AuditRecorder.isWrite(request)) {
            chain.doFilter(request, response);
            return;
        }
        ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
        boolean failed = true;
        try {
            chain.doFilter(request, buffered);
            failed = false;
        } finally {
            if (exchange.actor() == null) {
                ActorCapture.capture(exchange, request.getAttribute(Caller.REFUSED_AUTHENTICATION));
            }
            recorder.record(request, buffered, failed ? 500 : buffered.getStatus(), exchange);
            buffered.copyBodyToResponse();
        }
    }
}
