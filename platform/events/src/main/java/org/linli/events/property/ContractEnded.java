package org.linli.events.property;

import java.time.LocalDate;
import org.linli.events.Contracts;
import org.linli.events.DomainEvent;

/**
 * A service contract ended: expired, terminated, or the company was evicted (清退).
 *
 * @param contractId id of the contract
 * @param compoundId the compound
 * @param companyId the company
 * @param reason EXPIRED, TERMINATED or EVICTED
 * @param endedOn last day in force
 */
public record ContractEnded(String contractId, String compoundId, String companyId, String reason,
                            LocalDate endedOn) implements DomainEvent {

    public ContractEnded {
        Contracts.required(contractId, "contractId");
        Contracts.required(compoundId, "compoundId");
    }
}
