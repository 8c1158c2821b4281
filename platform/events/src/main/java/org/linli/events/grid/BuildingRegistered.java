package org.linli.events.grid;

import org.linli.events.Contracts;
import org.linli.events.DomainEvent;

/**
 * A building (楼栋) was registered inside a grid. Issue-service uses it to route a QR-code report made for the building.
 *
 * @param buildingId id of the building
 * @param gridId the finest grid it lies in
 * @param communityUnitId the community (org unit) of that grid
 * @param name display name
 * @param lat WGS-84 latitude of its entrance, {@code null} when not surveyed
 * @param lng WGS-84 longitude of its entrance, {@code null} when not surveyed
 */
public record BuildingRegistered(String buildingId, String gridId, String communityUnitId, String name,
                                 Double lat, Double lng) implements DomainEvent {

    public BuildingRegistered {
        Contracts.required(buildingId, "buildingId");
        Contracts.required(gridId, "gridId");
    }
}
