package org.linli.events.property;

import org.linli.events.DomainEvent;

/**
 * A compound entered the focus list (重点关注) because its complaints in the rolling window passed the threshold.
 *
 * @param compoundId the compound
 * @param complaints complaints counted in the window
 * @param windowDays the rolling window in days
 * @param threshold the threshold passed
 */
public record FocusListEntered(String compoundId, int complaints, int windowDays, int threshold) implements DomainEvent {
}
