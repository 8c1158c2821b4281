package org.linli.events.points;

import org.linli.events.DomainEvent;

/**
 * A redemption was handed over at the points supermarket.
 *
 * @param redemptionId id
 * @param accountId holder
 * @param rewardId the reward
 */
public record RedemptionFulfilled(String redemptionId, String accountId, String rewardId) implements DomainEvent {
}
