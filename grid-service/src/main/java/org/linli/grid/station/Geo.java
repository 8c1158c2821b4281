package org.linli.grid.station;

import org.locationtech.jts.geom.Envelope;

/**
 * Distances on the sphere (WGS-84 coordinates, mean Earth radius R = 6,371,008.8 m): haversine great-circle
 * metres, and the lat/lng box that holds every point within a radius of a centre, for index queries.
 */
final class Geo {

    static final double EARTH_RADIUS_METRES = 6_371_008.8;
    /** Half the circumference: every point on Earth lies within this distance of any other. */
    static final double HALF_CIRCUMFERENCE_METRES = Math.PI * EARTH_RADIUS_METRES;
    private static final Envelope WORLD = new Envelope(-180, 180, -90, 90);

    private Geo() {
    }

    /** Great-circle distance in metres (haversine). */
    static double metres(double lat1, double lng1, double lat2, double lng2) {
        double phi1 = Math.toRadians(lat1);
        double phi2 = Math.toRadians(lat2);
        double dPhi = phi2 - phi1;
        double dLambda = Math.toRadians(lng2 - lng1);
        double h = Math.sin(dPhi / 2) * Math.sin(dPhi / 2)
                + Math.cos(phi1) * Math.cos(phi2) * Math.sin(dLambda / 2) * Math.sin(dLambda / 2);
        return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
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
