package org.linli.issue.issue;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * issue-service settings ({@code linli.issue.*}).
 *
 * @param departments          department code ({@code HOUSING}, …) → the org unit called in; unmapped codes
 *                             are used as the target as they are
 * @param duplicateRadiusMetres a report within this distance of an open one of the same category…
 * @param duplicateWindow       …reported within this time before is suggested as its duplicate
 */
@ConfigurationProperties("linli.issue")
public record IssueSettings(@DefaultValue Map<String, String> departments,
                            @DefaultValue("50") int duplicateRadiusMetres,
                            @DefaultValue("24h") Duration duplicateWindow) {

    String departmentFor(Category category) {
        return departments.getOrDefault(category.department(), category.department());
    }
}
