package org.linli.platform.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * What one audited request has gathered so far, kept as a request attribute: the actor once Spring Security
 * has authenticated the token, the sign-in attempt, the subjects whose unmasked data the answer carries, and
 * whether its record is written.
 */
final class AuditExchange {

    static final String ATTRIBUTE = AuditExchange.class.getName();

    private AuditRecord.Actor actor;
    private AuditRecord.SignIn signIn;
    private final List<AuditRecord.Subject> subjects = new ArrayList<>();
    private boolean recorded;
    private boolean auditRead;

    static AuditExchange of(HttpServletRequest request) {
        return (AuditExchange) request.getAttribute(ATTRIBUTE);
    }

    /** The current request's exchange, {@code null} outside an audited request. */
    static AuditExchange current() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes instanceof ServletRequestAttributes servlet) {
            return of(servlet.getRequest());
        }
        return attributes == null ? null
                : (AuditExchange) attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
    }

    synchronized AuditRecord.Actor actor() {
        return actor;
    }

    synchronized void actor(AuditRecord.Actor actor) {
        this.actor = actor;
    }

    synchronized AuditRecord.SignIn signIn() {
        return signIn;
    }

    synchronized void signIn(AuditRecord.SignIn signIn) {
        this.signIn = signIn;
    }

    synchronized void subject(AuditRecord.Subject subject) {
        if (actor != null && subject.accountId() != null && subject.accountId().equals(actor.accountId())) {
            return; // one's own data is no one else's read
        }
        if (!subjects.contains(subject)) {
            subjects.add(subject);
        }
    }

    synchronized List<AuditRecord.Subject> subjects() {
        return List.copyOf(subjects);
    }

    /** Marks the request as an auditor's read of the trail, itself recorded. */
    synchronized void auditRead() {
        this.auditRead = true;
    }

    synchronized boolean isAuditRead() {
        return auditRead;
    }

    /** Marks the exchange recorded; {@code false} when it already was. */
    synchronized boolean markRecorded() {
        if (recorded) {
            return false;
        }
        recorded = true;
        return true;
    }
}
