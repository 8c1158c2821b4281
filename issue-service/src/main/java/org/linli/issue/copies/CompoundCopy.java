package org.linli.issue.copies;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.linli.events.grid.GeoJsonPolygon;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * issue-service's read copy of a compound, from CompoundCreated, with its contracts from ContractStarted /
 * ContractEnded; its class and responsible unit (Huguan) are null in copies of events from before they existed.
 */
@Document("compound_copies")
public record CompoundCopy(@Id String id, String name, String communityUnitId, String communityPath,
                           @Indexed String gridId, Double lat, Double lng, GeoJsonPolygon boundary,
                           List<Contract> contracts, Instant updatedAt, String compoundClass,
                           String responsibleUnitId) {

    public CompoundCopy {
        contracts = contracts == null ? new ArrayList<>() : contracts;
    }

    /** The company whose contract is in force on a day, {@code null} when none. */
    public String companyOn(LocalDate day) {
        return contracts.stream()
                .filter(contract -> !contract.ended() && !day.isBefore(contract.startsOn())
                        && (contract.endsOn() == null || !day.isAfter(contract.endsOn())))
                .map(Contract::companyId).findFirst().orElse(null);
    }

    /** A service contract on the compound, kept in the compound's copy. */
    public record Contract(String contractId, String companyId, LocalDate startsOn, LocalDate endsOn, boolean ended) {
    }
}
