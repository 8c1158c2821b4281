package org.linli.e2e.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An axis-parallel rectangle of the map in degrees, the shape every demo and test grid takes: it
 * splits into columns that tile it exactly (so children nest and siblings only touch) and answers
 * GeoJSON with [lng, lat] positions.
 */
public record Box(double south, double west, double north, double east) {

    public static Box at(double south, double west, double sizeDegrees) {
        return new Box(south, west, south + sizeDegrees, west + sizeDegrees);
    }

    /** {@code n} equal boxes side by side from west to east. */
    public List<Box> columns(int n) {
        List<Box> parts = new ArrayList<>(n);
        double width = (east - west) / n;
        for (int i = 0; i < n; i++) {
            parts.add(new Box(south, west + i * width, north, i == n - 1 ? east : west + (i + 1) * width));
        }
        return parts;
    }

    /** {@code n} equal boxes stacked from south to north. */
    public List<Box> rows(int n) {
        List<Box> parts = new ArrayList<>(n);
        double height = (north - south) / n;
        for (int i = 0; i < n; i++) {
            parts.add(new Box(south + i * height, west, i == n - 1 ? north : south + (i + 1) * height, east));
        }
        return parts;
    }

    /** The box shrunk by {@code share} of its size on every side: a point set well inside. */
    public Box inset(double share) {
        double dLat = (north - south) * share;
        double dLng = (east - west) * share;
        return new Box(south + dLat, west + dLng, north - dLat, east - dLng);
    }

    public double centreLat() {
        return (south + north) / 2;
    }

    public double centreLng() {
        return (west + east) / 2;
    }

    public Map<String, Object> centre() {
        return Map.of("lat", centreLat(), "lng", centreLng());
    }

    public Map<String, Object> geoJson() {
        List<List<Double>> ring = List.of(List.of(west, south), List.of(east, south), List.of(east, north),
                List.of(west, north), List.of(west, south));
        return Map.of("type", "Polygon", "coordinates", List.of(ring));
    }
}
