package org.linli.grid.station;

import java.util.ArrayList;
import java.util.List;
import org.linli.grid.grid.Boundary;
import org.linli.grid.grid.Grid;
import org.linli.grid.grid.GridDirectory.GridView;
import org.linli.grid.grid.GridLevel;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Reads grids' stored boundaries for stations, read-only: {@code GridDirectory} does not hand out
 * boundaries, and the grid package validated them when they were stored.
 */
@Component
class GridShapes {

    private static final GeometryFactory FACTORY = new GeometryFactory();

    private final MongoOperations mongo;

    GridShapes(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /** The grid with its boundary as a polygon (x = lng, y = lat). */
    GridPlace place(GridView grid) {
        Query byId = Query.query(Criteria.where("_id").is(grid.id()));
        byId.fields().include("boundary");
        Grid stored = mongo.findOne(byId, Grid.class);
        if (stored == null || stored.boundary() == null) {
            throw new IllegalStateException("grid " + grid.id() + " has no stored boundary");
        }
        return new GridPlace(grid, polygon(stored.boundary()));
    }

    /** Ids of the level-1 grids of these communities, by id. */
    List<String> levelOneGridIds(List<String> communityUnitIds) {
        Query query = Query.query(Criteria.where("level").is(GridLevel.LEVEL_1).and("communityUnitId")
                .in(communityUnitIds)).with(Sort.by("_id"));
        query.fields().include("_id");
        return mongo.find(query, Grid.class).stream().map(Grid::id).toList();
    }

    static Polygon polygon(Boundary boundary) {
        List<LinearRing> rings = new ArrayList<>();
        for (List<List<Double>> positions : boundary.coordinates()) {
            Coordinate[] coordinates = positions.stream()
                    .map(position -> new Coordinate(position.get(0), position.get(1))).toArray(Coordinate[]::new);
            rings.add(FACTORY.createLinearRing(coordinates));
        }
        return FACTORY.createPolygon(rings.get(0), rings.subList(1, rings.size()).toArray(LinearRing[]::new));
    }
}
