package org.linli.events.issue;

import java.time.Instant;
import org.linli.events.Contracts;
import org.linli.events.DomainEvent;

/**
 * A resident's issue (诉求) was reported and routed. The reporter is never named: anonymous or not, personal data stays in issue-service.
 *
 * @param issueId id of the issue
 * @param category category code
 * @param severity ORDINARY, COMPLEX or MAJOR
 * @param channel APP, QR_CODE, PATROL, HOTLINE or OPEN311
 * @param gridId finest grid located, null when routed to the community queue
 * @param communityUnitId community (org unit) that owns it
 * @param compoundId compound it lies in, null when none
 * @param companyId the compound's property company at the time, null when none
 * @param lat WGS-84 latitude, null when given by building only
 * @param lng WGS-84 longitude
 * @param receivedAt when the report was first received: the envelope's {@code occurredAt} for a report made here,
 *                   earlier for one a county system or hotline took before (counted by this time); absent
 *                   (null) in events published before 2026-12, read as {@code occurredAt}
 */
public record IssueReported(String issueId, String category, String severity, String channel, String gridId,
                            String communityUnitId, String compoundId, String companyId, Double lat, Double lng,
                            Instant receivedAt) implements DomainEvent {

    public IssueReported {
        Contracts.required(issueId, "issueId");
    }
}
