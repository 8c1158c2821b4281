package org.linli.events.property;

import java.time.LocalDate;
import org.linli.events.Contracts;
import org.linli.events.DomainEvent;

/**
 * A service contract between a property company and a compound started.
 *
 * @param contractId id of the contract
 * @param compoundId the compound
 * @param companyId the company
 * @param kind REGULAR, TEMPORARY or FALLBACK (兜底)
 * @param startsOn first day
 * @param endsOn last day
 */
public record ContractStarted(String contractId, String compoundId, String companyId, String kind,
                              LocalDate startsOn, LocalDate endsOn) implements DomainEvent {

    public ContractStarted {
        Contracts.required(contractId, "contractId");
        Contracts.required(compoundId, "compoundId");
    }
}
