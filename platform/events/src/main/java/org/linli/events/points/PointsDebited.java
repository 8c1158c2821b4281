package org.linli.events.points;

import org.linli.events.DomainEvent;

/**
 * Points were debited from an account.
 *
 * @param entryId id of the ledger entry
 * @param accountId the holder's account id
 * @param amount points, > 0
 * @param reason REDEMPTION or CORRECTION
 * @param reference what it is for
 * @param balanceAfter balance after the entry
 */
public record PointsDebited(String entryId, String accountId, long amount, String reason, String reference,
                            long balanceAfter) implements DomainEvent {
}
