package org.linli.events.points;

import org.linli.events.DomainEvent;

/**
 * Points were credited to an account (an append-only ledger entry).
 *
 * @param entryId id of the ledger entry
 * @param accountId the holder's account id
 * @param amount points, > 0
 * @param reason ACTIVITY, ISSUE_RESOLVED, MICRO_WISH, REFUND, CORRECTION
 * @param reference what it pays for; unique per credit
 * @param balanceAfter balance after the entry
 */
public record PointsCredited(String entryId, String accountId, long amount, String reason, String reference,
                             long balanceAfter) implements DomainEvent {
}
