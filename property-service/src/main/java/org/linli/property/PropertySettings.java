package org.linli.property;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * property-service's settings ({@code linli.property.*}).
 *
 * @param zone      the county's time zone: what "today" and "this month" mean
 * @param focus     when a compound enters the focus list (重点关注)
 * @param sanctions appeal window of a sanction
 * @param ranking   bottom band and summons rule of the monthly ranking
 */
@ConfigurationProperties("linli.property")
public record PropertySettings(@DefaultValue("Asia/Shanghai") ZoneId zone, @DefaultValue Focus focus,
                               @DefaultValue Sanctions sanctions, @DefaultValue Ranking ranking) {

    /** Today in the county's zone. */
    public LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(zone));
    }

    public YearMonth month(Clock clock) {
        return YearMonth.from(today(clock));
    }

    /** @param windowDays rolling window; @param threshold complaints in the window above which a compound enters */
    public record Focus(@DefaultValue("30") int windowDays, @DefaultValue("5") int threshold) {
    }

    /** @param appealWindowDays days after issue within which the company may appeal */
    public record Sanctions(@DefaultValue("15") int appealWindowDays) {
    }

    /**
     * @param bottomSharePercent  share of ranked companies forming the bottom band (at least one company)
     * @param summonsAfterMonths  consecutive monthly rankings in the bottom band after which a company is summoned
     */
    public record Ranking(@DefaultValue("10") int bottomSharePercent, @DefaultValue("3") int summonsAfterMonths) {
    }
}
