package org.linli.platform.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Turns a finished (not yet committed) request into an {@link AuditRecord} and appends it to the chain.
 * Should the store refuse, the failure is logged with the record's content (which holds no personal data)
 * and the answer still goes out: the state change, if any, has happened, and hiding it would invite a
 * duplicate retry.
 */
class AuditRecorder {

    private static final Logger log = LoggerFactory.getLogger(AuditRecorder.class);
    static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final AuditChain chain;
    private final String service;
    private final Clock clock;
    private final Timer appends;
    private final Counter failures;

    /** {@code meters} gets {@code linli.audit.append} (time each record adds to its request) and {@code linli.audit.failures}. */
    AuditRecorder(AuditChain chain, String service, Clock clock, MeterRegistry meters) {
        this.chain = chain;
        this.service = service;
        this.clock = clock;
        this.appends = Timer.builder("linli.audit.append").description("storing one audit record, on its request's path")
                .publishPercentiles(0.5, 0.99).register(meters);
        this.failures = Counter.builder("linli.audit.failures").description("audit records the store refused")
                .register(meters);
    }

    static boolean audited(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/") || path.startsWith("/open311/");
    }

    static boolean isWrite(HttpServletRequest request) {
        return WRITES.contains(request.getMethod());
    }

    void record(HttpServletRequest request, HttpServletResponse response, int status, AuditExchange exchange) {
        if (!exchange.markRecorded()) {
            return;
        }
        AuditRecord entry = entry(request, response, status, exchange);
        Timer.Sample sample = Timer.start();
        try {
            chain.append(entry);
            sample.stop(appends);
        } catch (RuntimeException e) {
            failures.increment();
            log.error("audit record not stored: {}", entry.canonical().replace('\n', ' '), e);
        }
    }

    AuditRecord entry(HttpServletRequest request, HttpServletResponse response, int status, AuditExchange exchange) {
        AuditRecord.SignIn signIn = exchange.signIn();
        AuditRecord.Kind kind = signIn != null ? AuditRecord.Kind.SIGN_IN
                : isWrite(request) ? AuditRecord.Kind.WRITE
                : exchange.isAuditRead() ? AuditRecord.Kind.AUDIT_READ : AuditRecord.Kind.UNMASKED_READ;
        String path = request.getRequestURI();
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        String requestId = response.getHeader("X-Request-Id");
        return new AuditRecord(0, service, clock.instant().truncatedTo(ChronoUnit.MILLIS), kind, exchange.actor(),
                request.getMethod() + " " + (pattern != null ? pattern : path), path,
                resourceId(request, response, status), status, AuditRecord.Outcome.of(status), clientAddress(request),
                requestId != null ? requestId : MDC.get("requestId"), signIn, exchange.subjects(), null, null);
    }

    /** The path variable {@code id}, else the last segment of a 201's {@code Location}. */
    private static String resourceId(HttpServletRequest request, HttpServletResponse response, int status) {
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables
                && variables.get("id") instanceof String id) {
            return id;
        }
        String location = response.getHeader(HttpHeaders.LOCATION);
        if (status == 201 && location != null) {
            String trimmed = location.replaceAll("[?#].*$", "").replaceAll("/+$", "");
            return trimmed.substring(trimmed.lastIndexOf('/') + 1);
        }
        return null;
    }

    /** The first {@code X-Forwarded-For} entry (the gateway's view of the client), else the peer. */
    static String clientAddress(HttpServletRequest request) {
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded != null && !forwarded.isBlank()) {
            String first = forwarded.split(",", 2)[0].trim();
            if (!first.isEmpty() && first.length() <= 64) {
                return first;
            }
        }
        return request.getRemoteAddr();
    }
}
