package org.linli.events.issue;

import org.linli.events.DomainEvent;

/**
 * An overdue issue was escalated one level (吹哨): COMMUNITY, STREET or DEPARTMENT.
 *
 * @param issueId id of the issue
 * @param level the level it now sits at
 * @param targetUnitId the org unit (or department) now responsible
 * @param reason the deadline missed
 */
public record IssueEscalated(String issueId, String level, String targetUnitId, String reason) implements DomainEvent {
}
