package org.linli.grid.station;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.linli.grid.station.Residences.BuildingSpot;
import org.linli.grid.station.Residences.HouseholdCount;

/**
 * The 15-minute life circle (15分钟生活圈): per community, which households live farther than the walking
 * distance ({@code linli.grid.stations.walking-distance-m}) from every station, of any community, measured
 * from their building. Each located building is looked up in the station tree once, however many households
 * live in it; households whose building has no location (or is unknown) are counted as {@code unlocated},
 * never dropped. The share within reach is of the located households.
 */
final class LifeCircle {

    private LifeCircle() {
    }

    /**
     * @param counts            households per community and building
     * @param buildings         the buildings those households live in (at least)
     * @param requiredCommunity a community path to report even without households, or {@code null}
     * @param communityNames    community unit id → name ({@code null} when unknown)
     * @param buildingsLimit    how many out-of-reach buildings to list per community (most households first)
     */
    static Report compute(List<HouseholdCount> counts, List<BuildingSpot> buildings, StationTree tree,
                          StationSettings settings, String requiredCommunity, Function<String, String> communityNames,
                          int buildingsLimit) {
        Map<String, BuildingSpot> byId = new HashMap<>();
        for (BuildingSpot building : buildings) {
            byId.put(building.id(), building);
        }
        double reach = settings.reachRadiusMetres();
        Map<String, Tally> tallies = new TreeMap<>();
        if (requiredCommunity != null) {
            tallies.put(requiredCommunity, new Tally());
        }
        Map<String, Reach> reachOf = new HashMap<>();
        for (HouseholdCount count : counts) {
            Tally tally = tallies.computeIfAbsent(count.communityPath(), path -> new Tally());
            tally.households += count.households();
            BuildingSpot building = count.buildingId() == null ? null : byId.get(count.buildingId());
            if (building == null || !building.located()) {
                tally.unlocated += count.households();
                continue;
            }
            Reach found = reachOf.computeIfAbsent(building.id(), id -> {
                List<StationTree.Hit> nearest = tree.nearest(building.lat(), building.lng(), 1, reach);
                return nearest.isEmpty() ? new Reach(null, false) : new Reach(nearest.get(0), nearest.get(0).metres() <= reach);
            });
            if (found.within()) {
                tally.within += count.households();
            } else {
                tally.outOfReach += count.households();
                tally.farBuildings.merge(building.id(), count.households(), Long::sum);
            }
        }
        List<CommunityReach> communities = new ArrayList<>();
        tallies.forEach((path, tally) -> {
            String unitId = unitId(path);
            List<OutOfReachBuilding> far = new ArrayList<>();
            tally.farBuildings.forEach((buildingId, households) -> {
                BuildingSpot building = byId.get(buildingId);
                StationTree.Hit nearest = reachOf.get(buildingId).nearest();
                far.add(new OutOfReachBuilding(building.id(), building.name(), building.gridId(), building.lat(),
                        building.lng(), households, nearest == null ? null : nearest.station().id(),
                        nearest == null ? null : nearest.station().name(),
                        nearest == null ? null : settings.walkingMetres(nearest.metres())));
            });
            far.sort(Comparator.comparingLong(OutOfReachBuilding::households).reversed()
                    .thenComparing(OutOfReachBuilding::nearestWalkingMetres, Comparator.nullsFirst(Comparator.reverseOrder()))
                    .thenComparing(OutOfReachBuilding::buildingId));
            long located = tally.within + tally.outOfReach;
            communities.add(new CommunityReach(unitId, communityNames.apply(unitId), tree.countIn(unitId),
                    tally.households, tally.within, tally.outOfReach, tally.unlocated,
                    located == 0 ? null : Math.round(tally.within * 10_000.0 / located) / 10_000.0, far.size(),
                    List.copyOf(far.subList(0, Math.min(buildingsLimit, far.size())))));
        });
        return new Report(settings.walkingDistanceM(), settings.detourFactor(), Math.round(reach),
                settings.walkingMinutes(reach), tree.size(), communities);
    }

    /** The community's unit id: the last segment of its path {@code /…/unitId/}. */
    static String unitId(String communityPath) {
        if (communityPath == null) {
            return null;
        }
        String trimmed = communityPath.endsWith("/") ? communityPath.substring(0, communityPath.length() - 1)
                : communityPath;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    private static final class Tally {
        long households;
        long within;
        long outOfReach;
        long unlocated;
        final Map<String, Long> farBuildings = new HashMap<>();
    }

    private record Reach(StationTree.Hit nearest, boolean within) {
    }

    /**
     * The report.
     *
     * @param walkingDistanceM  the reach on foot
     * @param detourFactor      walking distance / great-circle distance
     * @param reachRadiusM      the great-circle radius that makes the reach, rounded
     * @param walkingMinutes    the reach in minutes at the configured walking speed
     * @param stations          stations in the index (all communities: a station next door serves across the border)
     */
    record Report(double walkingDistanceM, double detourFactor, long reachRadiusM, long walkingMinutes, int stations,
                  List<CommunityReach> communities) {
    }

    /**
     * One community's figures.
     *
     * @param households               all households, {@code withinReach + outOfReach + unlocated}
     * @param shareWithinReach         withinReach / (withinReach + outOfReach), 4 decimals; {@code null} when none is located
     * @param outOfReachBuildingsTotal how many buildings are out of reach; {@code outOfReachBuildings} lists the first ones
     */
    record CommunityReach(String communityUnitId, String communityName, long stations, long households, long withinReach,
                          long outOfReach, long unlocated, Double shareWithinReach, int outOfReachBuildingsTotal,
                          List<OutOfReachBuilding> outOfReachBuildings) {
    }

    /** A building out of reach, with its households and the nearest station's walking distance (if any station exists). */
    record OutOfReachBuilding(String buildingId, String name, String gridId, double lat, double lng, long households,
                              String nearestStationId, String nearestStationName, Long nearestWalkingMetres) {
    }
}
