package org.linli.events.property;

import org.linli.events.Contracts;
import org.linli.events.DomainEvent;
import org.linli.events.grid.GeoJsonPolygon;

/**
 * A compound (小区) was registered. Issue-service keeps a copy to route reports; the boundary is optional.
 *
 * @param compoundId id of the compound
 * @param name name
 * @param kind COMMERCIAL, VILLAGE_BUILT or WORK_UNIT
 * @param communityUnitId community (org unit)
 * @param communityPath that unit's path
 * @param gridId the grid it lies in
 * @param households households
 * @param lat WGS-84 latitude of its centre
 * @param lng WGS-84 longitude of its centre
 * @param boundary its boundary, null when not surveyed
 */
public record CompoundCreated(String compoundId, String name, String kind, String communityUnitId,
                              String communityPath, String gridId, int households, double lat, double lng,
                              GeoJsonPolygon boundary) implements DomainEvent {

    public CompoundCreated {
        Contracts.required(compoundId, "compoundId");
    }
}
