package org.linli.events.property;

import java.time.LocalDate;
import org.linli.events.DomainEvent;

/**
 * A compound left the focus list after its rectification was accepted.
 *
 * @param compoundId the compound
 * @param acceptedOn day of the third-party acceptance
 */
public record FocusListLeft(String compoundId, LocalDate acceptedOn) implements DomainEvent {
}
