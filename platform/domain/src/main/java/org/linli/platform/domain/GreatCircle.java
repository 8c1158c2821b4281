package org.linli.platform.domain;

/**
 * Distances between WGS-84 coordinates on the mean Earth sphere (R = 6,371,008.8 m): the one haversine that
 * issue-service (the duplicate-report check) and grid-service (nearest service stations, the 15-minute life
 * circle) measure with. Metres of great circle, good to about 0.5 % against the ellipsoid, which is far below
 * what a phone's fix or a 50 m duplicate radius can tell apart.
 *
 * <p>Plain Java, no Spring: it lives in the domain kernel beside the other value types aggregates use
 * ({@link MobileNumber}), not in {@code platform/events}, which holds only the published contracts.
 */
public final class GreatCircle {

    /** The mean Earth radius (IUGG R₁) in metres. */
    public static final double EARTH_RADIUS_METRES = 6_371_008.8;
    /** Metres in one degree of latitude (of longitude at the equator) on that sphere, about 111,195 m. */
    public static final double METRES_PER_DEGREE = EARTH_RADIUS_METRES * Math.PI / 180;

    private GreatCircle() {
    }

    /** Great-circle distance in metres between two points given in degrees (haversine; exact for antipodes too). */
    public static double metres(double lat1, double lng1, double lat2, double lng2) {
        double phi1 = Math.toRadians(lat1);
        double phi2 = Math.toRadians(lat2);
        double dPhi = phi2 - phi1;
        double dLambda = Math.toRadians(lng2 - lng1);
        double h = Math.sin(dPhi / 2) * Math.sin(dPhi / 2)
                + Math.cos(phi1) * Math.cos(phi2) * Math.sin(dLambda / 2) * Math.sin(dLambda / 2);
        return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
