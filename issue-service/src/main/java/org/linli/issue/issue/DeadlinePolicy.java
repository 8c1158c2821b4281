package org.linli.issue.issue;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The "5341" deadlines ({@code linli.issue.deadlines.*}): on site within 5 minutes; ordinary issues
 * solved within 30 minutes, complex within 4 hours, major ones with a solution within 1 day. A called
 * department must check in (报到) within {@code departmentCheckIn}; the reporter has
 * {@code callbackWindow} to rate a resolved issue before it closes by itself.
 */
@ConfigurationProperties("linli.issue.deadlines")
public record DeadlinePolicy(@DefaultValue("5m") Duration onSite, @DefaultValue("30m") Duration ordinary,
                             @DefaultValue("4h") Duration complex, @DefaultValue("1d") Duration major,
                             @DefaultValue("2h") Duration departmentCheckIn,
                             @DefaultValue("72h") Duration callbackWindow) {

    public static final DeadlinePolicy STANDARD = new DeadlinePolicy(Duration.ofMinutes(5), Duration.ofMinutes(30),
            Duration.ofHours(4), Duration.ofDays(1), Duration.ofHours(2), Duration.ofHours(72));

    /** The time allowed to solve an issue of this severity. */
    public Duration solution(Severity severity) {
        return switch (severity) {
            case ORDINARY -> ordinary;
            case COMPLEX -> complex;
            case MAJOR -> major;
        };
    }
}
