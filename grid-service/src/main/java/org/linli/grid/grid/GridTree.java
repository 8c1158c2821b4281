package org.linli.grid.grid;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * An immutable spatial index of grids: each boundary as a prepared geometry in a JTS STRtree.
 *
 * <p><b>Border rule.</b> A grid contains a point when its closed boundary covers it (edges and
 * corners included). The answer is the deepest such grid; when several grids at that depth cover
 * the point (it lies on their shared border or corner), the one with the lexicographically smallest
 * id wins. Its ancestors come from its own path, so the chain is always consistent.
 */
final class GridTree {

    private final STRtree tree = new STRtree();
    private final Map<String, Located> byId = new HashMap<>();

    GridTree(Iterable<Grid> grids) {
        for (Grid grid : grids) {
            byId.put(grid.id(), new Located(grid.id(), grid.level(), grid.name()));
            PreparedGeometry prepared = PreparedGeometryFactory.prepare(grid.geometry());
            tree.insert(grid.geometry().getEnvelopeInternal(), new Entry(grid.id(), grid.path(), depth(grid.path()), prepared));
        }
        tree.build();
    }

    /** The finest grid covering the point and its ancestors, root first; empty outside every grid. */
    Optional<List<Located>> locate(double lat, double lng) {
        Point point = GridGeometry.FACTORY.createPoint(new Coordinate(lng, lat));
        Entry best = null;
        for (Object candidate : tree.query(new Envelope(lng, lng, lat, lat))) {
            Entry entry = (Entry) candidate;
            if ((best == null || entry.depth() > best.depth()
                    || (entry.depth() == best.depth() && entry.id().compareTo(best.id()) < 0))
                    && entry.boundary().covers(point)) {
                best = entry;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        List<Located> chain = new ArrayList<>();
        for (String id : best.path().substring(1).split("/")) {
            Located located = byId.get(id);
            if (located != null) {
                chain.add(located);
            }
        }
        return Optional.of(chain);
    }

    int size() {
        return byId.size();
    }

    private static int depth(String path) {
        return (int) path.chars().filter(c -> c == '/').count() - 1;
    }

    /** A grid on the way from the root to the located one. */
    record Located(String id, GridLevel level, String name) {
    }

    private record Entry(String id, String path, int depth, PreparedGeometry boundary) {
    }
}
