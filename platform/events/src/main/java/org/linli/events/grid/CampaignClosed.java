package org.linli.events.grid;

import java.time.LocalDate;
import org.linli.events.Contracts;
import org.linli.events.DomainEvent;

/**
 * A rectification campaign (专项整治) was closed; no case can be recorded or fixed in it any more. Its final counts
 * over all its cases, overdue as of the day it closed. No places, photos or names.
 *
 * @param campaignId id of the campaign
 * @param hazard     what it went after, e.g. {@code FLYING_LEAD_CHARGING}
 * @param areaUnitId the street or community (org unit) it covered
 * @param startsOn   first day of its period
 * @param endsOn     last day of its period
 * @param found      cases recorded
 * @param fixed      of which fixed
 * @param overdue    unfixed past their deadline when it closed
 */
public record CampaignClosed(String campaignId, String hazard, String areaUnitId, LocalDate startsOn,
                             LocalDate endsOn, int found, int fixed, int overdue) implements DomainEvent {

    public CampaignClosed {
        Contracts.required(campaignId, "campaignId");
    }
}
