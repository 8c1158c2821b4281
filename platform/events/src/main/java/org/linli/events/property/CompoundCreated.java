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
 * @param compoundClass who answers for it (Huguan): COMMERCIAL (the housing department), OLD_OR_UNMANAGED (the
 *                      township or street) or WORK_UNIT (the employer's party organisation); added 2026-12, absent
 *                      in older records (read them as COMMERCIAL)
 * @param responsibleUnitId for WORK_UNIT, the org unit of the employer's party organisation when named, else null
 */
public record CompoundCreated(String compoundId, String name, String kind, String communityUnitId,
                              String communityPath, String gridId, int households, double lat, double lng,
                              GeoJsonPolygon boundary, String compoundClass, String responsibleUnitId)
        implements DomainEvent {

    public CompoundCreated {
        Contracts.required(compoundId, "compoundId");
    }
}
