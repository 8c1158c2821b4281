package org.linli.grid.station;

import java.util.Objects;
import org.linli.grid.grid.GridDirectory.GridView;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/** A grid a station belongs to, with its boundary (x = lng, y = lat) to check that the station lies inside. */
record GridPlace(GridView grid, Geometry boundary) {

    private static final GeometryFactory FACTORY = new GeometryFactory();

    GridPlace {
        Objects.requireNonNull(grid);
        Objects.requireNonNull(boundary);
    }

    /** Whether the closed boundary covers the location (a point on the edge is inside). */
    boolean covers(Station.Location location) {
        return boundary.covers(FACTORY.createPoint(new Coordinate(location.lng(), location.lat())));
    }
}
