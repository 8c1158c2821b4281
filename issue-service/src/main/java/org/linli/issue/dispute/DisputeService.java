package org.linli.issue.dispute;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import io.github.springwolf.core.asyncapi.annotations.AsyncOperation;
import io.github.springwolf.core.asyncapi.annotations.AsyncPublisher;
import org.linli.events.Topics;
import org.linli.events.issue.DisputeMediated;
import org.linli.events.issue.DisputeReferred;
import org.linli.issue.issue.Category;
import org.linli.issue.issue.Issue;
import org.linli.issue.issue.IssueIntake;
import org.linli.issue.place.Places;
import org.linli.issue.place.Route;
import org.linli.platform.mongo.MongoPages;
import org.linli.platform.web.Caller;
import org.linli.platform.domain.NewIds;
import org.linli.platform.domain.NotFoundException;
import org.linli.platform.web.Roles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Disputes within the caller's role and org scope. GRID_WORKER and COMMUNITY_ADMIN covering the community record,
 * mediate and refer; they and STREET_ADMIN/COUNTY_ADMIN covering it read. A grid worker (GRID_WORKER without an admin
 * role) is further limited to the grids whose appointed worker they are in the place copies
 * ({@link Places#servesGrid}): records only there, reads, mediates, refers and lists only those grids' disputes. The state rules are the
 * aggregate's.
 */
@Service
class DisputeService {

    private static final Set<String> MEDIATORS = Set.of(Roles.GRID_WORKER, Roles.COMMUNITY_ADMIN);
    private static final Set<String> READERS = Set.of(Roles.GRID_WORKER, Roles.COMMUNITY_ADMIN, Roles.STREET_ADMIN,
            Roles.COUNTY_ADMIN);
    private static final Set<String> ADMINS = Set.of(Roles.COMMUNITY_ADMIN, Roles.STREET_ADMIN, Roles.COUNTY_ADMIN);

    private final MongoOperations mongo;
    private final IssueIntake issues;
    private final Places places;
    private final Clock clock;
    private final ZoneId zone;

    DisputeService(MongoOperations mongo, IssueIntake issues, Places places, Clock clock,
                   @Value("${linli.zone:Asia/Shanghai}") ZoneId zone) {
        this.mongo = mongo;
        this.issues = issues;
        this.places = places;
        this.clock = clock;
        this.zone = zone;
    }

    /** Recorded at a place routed like an issue's (building, point, the caller's community's queue). */
    Dispute record(Caller caller, Dispute.Kind kind, String description, List<Dispute.Party> parties,
                   Dispute.Place place, String bearerToken) {
        Optional<Dispute> earlier = NewIds.alreadyCreated(id -> Optional.ofNullable(mongo.findById(id, Dispute.class)));
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Route route = issues.routeFor(caller, place.lat(), place.lng(), place.buildingId(), bearerToken);
        if (route.communityPath() == null || !caller.covers(route.communityPath())) {
            throw new AccessDeniedException("the place lies outside the caller's scope");
        }
        if (gridWorkerOnly(caller)
                && (caller.accountId() == null || !caller.accountId().equals(route.workerAccountId()))) {
            throw new AccessDeniedException("the place's grid is not one the grid worker is appointed to");
        }
        return mongo.insert(Dispute.record(NewIds.next(), kind, description, parties, place, route,
                caller.accountId(), caller.username(), now()));
    }

    Dispute get(Caller caller, String id) {
        Dispute dispute = find(id);
        requireCovered(caller, dispute, READERS);
        return dispute;
    }

    /**
     * The caller's scope's disputes (a grid worker's: their grids'), newest first; ?status, ?gridId, ?communityUnitId
     * narrow it.
     */
    Page<Dispute> list(Caller caller, Dispute.Status status, String gridId, String communityUnitId, Pageable pageable) {
        List<Criteria> all = new ArrayList<>();
        all.add(Criteria.where("communityPath").regex("^" + Pattern.quote(scopePath(caller))));
        Optional.ofNullable(status).ifPresent(value -> all.add(Criteria.where("status").is(value)));
        Optional.ofNullable(gridId).ifPresent(value -> all.add(Criteria.where("gridId").is(value)));
        Optional.ofNullable(communityUnitId).ifPresent(value -> all.add(Criteria.where("communityUnitId").is(value)));
        if (gridWorkerOnly(caller)) { // one more condition on the path-first index; no grid: no match
            all.add(Criteria.where("gridId").in(places.gridsServedBy(caller.accountId())));
        }
        Query query = Query.query(MongoPages.allOf(all)).with(pageable);
        if (pageable.getSort().isUnsorted()) {
            query.with(Sort.by(Sort.Direction.DESC, "recordedAt"));
        }
        return MongoPages.page(mongo, query, pageable, Dispute.class);
    }

    Dispute addSession(Caller caller, String id, String note, Long version) {
        return change(caller, id, version, (dispute, now) -> dispute.addSession(note, caller.accountId(), now));
    }

    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.ISSUE_EVENTS, payloadType = DisputeMediated.class,
            description = "a dispute was settled by mediation first (前置调解)"))
    Dispute mediate(Caller caller, String id, String agreement, Set<String> consentedBy, LocalDate agreedOn,
                    Long version) {
        return change(caller, id, version,
                (dispute, now) -> dispute.mediate(agreement, consentedBy, agreedOn, caller.accountId(), now));
    }

    /**
     * Passes the dispute on as an issue, through issue intake, under the id the dispute names
     * ({@link Dispute#referralIssueId()}): the issue first, then the dispute. Two single-document writes without a
     * transaction; if the second fails, a retry finds the issue made by the first instead of making a second one.
     */
    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.ISSUE_EVENTS, payloadType = DisputeReferred.class,
            description = "a dispute mediation could not settle was passed on as an issue"))
    Referred refer(Caller caller, String id, String reason, Category category, Long version, String bearerToken) {
        Dispute dispute = find(id);
        requireCovered(caller, dispute, MEDIATORS);
        checkVersion(dispute, version);
        dispute.checkReferable(reason);
        Issue issue = issues.submitOnce(dispute.referralIssueId(), caller,
                dispute.referralReport(category, reason, caller.accountId(), caller.username(), zone), bearerToken);
        dispute.refer(issue.id(), reason, caller.accountId(), now());
        return new Referred(mongo.save(dispute), issue);
    }

    private Dispute change(Caller caller, String id, Long version, BiConsumer<Dispute, Instant> action) {
        Dispute dispute = find(id);
        requireCovered(caller, dispute, MEDIATORS);
        checkVersion(dispute, version);
        action.accept(dispute, now());
        return mongo.save(dispute);
    }

    Dispute find(String id) {
        return Optional.ofNullable(mongo.findById(id, Dispute.class))
                .orElseThrow(() -> new NotFoundException("dispute", id));
    }

    /** The org path whose subtree the caller sees: everything for county-wide accounts. */
    static String scopePath(Caller caller) {
        return caller.isCountyWide() ? "/" : caller.orgUnitPath();
    }

    /** A community named in a filter must be known and in the caller's scope (403 either way, like a foreign id). */
    String requireCoveredCommunity(Caller caller, String communityUnitId) {
        String path = places.pathOf(communityUnitId);
        if (path == null || !caller.covers(path)) {
            throw new AccessDeniedException("community outside the caller's scope");
        }
        return path;
    }

    /** A grid named in a filter must be known and lie in the caller's scope (403 either way). */
    void requireCoveredGrid(Caller caller, String gridId) {
        String community = places.communityOfGrid(gridId);
        if (community == null) {
            throw new AccessDeniedException("grid outside the caller's scope");
        }
        requireCoveredCommunity(caller, community);
    }

    private void requireCovered(Caller caller, Dispute dispute, Set<String> roles) {
        if (roles.stream().noneMatch(caller::hasRole) || !caller.covers(dispute.communityPath())) {
            throw new AccessDeniedException("dispute outside the caller's role or scope");
        }
        if (gridWorkerOnly(caller) && !places.servesGrid(caller.accountId(), dispute.gridId())) {
            throw new AccessDeniedException("dispute outside the grids the grid worker is appointed to");
        }
    }

    /** A GRID_WORKER without an admin role: limited to the grids they are the appointed worker of. */
    private static boolean gridWorkerOnly(Caller caller) {
        return caller.hasRole(Roles.GRID_WORKER) && ADMINS.stream().noneMatch(caller::hasRole);
    }

    private static void checkVersion(Dispute dispute, Long version) {
        if (version != null && !version.equals(dispute.version())) {
            throw new OptimisticLockingFailureException("dispute " + dispute.id() + " is at version "
                    + dispute.version());
        }
    }

    /** Now, to the millisecond that MongoDB stores, so that answers and stored state agree. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** A referred dispute and the issue it became. */
    record Referred(Dispute dispute, Issue issue) {
    }
}
