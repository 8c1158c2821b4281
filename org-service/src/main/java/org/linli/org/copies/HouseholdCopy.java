package org.linli.org.copies;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A household grid-service registered (HouseholdRegistered), kept so that a member's household link (包联)
 * names a household that exists. Only ids: no names, no phones.
 *
 * @param id           the household's id in grid-service
 * @param buildingId   its building
 * @param gridId       its grid
 * @param registeredAt when grid-service registered it (the event's time)
 */
@Document("household_copies")
record HouseholdCopy(@Id String id, String buildingId, String gridId, Instant registeredAt) {
}
