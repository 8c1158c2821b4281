package org.linli.grid.grid;

import java.util.ArrayList;
import java.util.List;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.platform.domain.GreatCircle;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Turns GeoJSON boundaries into JTS polygons (x = lng, y = lat, degrees) and measures them.
 *
 * <p>Area: the polygon is projected equirectangularly around its own centroid latitude
 * (x = R·cos φ₀·λ, y = R·φ, R = 6,371,008.8 m, the mean Earth radius) and measured in the plane.
 * For grid-sized polygons (a few km) this stays well within 0.1% of the spherical area.
 * Containment and overlap are compared as area ratios of the polygons in degrees, where the
 * distortion is the same for both sides of a ratio at grid scale.
 */
final class GridGeometry {

    static final GeometryFactory FACTORY = new GeometryFactory();
    /** Share of a grid's area that may stick out of its parent or overlap a sibling (drawing slack). */
    static final double TOLERANCE = 0.005;

    private GridGeometry() {
    }

    /** The valid polygon of a boundary, or 422 {@code invalid-boundary} saying why not. */
    static Polygon polygon(Boundary boundary) {
        if (boundary == null || !Boundary.POLYGON.equals(boundary.type())) {
            throw invalid("the boundary must be a GeoJSON Polygon");
        }
        if (boundary.coordinates() == null || boundary.coordinates().isEmpty()) {
            throw invalid("the polygon has no rings");
        }
        List<LinearRing> rings = new ArrayList<>();
        for (List<List<Double>> positions : boundary.coordinates()) {
            rings.add(ring(positions));
        }
        Polygon polygon = FACTORY.createPolygon(rings.get(0), rings.subList(1, rings.size()).toArray(LinearRing[]::new));
        TopologyValidationError error = new IsValidOp(polygon).getValidationError();
        if (error != null) {
            Coordinate at = error.getCoordinate();
            throw invalid(error.getMessage() + (at == null ? "" : " at [" + at.x + ", " + at.y + "]"));
        }
        return polygon;
    }

    private static LinearRing ring(List<List<Double>> positions) {
        if (positions == null || positions.size() < 4) {
            throw invalid("a ring needs at least 4 positions (a closed triangle)");
        }
        Coordinate[] coordinates = new Coordinate[positions.size()];
        for (int i = 0; i < coordinates.length; i++) {
            List<Double> position = positions.get(i);
            if (position == null || position.size() < 2 || position.get(0) == null || position.get(1) == null) {
                throw invalid("position " + i + " is not [lng, lat]");
            }
            double lng = position.get(0);
            double lat = position.get(1);
            if (!(lng >= -180 && lng <= 180 && lat >= -90 && lat <= 90)) {
                throw invalid("position " + i + " is outside WGS-84 range: [" + lng + ", " + lat + "]");
            }
            coordinates[i] = new Coordinate(lng, lat);
        }
        if (!coordinates[0].equals2D(coordinates[coordinates.length - 1])) {
            throw invalid("the ring is not closed: its last position must equal its first");
        }
        return FACTORY.createLinearRing(coordinates);
    }

    /** Area in square metres (equirectangular projection around the centroid's latitude). */
    static double areaSquareMetres(Polygon polygon) {
        double centroidLat = Math.toRadians(polygon.getCentroid().getY());
        double metresPerDegreeY = GreatCircle.METRES_PER_DEGREE;
        double metresPerDegreeX = metresPerDegreeY * Math.cos(centroidLat);
        return polygon.getArea() * metresPerDegreeX * metresPerDegreeY;
    }

    /** Whether {@code child} lies inside {@code parent}, but for at most {@link #TOLERANCE} of its area. */
    static boolean inside(Geometry child, Geometry parent) {
        return parent.covers(child) || child.difference(parent).getArea() <= TOLERANCE * child.getArea();
    }

    /** Whether two grids overlap by more than {@link #TOLERANCE} of the smaller one; sharing a border is fine. */
    static boolean overlap(Geometry one, Geometry other) {
        if (!one.getEnvelopeInternal().intersects(other.getEnvelopeInternal()) || !one.intersects(other)) {
            return false;
        }
        double smaller = Math.min(one.getArea(), other.getArea());
        return one.intersection(other).getArea() > TOLERANCE * smaller;
    }

    private static BusinessRuleViolation invalid(String reason) {
        return new BusinessRuleViolation("invalid-boundary", "invalid boundary: " + reason, reason);
    }
}
