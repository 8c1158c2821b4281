package org.linli.grid.station;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.linli.grid.grid.GridDirectory.GridView;
import org.linli.grid.grid.GridLevel;
import org.linli.grid.copies.KnownPartyMembers.KnownPartyMember;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/** Object Mother for stations: a grid of 0.02° square at lat 36.2, lng 113.4 in community-1, and stations in it. */
final class Stations {

    static final Instant NOW = Instant.parse("2026-11-21T08:30:00Z");
    static final LocalDate TODAY = LocalDate.parse("2026-11-21");
    static final String COMMUNITY = "community-1";
    static final String COMMUNITY_PATH = "/street-1/community-1/";
    static final double SOUTH = 36.2;
    static final double WEST = 113.4;
    static final GridView GRID = new GridView("grid-1", GridLevel.LEVEL_1, "檀溪一级网格", null, "/grid-1/", COMMUNITY,
            COMMUNITY_PATH, 0, 0);
    static final GridPlace PLACE = new GridPlace(GRID, new GeometryFactory().createPolygon(new Coordinate[] {
            new Coordinate(WEST, SOUTH), new Coordinate(WEST + 0.02, SOUTH), new Coordinate(WEST + 0.02, SOUTH + 0.02),
            new Coordinate(WEST, SOUTH + 0.02), new Coordinate(WEST, SOUTH)}));

    private Stations() {
    }

    static Station.Description description(double lat, double lng) {
        return new Station.Description("檀溪党群服务站", StationKind.PARTY_MASS_SERVICE_STATION,
                new Station.Location(lat, lng), "檀溪路1号", null,
                List.of(new Station.OfferedService(Amenity.BOOK_BAR, null)), List.of());
    }

    static Station station() {
        return Station.open(PLACE, description(SOUTH + 0.01, WEST + 0.01), NOW);
    }

    static KnownPartyMember member(String id, String unitPath, String residenceCommunityId) {
        return new KnownPartyMember(id, "党员" + id, residenceCommunityId == null ? "RESIDENT" : "IN_SERVICE",
                "branch", unitPath, residenceCommunityId);
    }
}
