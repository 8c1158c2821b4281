package org.linli.org.committee;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Committee settings ({@code linli.committees.*}).
 *
 * @param decisionNoticeDays how many days before taking effect a major decision must be reported (事前报告)
 * @param zone               the county's time zone: what "today" is when a decision or listing is dated
 */
@ConfigurationProperties("linli.committees")
record CommitteeProperties(@DefaultValue("7") int decisionNoticeDays, @DefaultValue("Asia/Shanghai") ZoneId zone) {

    CommitteeProperties {
        if (decisionNoticeDays < 0) {
            throw new IllegalArgumentException("linli.committees.decision-notice-days must not be negative");
        }
    }

    LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(zone));
    }
}
