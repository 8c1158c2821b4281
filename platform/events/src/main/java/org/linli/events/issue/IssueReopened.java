package org.linli.events.issue;

import org.linli.events.DomainEvent;

/**
 * A resolved issue was reopened: bad rating (1–2) or "not fixed".
 *
 * @param issueId id of the issue
 * @param reason BAD_RATING, NOT_FIXED or MEETING_REDIRECT
 * @param rating the rating given, null when none
 */
public record IssueReopened(String issueId, String reason, Integer rating) implements DomainEvent {
}
