package org.linli.events.issue;

import java.time.Instant;
import org.linli.events.DomainEvent;

/**
 * A historical issue was imported from another system (the 12345 hotline) with the state it had reached
 * there. It is history, not a new report: consumers that count live reports (complaints towards the focus
 * list, points for handlers, this month's satisfaction) do not take it as one. The envelope's
 * {@code occurredAt} is the import; the record's own times are in the payload. No names or phones.
 *
 * @param issueId id of the issue in issue-service (derived from source and sourceRecordId)
 * @param source the system it came from, e.g. {@code 12345}
 * @param sourceRecordId the record's id in that system
 * @param category category code
 * @param severity ORDINARY, COMPLEX or MAJOR
 * @param status the state it was imported in (REPORTED … CLOSED, REJECTED)
 * @param receivedAt when the source system received it (the issue's reportedAt)
 * @param resolvedAt when it was resolved, null when not
 * @param closedAt when it was closed or rejected, null when open
 * @param rating the reporter's rating 1-5 of a closed record, null when none
 * @param gridId finest grid located, null when routed to a queue
 * @param communityUnitId community (org unit) that owns it, null for the county queue
 * @param compoundId compound it lies in, null when none
 * @param companyId the compound's property company at the time of the import, null when none
 * @param lat WGS-84 latitude, null when given by building only
 * @param lng WGS-84 longitude
 */
public record IssueImported(String issueId, String source, String sourceRecordId, String category, String severity,
                            String status, Instant receivedAt, Instant resolvedAt, Instant closedAt, Integer rating,
                            String gridId, String communityUnitId, String compoundId, String companyId, Double lat,
                            Double lng) implements DomainEvent {
}
