package org.linli.issue.issue;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.linli.issue.issue.IssueStatistics.Figures;
import org.linli.platform.web.Caller;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Issue figures over HTTP; {@link IssueStatistics} computes them. */
@Tag(name = "Issue statistics")
@RestController
class IssueStatisticsController {

    private final IssueStatistics statistics;

    IssueStatisticsController(IssueStatistics statistics) {
        this.statistics = statistics;
    }

    @Operation(summary = "Issue figures for a grid, community, compound or company, over a period",
            description = "Roles: admins and GRID_WORKER (their scope's issues only), PROPERTY_STAFF for their own "
                    + "company (companyId required, 403 for another). Filters: gridId, communityUnitId, compoundId, "
                    + "companyId, from/to (ISO instants on reportedAt; default the last 30 days; 400 invalid-request when to is not after from or the period is longer than 400 days). The county's and a street's figures come from sums kept per hour and day; they hold every change made before the request, except in an hour or day of 2,000 issues or changes or more whose issues keep changing (a campaign, an import): there the sums kept are used at once, whatever their age, and recomputed behind the request at most every 30 s, so while requests keep coming they lag by about 30 s. asOf: every change saved before this instant is counted (the request's arrival, or earlier when such sums answered). A communityUnitId, gridId or compoundId outside "
                    + "the caller's scope (or unknown) is 403, like every other cross-scope read. onTimeOnSiteRate: "
                    + "arrivals within the on-site deadline among issues whose deadline has passed or that were "
                    + "reached; onTimeSolutionRate: solved within the solution deadline among issues solved or past it "
                    + "(an open overdue issue counts as late). Rates are null when nothing counts yet.")
    @GetMapping("/api/v1/issues/statistics")
    @PreAuthorize("hasAnyRole('COMMUNITY_ADMIN','STREET_ADMIN','COUNTY_ADMIN','GRID_WORKER','PROPERTY_STAFF')")
    Figures figures(Caller caller, @RequestParam(required = false) String gridId,
                    @RequestParam(required = false) String communityUnitId,
                    @RequestParam(required = false) String compoundId,
                    @RequestParam(required = false) String companyId,
                    @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to) {
        return statistics.figures(caller, gridId, communityUnitId, compoundId, companyId, from, to);
    }
}
