package org.linli.platform.audit;

import java.util.List;

/**
 * How a controller tells the audit trail that its answer carries someone's personal data unmasked (an ID
 * number, a phone number): call {@link #record} where the decision to unmask is taken. The request's audit
 * record then names the subject, so the person can later see who read them
 * ({@code GET /api/v1/audit-trails/{service}/reads-of-me}). Outside an audited request it does nothing;
 * a person reading their own data is not recorded.
 */
public final class UnmaskedReads {

    private UnmaskedReads() {
    }

    /**
     * @param subjectAccountId the person's Linli account, {@code null} when not known
     * @param resourceType     the resource, e.g. {@code party-member}
     * @param resourceId       its id
     * @param fields           the field names shown unmasked, never their values
     */
    public static void record(String subjectAccountId, String resourceType, String resourceId, String... fields) {
        AuditExchange exchange = AuditExchange.current();
        if (exchange != null) {
            exchange.subject(new AuditRecord.Subject(subjectAccountId, resourceType, resourceId, List.of(fields)));
        }
    }
}
