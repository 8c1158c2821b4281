package org.linli.issue.retention;

import java.time.Period;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long personal data is kept (linli.retention.*).
 *
 * @param issueReporter how long after an issue ended its reporter's name and phone are kept (P3Y)
 * @param cron          when the retention job runs (daily at 03:30 in the county's zone)
 * @param zone          the county's zone, for the cron and the cutoff's calendar arithmetic
 * @param enabled       whether the job is scheduled at all (tests run it by hand)
 */
@ConfigurationProperties("linli.retention")
record RetentionSettings(@DefaultValue("P3Y") Period issueReporter, @DefaultValue("0 30 3 * * *") String cron,
                         @DefaultValue("Asia/Shanghai") ZoneId zone, @DefaultValue("true") boolean enabled) {
}
