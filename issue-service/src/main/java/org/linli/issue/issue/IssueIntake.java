package org.linli.issue.issue;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import io.github.springwolf.core.asyncapi.annotations.AsyncOperation;
import io.github.springwolf.core.asyncapi.annotations.AsyncPublisher;
import org.linli.events.Topics;
import org.linli.events.issue.IssueDispatched;
import org.linli.events.issue.IssueReported;
import org.linli.issue.place.Places;
import org.linli.issue.place.Route;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.platform.web.Caller;
import org.linli.platform.domain.NewIds;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * Intake (受理) from the app, patrol, the hotline, Open311 and other features, with routing: where a report belongs
 * (building, point, queue) and which unit is called past the street. Intake validates every photo, then stores them,
 * then saves the issue, and deletes the stored photos again if the save fails: nothing half-stored.
 */
@Service
public class IssueIntake {

    private static final String HOUSING = "HOUSING";

    private final IssueRepository issues;
    private final IssueQueries queries;
    private final Places places;
    private final PhotoStore photos;
    private final RecentReports recentReports;
    private final DeadlinePolicy policy;
    private final IssueSettings settings;
    private final Clock clock;

    IssueIntake(IssueRepository issues, IssueQueries queries, Places places, PhotoStore photos,
                RecentReports recentReports, DeadlinePolicy policy, IssueSettings settings, Clock clock) {
        this.issues = issues;
        this.queries = queries;
        this.places = places;
        this.photos = photos;
        this.recentReports = recentReports;
        this.policy = policy;
        this.settings = settings;
        this.clock = clock;
    }

    /** A report by a signed-in resident (APP), a grid worker on patrol or hotline staff. */
    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.ISSUE_EVENTS, payloadType = IssueReported.class,
            description = "an issue was reported and routed"))
    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.ISSUE_EVENTS, payloadType = IssueDispatched.class,
            description = "a routed issue went straight to its grid worker"))
    Issue submit(Caller caller, Report report, List<MultipartFile> files, String bearerToken) {
        if (report.receivedAt() != null) {
            IssueAccess.requireCountyIntake(caller);
        }
        Optional<Issue> earlier = NewIds.alreadyCreated(issues::findById);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        return intake(report, files, routeOf(report, fallbackCommunity(caller), bearerToken));
    }

    /**
     * An issue another feature passes on (a dispute referred after mediation, 矛盾纠纷上报): the intake of a
     * staff report (routing, 5341 clocks, IssueReported/IssueDispatched, figures) under an id the caller derives from
     * its own record. The issue made by an earlier try (or a concurrent one) is answered instead of a second.
     */
    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.ISSUE_EVENTS, payloadType = IssueReported.class,
            description = "a referred dispute became an issue"))
    public Issue submitOnce(String issueId, Caller caller, Report report, String bearerToken) {
        Optional<Issue> earlier = issues.findById(issueId);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Route route = routeOf(report, fallbackCommunity(caller), bearerToken);
        try {
            return admit(Issue.report(issueId, report, route, departmentFor(report.category(), route), policy,
                    StoredTime.now(clock)));
        } catch (DuplicateKeyException concurrent) {
            return queries.find(issueId);
        }
    }

    /** Where a place reported by this caller belongs: the same routing as a report's (building, point, queue). */
    public Route routeFor(Caller caller, Double lat, Double lng, String buildingId, String bearerToken) {
        return routeOf(buildingId, lat, lng, fallbackCommunity(caller), bearerToken);
    }

    private static String fallbackCommunity(Caller caller) {
        return caller.hasRole("GRID_WORKER") || caller.hasRole("COMMUNITY_ADMIN")
                || caller.hasRole("PARTY_MEMBER") ? caller.orgUnitId() : null;
    }

    /** A request from a county system over Open311 (already authenticated by its API key). */
    public Issue submitFromIntegration(Report report) {
        return NewIds.alreadyCreated(issues::findById).orElseGet(() -> intake(report, List.of(), routeOf(report, null, null)));
    }

    Route routeOf(Report report, String fallbackCommunity, String bearerToken) {
        return routeOf(report.buildingId(), report.lat(), report.lng(), fallbackCommunity, bearerToken);
    }

    private Route routeOf(String buildingId, Double lat, Double lng, String fallbackCommunity, String bearerToken) {
        if (buildingId != null) {
            Optional<Route> building = places.forBuilding(buildingId);
            if (building.isPresent()) {
                return building.get();
            }
        }
        if (lat != null && lng != null) {
            return places.locate(lat, lng, fallbackCommunity, bearerToken);
        }
        if (buildingId == null) {
            throw new BusinessRuleViolation("location-required", "a report needs lat and lng, or a building");
        }
        return places.queue(fallbackCommunity);
    }

    /**
     * The unit called in (吹哨) past the street: the category's department, except that a housing matter
     * ({@code HOUSING} categories) in a compound goes where the compound's class says (Huguan): COMMERCIAL the housing
     * department, WORK_UNIT the employer's party organisation property-service named, OLD_OR_UNMANAGED none (the
     * township or street holds it: escalation stops at the street). A work-unit compound without a named unit stops
     * at the street too; a compound copied before the class existed keeps the department.
     */
    String departmentFor(Category category, Route route) {
        String department = settings.departmentFor(category);
        if (!HOUSING.equals(category.department()) || route.compoundId() == null) {
            return department;
        }
        Places.Responsibility body = places.responsibility(route.compoundId()).orElse(null);
        if (body == null) {
            return department;
        }
        return switch (body.compoundClass()) {
            case "OLD_OR_UNMANAGED" -> null;
            case "WORK_UNIT" -> body.unitId();
            default -> department;
        };
    }

    /** Stores the photos, then the new issue routed by {@code route}; the photos are deleted again if that fails. */
    Issue intake(Report report, List<MultipartFile> files, Route route) {
        List<PhotoStore.Upload> uploads = photos.validate(files);
        List<String> stored = photos.storeIds(uploads);
        try {
            return admit(Issue.report(report.withPhotos(stored), route, departmentFor(report.category(), route),
                    policy, StoredTime.now(clock)));
        } catch (RuntimeException e) {
            photos.delete(stored);
            throw e;
        }
    }

    /** Stores a new issue, with the duplicate it probably is suggested, and remembers it for that check. */
    private Issue admit(Issue issue) {
        recentReports.duplicateOf(issue).ifPresent(issue::suggestDuplicateOf);
        Issue saved = issues.save(issue);
        recentReports.add(saved);
        return saved;
    }
}
