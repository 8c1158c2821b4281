package org.linli.org.member;

import java.time.Instant;

/**
 * A household a member looks after (包联). An ordinary link has no special group; a special-group
 * link is held by a unit leader and names the building unit the household lives in.
 *
 * @param householdId     the household (owned by grid-service)
 * @param specialGroup    why the household needs attention, {@code null} for an ordinary household
 * @param buildingUnitRef the building unit of a special-group household, {@code null} for an ordinary one
 * @param linkedAt        when the link began
 */
public record HouseholdLink(String householdId, SpecialGroup specialGroup, String buildingUnitRef, Instant linkedAt) {

    public boolean special() {
        return specialGroup != null;
    }
}
