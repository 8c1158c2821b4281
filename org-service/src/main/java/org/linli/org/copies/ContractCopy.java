package org.linli.org.copies;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A service contract between a property company and a compound (ContractStarted, ContractEnded), so that
 * the dashboard knows which companies serve the compounds of a subtree.
 *
 * @param id         the contract's id in property-service
 * @param compoundId the compound served
 * @param companyId  the company serving it
 * @param ended      whether the contract has ended
 * @param updatedAt  the time of the last event applied
 */
@Document("contract_copies")
record ContractCopy(@Id String id, @Indexed String compoundId, String companyId, boolean ended, Instant updatedAt) {
}
