package org.linli.events.property;

import java.time.LocalDate;
import org.linli.events.DomainEvent;

/**
 * A sanction was issued to a property company.
 *
 * @param sanctionId id of the sanction
 * @param companyId the company
 * @param compoundId the compound concerned, null when company-wide
 * @param kind PUBLIC_CRITICISM, SUPERVISED_ITEM, YELLOW_CARD, SUMMONS or EVICTION
 * @param appealUntil last day to appeal
 */
public record SanctionIssued(String sanctionId, String companyId, String compoundId, String kind,
                             LocalDate appealUntil) implements DomainEvent {
}
