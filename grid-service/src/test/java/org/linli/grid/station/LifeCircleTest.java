package org.linli.grid.station;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.linli.grid.station.Residences.BuildingSpot;
import org.linli.grid.station.Residences.HouseholdCount;
import org.linli.platform.domain.GreatCircle;

/** The spatial part without Spring: nearest stations by great-circle distance and the 15-minute report. */
class LifeCircleTest {

    private static final double LAT = 36.2;
    private static final double LNG = 113.4;
    /** Metres per degree of latitude on the mean sphere. */
    private static final double METRES_PER_DEGREE = GreatCircle.METRES_PER_DEGREE;

    @Test
    void findsTheSameNearestStationsAsABruteForceSearch() {
        SplittableRandom random = new SplittableRandom(7);
        List<IndexedStation> stations = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            stations.add(station("s" + i, LAT + random.nextDouble() * 0.3, LNG + random.nextDouble() * 0.3));
        }
        StationTree tree = new StationTree(stations);
        for (int q = 0; q < 200; q++) {
            double lat = LAT - 0.1 + random.nextDouble() * 0.5;
            double lng = LNG - 0.1 + random.nextDouble() * 0.5;
            List<String> expected = stations.stream()
                    .sorted(Comparator.comparingDouble((IndexedStation s) -> GreatCircle.metres(lat, lng, s.lat(), s.lng()))
                            .thenComparing(IndexedStation::id))
                    .limit(5).map(IndexedStation::id).toList();
            assertThat(tree.nearest(lat, lng, 5, 500)).extracting(hit -> hit.station().id()).isEqualTo(expected);
        }
        assertThat(tree.nearest(-LAT, -LNG, 3, 100)).hasSize(3);
        assertThat(new StationTree(List.of()).nearest(LAT, LNG, 3, 100)).isEmpty();
    }

    @Test
    void countsHouseholdsOutOfReachPerBuildingAndKeepsUnlocatedOnesApart() {
        StationSettings settings = StationSettings.defaults();
        StationTree tree = new StationTree(List.of(station("near", LAT, LNG)));
        double reachDegrees = settings.reachRadiusMetres() / METRES_PER_DEGREE;
        List<BuildingSpot> buildings = List.of(
                new BuildingSpot("inside", "1号楼", "g", "/s/c1/", LAT + reachDegrees * 0.9, LNG),
                new BuildingSpot("outside", "2号楼", "g", "/s/c1/", LAT + reachDegrees * 1.1, LNG),
                new BuildingSpot("nowhere", "3号楼", "g", "/s/c1/", null, null),
                new BuildingSpot("far", "9号楼", "g", "/s/c2/", LAT + 0.1, LNG));
        List<HouseholdCount> counts = List.of(new HouseholdCount("/s/c1/", "inside", 10),
                new HouseholdCount("/s/c1/", "outside", 4), new HouseholdCount("/s/c1/", "nowhere", 3),
                new HouseholdCount("/s/c1/", "vanished", 1), new HouseholdCount("/s/c2/", "far", 2));

        LifeCircle.Report report = LifeCircle.compute(counts, buildings, tree, settings, "/s/c3/", id -> id + "党委", 100);

        assertThat(report.walkingMinutes()).isEqualTo(15);
        assertThat(report.reachRadiusM()).isEqualTo(769);
        assertThat(report.communities()).extracting(LifeCircle.CommunityReach::communityUnitId)
                .containsExactly("c1", "c2", "c3");
        LifeCircle.CommunityReach c1 = report.communities().get(0);
        assertThat(c1.communityName()).isEqualTo("c1党委");
        assertThat(c1.households()).isEqualTo(18);
        assertThat(c1.withinReach()).isEqualTo(10);
        assertThat(c1.outOfReach()).isEqualTo(4);
        assertThat(c1.unlocated()).isEqualTo(4);
        assertThat(c1.shareWithinReach()).isEqualTo(0.7143);
        assertThat(c1.outOfReachBuildings()).singleElement().satisfies(building -> {
            assertThat(building.buildingId()).isEqualTo("outside");
            assertThat(building.nearestStationId()).isEqualTo("near");
            assertThat(building.nearestWalkingMetres()).isBetween(1090L, 1110L);
        });
        LifeCircle.CommunityReach c3 = report.communities().get(2);
        assertThat(c3.households()).isZero();
        assertThat(c3.shareWithinReach()).isNull();
    }

    @Test
    void withoutAnyStationEveryLocatedHouseholdIsOutOfReachAndTheListIsCapped() {
        List<BuildingSpot> buildings = new ArrayList<>();
        List<HouseholdCount> counts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            buildings.add(new BuildingSpot("b" + i, i + "号楼", "g", "/s/c1/", LAT + i * 0.001, LNG));
            counts.add(new HouseholdCount("/s/c1/", "b" + i, i + 1));
        }
        LifeCircle.Report report = LifeCircle.compute(counts, buildings, new StationTree(List.of()),
                new StationSettings(500, 1.2, 5, Duration.ZERO, ZoneId.of("Asia/Shanghai")), null, id -> null, 2);

        LifeCircle.CommunityReach c1 = report.communities().get(0);
        assertThat(c1.outOfReach()).isEqualTo(15);
        assertThat(c1.shareWithinReach()).isEqualTo(0.0);
        assertThat(c1.outOfReachBuildingsTotal()).isEqualTo(5);
        assertThat(c1.outOfReachBuildings()).extracting(LifeCircle.OutOfReachBuilding::buildingId)
                .containsExactly("b4", "b3");
        assertThat(c1.outOfReachBuildings().get(0).nearestStationId()).isNull();
    }

    private static IndexedStation station(String id, double lat, double lng) {
        return new IndexedStation(id, id, StationKind.GRID_POST, "g", "c1", lat, lng, null, 0,
                new OpeningHours(List.of()), List.of());
    }
}
