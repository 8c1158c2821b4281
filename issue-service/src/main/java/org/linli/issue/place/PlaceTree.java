package org.linli.issue.place;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.linli.events.grid.GeoJsonPolygon;
import org.linli.issue.copies.CompoundCopy;
import org.linli.issue.copies.GridCopy;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * An immutable spatial index of the copied grids and compound boundaries (JTS STRtree of prepared
 * polygons, x = lng, y = lat). Same rule as grid-service: the deepest grid whose closed boundary covers
 * the point; on a shared border the smallest id wins. A copy whose boundary is not a valid polygon is
 * left out (grid-service validated it; a broken copy must not stop routing).
 */
final class PlaceTree {

    private static final GeometryFactory FACTORY = new GeometryFactory();

    private final STRtree grids = new STRtree();
    private final STRtree compounds = new STRtree();
    private final int size;

    PlaceTree(List<GridCopy> gridCopies, List<CompoundCopy> compoundCopies) {
        int count = 0;
        for (GridCopy grid : gridCopies) {
            Optional<Polygon> polygon = polygon(grid.boundary());
            if (polygon.isPresent() && grid.path() != null) {
                grids.insert(polygon.get().getEnvelopeInternal(), new Entry(grid.id(), depth(grid.path()),
                        PreparedGeometryFactory.prepare(polygon.get())));
                count++;
            }
        }
        for (CompoundCopy compound : compoundCopies) {
            polygon(compound.boundary()).ifPresent(polygon -> compounds.insert(polygon.getEnvelopeInternal(),
                    new Entry(compound.id(), 0, PreparedGeometryFactory.prepare(polygon))));
        }
        grids.build();
        compounds.build();
        size = count;
    }

    /** The id of the finest grid covering the point. */
    Optional<String> grid(double lat, double lng) {
        return best(grids, lat, lng);
    }

    /** The id of the compound whose boundary covers the point. */
    Optional<String> compound(double lat, double lng) {
        return best(compounds, lat, lng);
    }

    int size() {
        return size;
    }

    private static Optional<String> best(STRtree tree, double lat, double lng) {
        Point point = FACTORY.createPoint(new Coordinate(lng, lat));
        Entry best = null;
        for (Object candidate : tree.query(new Envelope(lng, lng, lat, lat))) {
            Entry entry = (Entry) candidate;
            if ((best == null || entry.depth() > best.depth()
                    || (entry.depth() == best.depth() && entry.id().compareTo(best.id()) < 0))
                    && entry.boundary().covers(point)) {
                best = entry;
            }
        }
        return Optional.ofNullable(best).map(Entry::id);
    }

    static Optional<Polygon> polygon(GeoJsonPolygon boundary) {
        if (boundary == null || boundary.coordinates() == null || boundary.coordinates().isEmpty()) {
            return Optional.empty();
        }
        try {
            List<LinearRing> rings = new ArrayList<>();
            for (List<List<Double>> positions : boundary.coordinates()) {
                rings.add(FACTORY.createLinearRing(positions.stream()
                        .map(position -> new Coordinate(position.get(0), position.get(1)))
                        .toArray(Coordinate[]::new)));
            }
            Polygon polygon = FACTORY.createPolygon(rings.get(0),
                    rings.subList(1, rings.size()).toArray(LinearRing[]::new));
            return polygon.isValid() ? Optional.of(polygon) : Optional.empty();
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
    }

    private static int depth(String path) {
        return (int) path.chars().filter(c -> c == '/').count();
    }

    private record Entry(String id, int depth, PreparedGeometry boundary) {
    }
}
