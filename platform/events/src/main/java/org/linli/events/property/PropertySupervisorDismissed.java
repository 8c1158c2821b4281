package org.linli.events.property;

import java.time.LocalDate;
import org.linli.events.Contracts;
import org.linli.events.DomainEvent;

/**
 * A property supervisor (物业监督员) of a compound was dismissed; from then on they file no supervision records there.
 *
 * @param compoundId    the compound
 * @param communityPath the compound's community path (its last segment is the community's unit id)
 * @param accountId     the resident's Linli account
 * @param dismissedOn   the day of the dismissal
 */
public record PropertySupervisorDismissed(String compoundId, String communityPath, String accountId,
                                          LocalDate dismissedOn) implements DomainEvent {

    public PropertySupervisorDismissed {
        Contracts.required(compoundId, "compoundId");
        Contracts.required(accountId, "accountId");
    }
}
