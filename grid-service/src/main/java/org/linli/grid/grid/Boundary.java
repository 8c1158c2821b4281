package org.linli.grid.grid;

import java.util.List;
import org.linli.events.grid.GeoJsonPolygon;

/**
 * A grid's boundary as a GeoJSON {@code Polygon} (RFC 7946, WGS-84): {@code type} and rings of
 * {@code [lng, lat]} positions, the first ring the outer one. Stored in this shape; its validity is
 * checked by {@link GridGeometry#polygon(Boundary)}.
 */
public record Boundary(String type, List<List<List<Double>>> coordinates) {

    public static final String POLYGON = "Polygon";

    /** A rectangle between two corners, counter-clockwise, closed. */
    static Boundary rectangle(double west, double south, double east, double north) {
        return new Boundary(POLYGON, List.of(List.of(List.of(west, south), List.of(east, south), List.of(east, north),
                List.of(west, north), List.of(west, south))));
    }

    GeoJsonPolygon toEvent() {
        return new GeoJsonPolygon(type, coordinates);
    }
}
