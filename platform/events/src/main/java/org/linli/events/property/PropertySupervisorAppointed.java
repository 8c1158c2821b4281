package org.linli.events.property;

import java.time.LocalDate;
import org.linli.events.Contracts;
import org.linli.events.DomainEvent;

/**
 * A resident was appointed property supervisor (物业监督员) of a compound, or appointed again after a dismissal. Names
 * and phones stay in property-service: the resident is named by their Linli account only.
 *
 * @param compoundId    the compound
 * @param communityPath the compound's community path (its last segment is the community's unit id)
 * @param accountId     the resident's Linli account
 * @param appointedOn   the day of the appointment
 */
public record PropertySupervisorAppointed(String compoundId, String communityPath, String accountId,
                                          LocalDate appointedOn) implements DomainEvent {

    public PropertySupervisorAppointed {
        Contracts.required(compoundId, "compoundId");
        Contracts.required(accountId, "accountId");
    }
}
