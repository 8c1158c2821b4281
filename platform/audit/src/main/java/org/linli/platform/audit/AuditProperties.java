package org.linli.platform.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code linli.audit.*}: the trail's settings.
 *
 * @param service       the service's short name in the trail and in its API path ({@code org}, {@code grid}, …)
 * @param retention     how long records are kept; at least 180 days (等级保护: six months), refused below
 * @param purgeInterval how often the retention purge runs
 */
@ConfigurationProperties("linli.audit")
public record AuditProperties(String service, @DefaultValue("P180D") Duration retention,
                              @DefaultValue("PT6H") Duration purgeInterval) {

    static final Duration MINIMUM_RETENTION = Duration.ofDays(180);

    public AuditProperties {
        if (service == null || !service.matches("[a-z][a-z0-9-]{0,31}")) {
            throw new IllegalArgumentException("linli.audit.service must be the service's short name (org, grid, …), "
                    + "got " + service);
        }
        if (retention.compareTo(MINIMUM_RETENTION) < 0) {
            throw new IllegalArgumentException("linli.audit.retention must be at least P180D, got " + retention);
        }
        if (purgeInterval.isNegative() || purgeInterval.isZero()) {
            throw new IllegalArgumentException("linli.audit.purge-interval must be positive");
        }
    }
}
