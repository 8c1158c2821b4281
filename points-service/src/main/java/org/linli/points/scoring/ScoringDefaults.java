package org.linli.points.scoring;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The county's default scoring standard ({@code linli.points.scoring.*}), used by a community that has
 * not published its own.
 *
 * @param pointsPerHour  points per hour of confirmed volunteer activity, every type
 * @param issueResolved  points for an issue resolved by a party member or volunteer
 * @param microWish      points for a micro-wish fulfilled by a party member
 * @param dailyCap       most points a person earns in a day (activities, issues and wishes together)
 */
@ConfigurationProperties("linli.points.scoring")
public record ScoringDefaults(@DefaultValue("10") int pointsPerHour, @DefaultValue("20") int issueResolved,
                              @DefaultValue("10") int microWish, @DefaultValue("100") int dailyCap) {
}
