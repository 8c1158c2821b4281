package org.linli.events.grid;

import java.util.List;
import org.linli.events.DomainEvent;

/**
 * An emergency was closed with an outcome.
 *
 * @param emergencyId id of the incident
 * @param outcome CONTAINED, RESOLVED or ESCALATED_TO_COUNTY
 * @param initialHandlingSucceeded whether the first on-site handling contained it
 * @param gridIds grids it covered
 */
public record EmergencyClosed(String emergencyId, String outcome, boolean initialHandlingSucceeded,
                              List<String> gridIds) implements DomainEvent {
}
