package org.linli.grid.station;

import java.util.List;

/** What the spatial index keeps of a station: enough to answer "nearest" without another read. */
record IndexedStation(String id, String name, StationKind kind, String gridId, String communityUnitId, double lat,
                      double lng, String address, int stars, OpeningHours openingHours,
                      List<Station.OfferedService> services) {

    static IndexedStation of(Station station) {
        return new IndexedStation(station.id(), station.name(), station.kind(), station.gridId(),
                station.communityUnitId(), station.location().lat(), station.location().lng(), station.address(),
                station.stars(), station.openingHours(), station.services());
    }
}
