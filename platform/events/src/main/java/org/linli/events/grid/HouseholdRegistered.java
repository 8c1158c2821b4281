package org.linli.events.grid;

import java.util.List;
import org.linli.events.DomainEvent;

/**
 * A household (住户) was registered in a building of a grid. Carries no names or phone numbers.
 *
 * @param householdId   id of the new household
 * @param buildingId    the building (楼栋) it lives in
 * @param gridId        the grid the building lies in
 * @param residents     number of residents, 1 to 20
 * @param specialGroups special groups it belongs to ({@code ELDERLY_ALONE}, {@code DISABLED}, {@code HARDSHIP},
 *                      {@code LEFT_BEHIND_CHILD}, {@code OTHER}); any one makes it a key household (重点户)
 */
public record HouseholdRegistered(String householdId, String buildingId, String gridId, int residents,
                                  List<String> specialGroups) implements DomainEvent {
}
