package org.linli.issue.copies;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.linli.events.grid.GeoJsonPolygon;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** issue-service's read copies of other services' data, kept from their events (never written by its API). */
final class Copies {

    private Copies() {
    }

    /** A grid, from GridCreated / GridBoundaryChanged. */
    @Document("grid_copies")
    record GridCopy(@Id String id, String level, String name, String parentId, String path, String communityUnitId,
                    GeoJsonPolygon boundary, Instant updatedAt) {
    }

    /** A building, from BuildingRegistered: QR reports name it. */
    @Document("building_copies")
    record BuildingCopy(@Id String id, @Indexed String gridId, String communityUnitId, String name, Double lat,
                        Double lng, Instant updatedAt) {
    }

    /**
     * A grid worker appointment, from GridWorkerAppointed / GridWorkerReplaced, with the worker's login
     * account when the appointment names one (routing assigns the issue to that account; the index on it finds the
     * grids an account serves).
     */
    @Document("worker_copies")
    record WorkerCopy(@Id String id, @Indexed String gridId, String role, boolean active, LocalDate from,
                      @Indexed String accountId, Instant updatedAt) {
    }

    /**
     * A compound, from CompoundCreated, with its contracts from ContractStarted / ContractEnded; its class and
     * responsible unit (Huguan) are null in copies of events from before they existed.
     */
    @Document("compound_copies")
    record CompoundCopy(@Id String id, String name, String communityUnitId, String communityPath,
                        @Indexed String gridId, Double lat, Double lng, GeoJsonPolygon boundary,
                        List<Contract> contracts, Instant updatedAt, String compoundClass, String responsibleUnitId) {

        CompoundCopy {
            contracts = contracts == null ? new ArrayList<>() : contracts;
        }

        /** The company whose contract is in force on a day, {@code null} when none. */
        String companyOn(LocalDate day) {
            return contracts.stream()
                    .filter(contract -> !contract.ended() && !day.isBefore(contract.startsOn())
                            && (contract.endsOn() == null || !day.isAfter(contract.endsOn())))
                    .map(Contract::companyId).findFirst().orElse(null);
        }
    }

    record Contract(String contractId, String companyId, LocalDate startsOn, LocalDate endsOn, boolean ended) {
    }

    /** An org unit, from org events: a community's path (scope) and parent (its street). */
    @Document("org_unit_copies")
    record OrgUnitCopy(@Id String id, String unitType, String name, String parentId, @Indexed String path,
                       boolean active, Instant updatedAt) {
    }
}
