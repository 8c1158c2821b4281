package org.linli.grid.worker;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Stipend settings ({@code linli.grid.stipends.*}); all money in fen.
 *
 * @param tiers                the monthly stipend by the grid's resident population, each up to {@code maxResidents}
 *                             inclusive, the last one without a maximum; default up to 300 residents 5000 fen
 *                             (50 yuan), up to 800 10000 fen, above 15000 fen
 * @param emergencyDailyFen    the subsidy per emergency duty day, default 6000 fen (60 yuan)
 * @param emergencyDailyMinFen the lowest daily subsidy the county allows, default 5000 fen
 * @param emergencyDailyMaxFen the highest daily subsidy the county allows, default 8000 fen
 * @param zone                 the county's time zone: what "today" is for appointments and statements
 */
@ConfigurationProperties("linli.grid.stipends")
public record StipendSettings(List<Tier> tiers, @DefaultValue("6000") long emergencyDailyFen,
                              @DefaultValue("5000") long emergencyDailyMinFen,
                              @DefaultValue("8000") long emergencyDailyMaxFen,
                              @DefaultValue("Asia/Shanghai") ZoneId zone) {

    /** The default tiers: 50 / 100 / 150 yuan per month. */
    public static final List<Tier> DEFAULT_TIERS = List.of(new Tier(300L, 5000), new Tier(800L, 10000),
            new Tier(null, 15000));

    public StipendSettings {
        tiers = tiers == null || tiers.isEmpty() ? DEFAULT_TIERS
                : tiers.stream().sorted(Comparator.comparing(Tier::maxResidents,
                        Comparator.nullsLast(Comparator.naturalOrder()))).toList();
        if (tiers.get(tiers.size() - 1).maxResidents() != null) {
            throw new IllegalArgumentException("linli.grid.stipends.tiers: the last tier has no max-residents");
        }
        if (tiers.stream().filter(tier -> tier.maxResidents() == null).count() != 1) {
            throw new IllegalArgumentException("linli.grid.stipends.tiers: exactly one tier has no max-residents");
        }
        if (tiers.stream().anyMatch(tier -> tier.monthlyFen() < 0)) {
            throw new IllegalArgumentException("linli.grid.stipends.tiers: a monthly stipend is not negative");
        }
        if (emergencyDailyMinFen < 0 || emergencyDailyMinFen > emergencyDailyMaxFen) {
            throw new IllegalArgumentException("linli.grid.stipends: emergency-daily-min-fen lies between 0 and "
                    + "emergency-daily-max-fen");
        }
        if (emergencyDailyFen < emergencyDailyMinFen || emergencyDailyFen > emergencyDailyMaxFen) {
            throw new IllegalArgumentException("linli.grid.stipends.emergency-daily-fen " + emergencyDailyFen
                    + " lies outside " + emergencyDailyMinFen + ".." + emergencyDailyMaxFen);
        }
        if (zone == null) {
            zone = ZoneId.of("Asia/Shanghai");
        }
    }

    /** The defaults, for tests and tools. */
    public static StipendSettings defaults() {
        return new StipendSettings(null, 6000, 5000, 8000, ZoneId.of("Asia/Shanghai"));
    }

    /** The monthly stipend in fen for a grid of this many residents. */
    public long monthlyFenFor(long residents) {
        return tiers.stream().filter(tier -> tier.maxResidents() == null || residents <= tier.maxResidents())
                .findFirst().orElseThrow().monthlyFen();
    }

    LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(zone));
    }

    /**
     * One tier.
     *
     * @param maxResidents the largest population it applies to (inclusive), {@code null} for the last tier
     * @param monthlyFen   the monthly stipend in fen
     */
    public record Tier(Long maxResidents, long monthlyFen) {
    }
}
