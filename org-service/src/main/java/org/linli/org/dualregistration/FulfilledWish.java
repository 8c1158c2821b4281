package org.linli.org.dualregistration;

import java.time.Instant;

/**
 * A micro-wish (微心愿) of a paired community that the unit claimed and fulfilled, as issue-service
 * reported it (MicroWishFulfilled, once the resident or staff confirmed it): a service the unit did for
 * that community in that year.
 *
 * @param wishId      issue-service's id of the wish
 * @param year        the year it was confirmed (county time)
 * @param communityId the wish's community
 * @param confirmedAt when issue-service recorded the confirmation
 */
public record FulfilledWish(String wishId, int year, String communityId, Instant confirmedAt) {
}
