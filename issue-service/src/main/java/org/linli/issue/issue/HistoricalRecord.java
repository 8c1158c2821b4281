package org.linli.issue.issue;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.linli.platform.domain.BusinessRuleViolation;

/**
 * One record of another system's history, as the import reads it. The compact constructor holds the
 * rules every record obeys; a broken one is refused with a {@link BusinessRuleViolation} whose code
 * names the rule, so that an import reports it for that row and goes on with the others.
 *
 * @param status the state reached: REPORTED, DISPATCHED, OPEN_FOR_CLAIM, ON_SITE, IN_PROGRESS,
 *               RESOLVED, CLOSED or REJECTED ({@link #IMPORTABLE})
 * @param note   the resolution note (RESOLVED, CLOSED) or the reason (REJECTED), optional
 */
public record HistoricalRecord(String source, String sourceRecordId, Instant receivedAt, Category category,
                               Severity severity, String description, Double lat, Double lng, String buildingId,
                               String address, String reporterName, String reporterPhone, IssueStatus status,
                               Instant resolvedAt, Instant closedAt, Integer rating, String note) {

    /** The states a record can be imported in: those that need no account or event of ours to explain. */
    public static final Set<IssueStatus> IMPORTABLE = EnumSet.of(IssueStatus.REPORTED, IssueStatus.DISPATCHED,
            IssueStatus.OPEN_FOR_CLAIM, IssueStatus.ON_SITE, IssueStatus.IN_PROGRESS, IssueStatus.RESOLVED,
            IssueStatus.CLOSED, IssueStatus.REJECTED);

    public HistoricalRecord {
        Objects.requireNonNull(source);
        Objects.requireNonNull(sourceRecordId);
        Objects.requireNonNull(receivedAt);
        Objects.requireNonNull(category);
        Objects.requireNonNull(status);
        description = Report.strippedDescription(description);
        if ((lat == null) != (lng == null) || lat == null && buildingId == null) {
            throw new BusinessRuleViolation("location-required", "a record needs lat and lng, or a building");
        }
        if (!IMPORTABLE.contains(status)) {
            throw new BusinessRuleViolation("status-not-importable", "a record cannot be imported as " + status,
                    status.name());
        }
        requireTimes(status, receivedAt, resolvedAt, closedAt);
        if (rating != null && (status != IssueStatus.CLOSED || rating < 1 || rating > 5)) {
            throw new BusinessRuleViolation("invalid-rating", "only a CLOSED record has a rating, 1 to 5",
                    rating);
        }
        note = note == null || note.isBlank() ? null : note.strip();
    }

    private static void requireTimes(IssueStatus status, Instant received, Instant resolved, Instant closed) {
        boolean needsResolved = status == IssueStatus.RESOLVED;
        boolean needsClosed = status == IssueStatus.CLOSED || status == IssueStatus.REJECTED;
        boolean mayResolve = needsResolved || status == IssueStatus.CLOSED;
        if (needsResolved && resolved == null || needsClosed && closed == null) {
            throw new BusinessRuleViolation("missing-time", "a " + status + " record needs "
                    + (needsResolved ? "resolvedAt" : "closedAt"), status.name());
        }
        if (!mayResolve && resolved != null || !needsClosed && closed != null) {
            throw new BusinessRuleViolation("unexpected-time", "a " + status + " record has no "
                    + (resolved != null && !mayResolve ? "resolvedAt" : "closedAt"), status.name());
        }
        if (resolved != null && resolved.isBefore(received) || closed != null && closed.isBefore(received)
                || resolved != null && closed != null && closed.isBefore(resolved)) {
            throw new BusinessRuleViolation("times-out-of-order",
                    "receivedAt <= resolvedAt <= closedAt is required");
        }
    }

    void requireNotAfter(Instant now) {
        Instant latest = closedAt != null ? closedAt : resolvedAt != null ? resolvedAt : receivedAt;
        if (latest.isAfter(now) || receivedAt.isAfter(now)) {
            throw new BusinessRuleViolation("time-in-future", "a historical record's times lie in the past");
        }
    }

    @Override
    public String toString() {
        return "HistoricalRecord[source=" + source + ", id=" + sourceRecordId + ", status=" + status + "]";
    }
}
