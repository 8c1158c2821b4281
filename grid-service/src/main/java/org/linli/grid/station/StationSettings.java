package org.linli.grid.station;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Service-station settings ({@code linli.grid.stations.*}).
 *
 * @param walkingDistanceM the 15-minute life circle: a household is within reach when a station lies within this
 *                         walking distance of its building; default 1000 m (15 minutes at 4 km/h)
 * @param detourFactor     walking distance = great-circle distance × this factor (streets are not straight lines);
 *                         default 1.3, at least 1
 * @param walkingSpeedKmh  to turn a walking distance into minutes; default 4 km/h
 * @param maxStaleness     how long another instance's station writes may stay unseen by this instance's index;
 *                         own writes are seen at once; default 250 ms
 * @param zone             the county's time zone, for "open now" and "today" on rosters and star changes
 */
@ConfigurationProperties("linli.grid.stations")
public record StationSettings(@DefaultValue("1000") double walkingDistanceM, @DefaultValue("1.3") double detourFactor,
                              @DefaultValue("4.0") double walkingSpeedKmh, @DefaultValue("250ms") Duration maxStaleness,
                              @DefaultValue("Asia/Shanghai") ZoneId zone) {

    public StationSettings {
        if (!(walkingDistanceM > 0)) {
            throw new IllegalArgumentException("linli.grid.stations.walking-distance-m must be positive");
        }
        if (!(detourFactor >= 1)) {
            throw new IllegalArgumentException("linli.grid.stations.detour-factor must be at least 1");
        }
        if (!(walkingSpeedKmh > 0)) {
            throw new IllegalArgumentException("linli.grid.stations.walking-speed-kmh must be positive");
        }
        if (maxStaleness == null) {
            maxStaleness = Duration.ofMillis(250);
        }
        if (zone == null) {
            zone = ZoneId.of("Asia/Shanghai");
        }
    }

    /** The defaults, for tests and tools. */
    public static StationSettings defaults() {
        return new StationSettings(1000, 1.3, 4.0, Duration.ofMillis(250), ZoneId.of("Asia/Shanghai"));
    }

    /** The great-circle radius that is {@link #walkingDistanceM} on foot. */
    double reachRadiusMetres() {
        return walkingDistanceM / detourFactor;
    }

    /** Estimated walking metres for a great-circle distance, rounded to the metre. */
    long walkingMetres(double greatCircleMetres) {
        return Math.round(greatCircleMetres * detourFactor);
    }

    /** Estimated walking minutes for a great-circle distance, rounded up. */
    long walkingMinutes(double greatCircleMetres) {
        return (long) Math.ceil(greatCircleMetres * detourFactor / (walkingSpeedKmh * 1000 / 60));
    }
}
