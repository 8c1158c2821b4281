package org.linli.issue.issue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.linli.issue.place.Places;
import org.linli.platform.web.Caller;
import org.linli.platform.web.InvalidParameterException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Figures per grid, community, compound or company: counts by status, on-time rates that count open
 * overdue issues as late (not only closed ones), average handling time and satisfaction. Served by
 * {@link IssueStatisticsController}.
 */
@Component
class IssueStatistics {

    /** A year and a leap day's margin, as far back as an original report time may lie. */
    private static final Duration LONGEST_PERIOD = Duration.ofDays(400);

    private final MongoOperations mongo;
    private final Places places;
    private final FigureCache cache;
    private final Clock clock;

    IssueStatistics(MongoOperations mongo, Places places, FigureCache cache, Clock clock) {
        this.mongo = mongo;
        this.places = places;
        this.cache = cache;
        this.clock = clock;
    }

    /**
     * The figures the caller may see for the filter (all optional) over {@code from}..{@code to} (default: the last
     * 30 days): a 400 for a reversed or too long period, a 403 for a filter outside the caller's scope.
     */
    Figures figures(Caller caller, String gridId, String communityUnitId, String compoundId, String companyId,
                    Instant from, Instant to) {
        Instant now = clock.instant();
        Instant end = to == null ? now : to;
        Instant start = from == null ? end.minus(Duration.ofDays(30)) : from;
        if (!end.isAfter(start)) {
            throw new InvalidParameterException("to", "not-after-from");
        }
        if (Duration.between(start, end).compareTo(LONGEST_PERIOD) > 0) {
            throw new InvalidParameterException("from", "period-longer-than-400-days");
        }
        boolean staff = IssueAccess.isAdmin(caller) || caller.hasRole("GRID_WORKER");
        if (staff && gridId == null && communityUnitId == null && compoundId == null && companyId == null
                && (caller.isCountyWide() || (caller.hasRole("STREET_ADMIN") && caller.orgUnitPath() != null))) {
            return cache.figures(caller.isCountyWide() ? "" : caller.orgUnitPath(), start, end, now);
        }
        List<Criteria> all = new ArrayList<>();
        all.add(Criteria.where("reportedAt").gte(start).lt(end));
        if (!staff) {
            if (companyId == null || !caller.worksFor(companyId)) {
                throw new AccessDeniedException("property staff see their own company's figures");
            }
        } else if (!caller.isCountyWide()) {
            all.add(Criteria.where("communityPath").regex("^" + Pattern.quote(caller.orgUnitPath())));
        }
        if (gridId != null) {
            requireCovered(caller, places.communityOfGrid(gridId));
            all.add(Criteria.where("gridId").is(gridId));
        }
        if (communityUnitId != null) {
            requireCovered(caller, communityUnitId);
            all.add(Criteria.where("communityUnitId").is(communityUnitId));
        }
        if (compoundId != null) {
            requireCovered(caller, places.communityOfCompound(compoundId));
            all.add(Criteria.where("compoundId").is(compoundId));
        }
        if (companyId != null) {
            all.add(Criteria.where("companyId").is(companyId));
        }
        Query query = Query.query(new Criteria().andOperator(all.toArray(Criteria[]::new)));
        return FigureCounts.of(mongo.query(Issue.class).as(FigureRow.class).matching(query).all()).figures(start, end, now);
    }

    /**
     * A community named in the filter (or the community of a named grid or compound) must lie in the staff caller's scope: 403 otherwise, as for every other
     * cross-scope read, rather than figures of zero that look like a quiet community. An unknown community
     * cannot be shown to be covered: 403 too (county-wide callers see zeros, as for any empty filter).
     */
    private void requireCovered(Caller caller, String communityUnitId) {
        if (caller.isCountyWide() || !(IssueAccess.isAdmin(caller) || caller.hasRole("GRID_WORKER"))) {
            return;
        }
        String path = places.pathOf(communityUnitId);
        if (path == null || !caller.covers(path)) {
            throw new AccessDeniedException("community outside the caller's scope");
        }
    }

    /**
     * The eleven fields of an issue the figures read: a county's month is thousands of issues, and the store sends
     * and the service maps only these, not whole issues with their timelines.
     */
    record FigureRow(IssueStatus status, boolean supervised, Instant reportedAt, Instant onSiteDueAt, Instant onSiteAt,
                     boolean onSiteOverdue, Instant solutionDueAt, boolean solutionOverdue, String handlerAccountId,
                     Instant resolvedAt, Integer rating) {

        static FigureRow of(Issue issue) {
            return new FigureRow(issue.status(), issue.supervised(), issue.reportedAt(), issue.onSiteDueAt(),
                    issue.onSiteAt(), issue.onSiteOverdue(), issue.solutionDueAt(), issue.solutionOverdue(),
                    issue.handlerAccountId(), issue.resolvedAt(), issue.rating());
        }
    }

    /**
     * The figures; rates are 0..1 with 4 decimals, {@code null} when nothing counts yet. They count every change saved
     * before {@code asOf}: the request's arrival, or earlier when a busy slot answered from older sums.
     */
    record Figures(Instant from, Instant to, int total, Map<IssueStatus, Integer> byStatus, int openOverdue,
                   int supervised, Double onTimeOnSiteRate, Double onTimeSolutionRate,
                   Long averageHandlingMinutes, int rated, Double averageRating, Double satisfiedShare, Instant asOf) {
    }
}
