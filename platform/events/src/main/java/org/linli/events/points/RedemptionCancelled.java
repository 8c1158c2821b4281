package org.linli.events.points;

import org.linli.events.DomainEvent;

/**
 * A redemption was cancelled; the points were refunded by a reversing entry and the stock released.
 *
 * @param redemptionId id
 * @param accountId holder
 * @param rewardId the reward
 * @param points points refunded
 */
public record RedemptionCancelled(String redemptionId, String accountId, String rewardId, long points) implements DomainEvent {
}
