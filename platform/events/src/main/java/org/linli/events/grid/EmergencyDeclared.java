package org.linli.events.grid;

import java.util.List;
import org.linli.events.DomainEvent;

/**
 * An emergency (突发事件) was declared on one or more grids; each grid's active grid worker is its on-site commander.
 *
 * @param emergencyId id of the incident
 * @param kind kind: FLOOD, FIRE, LANDSLIDE, GAS_LEAK, EPIDEMIC, SNOW, OTHER
 * @param gridIds grids it covers
 * @param commanderWorkerIds appointment ids of the on-site commanders, one per grid that has an active worker
 */
public record EmergencyDeclared(String emergencyId, String kind, List<String> gridIds,
                                List<String> commanderWorkerIds) implements DomainEvent {
}
