package org.linli.events.issue;

import org.linli.events.DomainEvent;

/**
 * An issue was dispatched: assigned to a grid worker, or opened for claiming by party members (党员接单).
 *
 * @param issueId id of the issue
 * @param mode ASSIGNED or OPEN_FOR_CLAIM
 * @param assigneeAccountId the account assigned, null when open for claim
 * @param gridId the grid
 */
public record IssueDispatched(String issueId, String mode, String assigneeAccountId, String gridId) implements DomainEvent {
}
