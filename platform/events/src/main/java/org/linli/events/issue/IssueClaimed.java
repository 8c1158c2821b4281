package org.linli.events.issue;

import org.linli.events.DomainEvent;

/**
 * A party member or volunteer claimed an issue open for claiming.
 *
 * @param issueId id of the issue
 * @param claimantAccountId the claimant's account
 */
public record IssueClaimed(String issueId, String claimantAccountId) implements DomainEvent {
}
