package org.linli.events.points;

import org.linli.events.DomainEvent;

/**
 * A reward was redeemed: points deducted and stock reserved together.
 *
 * @param redemptionId id
 * @param accountId holder
 * @param rewardId the reward
 * @param quantity items
 * @param points points deducted
 */
public record RedemptionMade(String redemptionId, String accountId, String rewardId, int quantity, long points) implements DomainEvent {
}
