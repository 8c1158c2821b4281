package org.linli.events.grid;

import java.util.List;

/**
 * A GeoJSON {@code Polygon} (RFC 7946) as carried in grid events: WGS-84, positions as
 * {@code [lng, lat]}, the first ring the outer boundary, each ring closed (last position = first).
 *
 * @param type        always {@code Polygon}
 * @param coordinates rings of {@code [lng, lat]} positions
 */
public record GeoJsonPolygon(String type, List<List<List<Double>>> coordinates) {
}
