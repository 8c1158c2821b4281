package org.linli.grid.station;

import static org.linli.platform.domain.GreatCircle.EARTH_RADIUS_METRES;

import org.locationtech.jts.geom.Envelope;

/**
 * The lat/lng box that holds every point within a radius of a centre, for index queries, on the same mean sphere
 * as {@link org.linli.platform.domain.GreatCircle}, which measures the distances themselves.
 */
final class Geo {

    /** Half the circumference: every point on Earth lies within this distance of any other. */
    static final double HALF_CIRCUMFERENCE_METRES = Math.PI * EARTH_RADIUS_METRES;
    private static final Envelope WORLD = new Envelope(-180, 180, -90, 90);

    private Geo() {
    }

    /**
     * A box (x = lng, y = lat) holding every point within {@code radius} metres of the centre: latitude ± r/R,
     * longitude ± asin(sin(r/R) / cos φ). Near a pole or across the antimeridian it widens to all longitudes,
     * which is still a superset.
     */
    static Envelope around(double lat, double lng, double radiusMetres) {
        double angular = radiusMetres / EARTH_RADIUS_METRES;
        if (angular >= Math.PI / 2) {
            return WORLD;
        }
        double dLat = Math.toDegrees(angular);
        double south = lat - dLat;
        double north = lat + dLat;
        if (south <= -90 || north >= 90) {
            return new Envelope(-180, 180, Math.max(-90, south), Math.min(90, north));
        }
        double ratio = Math.sin(angular) / Math.cos(Math.toRadians(lat));
        if (ratio >= 1) {
            return new Envelope(-180, 180, south, north);
        }
        double dLng = Math.toDegrees(Math.asin(ratio));
        if (lng - dLng < -180 || lng + dLng > 180) {
            return new Envelope(-180, 180, south, north);
        }
        return new Envelope(lng - dLng, lng + dLng, south, north);
    }
}
