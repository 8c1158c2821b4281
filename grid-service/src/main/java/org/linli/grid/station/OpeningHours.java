package org.linli.grid.station;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.linli.platform.domain.BusinessRuleViolation;

/**
 * When a station is open: periods per weekday in the county's local time, e.g. Monday 08:30–12:00 and
 * 14:00–18:00. A period opens before it closes on the same day (an all-day station: 00:00–23:59);
 * periods of one day do not overlap; at most {@value #MAX_PERIODS_PER_DAY} per day. No periods means the
 * hours are not published (then "open now" is unknown, not false).
 */
public record OpeningHours(List<Period> periods) {

    static final int MAX_PERIODS_PER_DAY = 4;
    private static final Comparator<Period> ORDER = Comparator.comparing(Period::day).thenComparing(Period::opens);

    /** Valid hours, sorted by day and opening time, or 422 {@code invalid-opening-hours} saying why not. */
    public static OpeningHours of(List<Period> periods) {
        if (periods == null) {
            return new OpeningHours(List.of());
        }
        List<Period> sorted = new ArrayList<>();
        for (Period period : periods) {
            if (period == null || period.day() == null || period.opens() == null || period.closes() == null) {
                throw invalid("every period needs day, opens and closes", "-");
            }
            if (!period.opens().isBefore(period.closes())) {
                throw invalid("a period opens before it closes on the same day", period.day() + " " + period.opens()
                        + "–" + period.closes());
            }
            sorted.add(new Period(period.day(), period.opens().withSecond(0).withNano(0),
                    period.closes().withSecond(0).withNano(0)));
        }
        sorted.sort(ORDER);
        for (int i = 1; i < sorted.size(); i++) {
            Period before = sorted.get(i - 1);
            Period period = sorted.get(i);
            if (before.day() == period.day() && period.opens().isBefore(before.closes())) {
                throw invalid("periods of one day overlap", period.day() + " " + before.opens() + "–" + before.closes()
                        + " / " + period.opens() + "–" + period.closes());
            }
        }
        for (DayOfWeek day : DayOfWeek.values()) {
            if (sorted.stream().filter(period -> period.day() == day).count() > MAX_PERIODS_PER_DAY) {
                throw invalid("at most " + MAX_PERIODS_PER_DAY + " periods a day", day.toString());
            }
        }
        return new OpeningHours(List.copyOf(sorted));
    }

    public OpeningHours {
        periods = periods == null ? List.of() : List.copyOf(periods);
    }

    /** Whether the station is open at this local time; {@code null} when no hours are published. */
    public Boolean openAt(LocalDateTime at) {
        if (periods.isEmpty()) {
            return null;
        }
        LocalTime time = at.toLocalTime();
        return periods.stream().anyMatch(period -> period.day() == at.getDayOfWeek()
                && !time.isBefore(period.opens()) && time.isBefore(period.closes()));
    }

    private static BusinessRuleViolation invalid(String reason, String where) {
        return new BusinessRuleViolation("invalid-opening-hours", "invalid opening hours: " + reason + " (" + where + ")",
                reason, where);
    }

    /** One opening period on a weekday, local time, {@code opens} inclusive, {@code closes} exclusive. */
    public record Period(DayOfWeek day, LocalTime opens, LocalTime closes) {
    }
}
