package org.linli.grid.station;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.linli.platform.domain.GreatCircle;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * An immutable spatial index of stations: their points in a JTS STRtree (x = lng, y = lat).
 *
 * <p><b>Nearest.</b> Exact by great-circle distance: query the box around the point for a radius
 * ({@link Geo#around}), keep the stations within the radius; when fewer than {@code k} are found, widen the
 * radius fourfold and query again, up to half the Earth's circumference (then every station is a
 * candidate). Since every station within the radius is in the box, the {@code k} closest found within it
 * are the {@code k} closest overall. (JTS's own nearest-neighbour search measures node boxes in degrees, which
 * would not agree with metres on the sphere.) Starting with a radius that usually holds the answer, most
 * queries touch the tree once.
 */
final class StationTree {

    private final STRtree tree = new STRtree();
    private final int size;
    private final Map<String, Long> perCommunity;

    StationTree(Collection<IndexedStation> stations) {
        for (IndexedStation station : stations) {
            tree.insert(new Envelope(station.lng(), station.lng(), station.lat(), station.lat()), station);
        }
        tree.build();
        size = stations.size();
        perCommunity = stations.stream().filter(station -> station.communityUnitId() != null)
                .collect(Collectors.groupingBy(IndexedStation::communityUnitId, Collectors.counting()));
    }

    /**
     * The {@code k} stations closest to the point, closest first (ties by id), searching from
     * {@code startRadiusMetres} outwards.
     */
    List<Hit> nearest(double lat, double lng, int k, double startRadiusMetres) {
        if (size == 0 || k <= 0) {
            return List.of();
        }
        double radius = Math.max(1, startRadiusMetres);
        while (true) {
            List<Hit> hits = within(lat, lng, radius);
            if (hits.size() >= k || radius >= Geo.HALF_CIRCUMFERENCE_METRES) {
                return hits.size() > k ? List.copyOf(hits.subList(0, k)) : hits;
            }
            radius = Math.min(radius * 4, Geo.HALF_CIRCUMFERENCE_METRES);
        }
    }

    /** The stations within {@code radius} great-circle metres, closest first. */
    List<Hit> within(double lat, double lng, double radiusMetres) {
        List<Hit> hits = new ArrayList<>();
        for (Object candidate : tree.query(Geo.around(lat, lng, radiusMetres))) {
            IndexedStation station = (IndexedStation) candidate;
            double metres = GreatCircle.metres(lat, lng, station.lat(), station.lng());
            if (metres <= radiusMetres) {
                hits.add(new Hit(station, metres));
            }
        }
        hits.sort(Comparator.comparingDouble(Hit::metres).thenComparing(hit -> hit.station().id()));
        return hits;
    }

    int size() {
        return size;
    }

    /** How many stations belong to the community. */
    long countIn(String communityUnitId) {
        return perCommunity.getOrDefault(communityUnitId, 0L);
    }

    /** A station found, with its great-circle distance from the query point. */
    record Hit(IndexedStation station, double metres) {
    }
}
