package org.linli.events.issue;

import java.time.Instant;
import org.linli.events.DomainEvent;

/**
 * A deadline of an issue passed (5341 policy).
 *
 * @param issueId id of the issue
 * @param deadline ON_SITE, SOLUTION or DEPARTMENT_CHECK_IN
 * @param dueAt when it was due
 */
public record IssueOverdue(String issueId, String deadline, Instant dueAt) implements DomainEvent {
}
