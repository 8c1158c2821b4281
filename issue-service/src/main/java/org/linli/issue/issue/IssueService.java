package org.linli.issue.issue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import io.github.springwolf.core.asyncapi.annotations.AsyncOperation;
import io.github.springwolf.core.asyncapi.annotations.AsyncPublisher;
import org.linli.events.Topics;
import org.linli.events.issue.IssueClaimed;
import org.linli.events.issue.IssueClosed;
import org.linli.events.issue.IssueDispatched;
import org.linli.events.issue.IssueEscalated;
import org.linli.events.issue.IssueOverdue;
import org.linli.events.issue.IssueReopened;
import org.linli.events.issue.IssueReported;
import org.linli.events.issue.IssueResolved;
import org.linli.issue.place.Places;
import org.linli.issue.place.Route;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.platform.web.Caller;
import org.linli.platform.domain.NewIds;
import org.linli.platform.domain.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * Intake (app, patrol, hotline, QR code, Open311), routing, the lifecycle actions with their role and
 * scope checks, and the deadline sweep. Intake validates every photo, then stores them, then saves
 * the issue, and deletes the stored photos again if the save fails: nothing half-stored.
 */
@Service
public class IssueService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private static final String HOUSING = "HOUSING";

    private final IssueRepository issues;
    private final MongoOperations mongo;
    private final Places places;
    private final PhotoStore photos;
    private final QrCodes qrCodes;
    private final RecentReports recentReports;
    private final ReportRateLimit rateLimit;
    private final DeadlinePolicy policy;
    private final IssueSettings settings;
    private final Clock clock;

    IssueService(IssueRepository issues, MongoOperations mongo, Places places, PhotoStore photos, QrCodes qrCodes,
                 RecentReports recentReports, ReportRateLimit rateLimit, DeadlinePolicy policy, IssueSettings settings, Clock clock) {
        this.issues = issues;
        this.mongo = mongo;
        this.places = places;
        this.photos = photos;
        this.qrCodes = qrCodes;
        this.recentReports = recentReports;
        this.rateLimit = rateLimit;
        this.policy = policy;
        this.settings = settings;
        this.clock = clock;
    }

    /** A report by a signed-in resident (APP), a grid worker on patrol or hotline staff. */
    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.ISSUE_EVENTS, payloadType = IssueReported.class,
            description = "an issue was reported and routed"))
    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.ISSUE_EVENTS, payloadType = IssueDispatched.class,
            description = "a routed issue went straight to its grid worker"))
    Issue submit(Caller caller, Issue.Report report, List<MultipartFile> files, String bearerToken) {
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
    public Issue submitOnce(String issueId, Caller caller, Issue.Report report, String bearerToken) {
        Optional<Issue> earlier = issues.findById(issueId);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Route route = routeOf(report, fallbackCommunity(caller), bearerToken);
        try {
            return admit(Issue.report(issueId, report, route, departmentFor(report.category(), route), policy, now()));
        } catch (DuplicateKeyException concurrent) {
            return find(issueId);
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

    /** A report made by scanning a building's QR code: no account; the token names the building. */
    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.ISSUE_EVENTS, payloadType = IssueReported.class,
            description = "a QR-code report was routed"))
    Submitted submitWithQrCode(String token, Issue.Report report, List<MultipartFile> files, String clientAddress) {
        String buildingId = qrCodes.verify(token)
                .orElseThrow(() -> new BusinessRuleViolation("invalid-qr-token", "the QR code is not valid"));
        rateLimit.count(clientAddress, buildingId);
        String callbackToken = randomToken();
        Issue.Report located = new Issue.Report(report.category(), report.severity(), Channel.QR_CODE,
                report.description(), report.lat(), report.lng(), buildingId, report.address(), report.anonymous(),
                null, report.reporterName(), report.reporterPhone(), sha256(callbackToken), List.of(), null);
        Route route = places.forBuilding(buildingId)
                .orElseGet(() -> report.lat() != null ? places.locate(report.lat(), report.lng(), null, null)
                        : Route.countyQueue());
        return new Submitted(intake(located, files, route), callbackToken);
    }

    /** A request from a county system over Open311 (already authenticated by its API key). */
    public Issue submitFromIntegration(Issue.Report report) {
        return NewIds.alreadyCreated(issues::findById).orElseGet(() -> intake(report, List.of(), routeOf(report, null, null)));
    }

    Route routeOf(Issue.Report report, String fallbackCommunity, String bearerToken) {
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

    private Issue intake(Issue.Report report, List<MultipartFile> files, Route route) {
        List<PhotoStore.Upload> uploads = photos.validate(files);
        List<String> stored = photos.storeIds(uploads);
        try {
            return admit(Issue.report(report.withPhotos(stored), route, departmentFor(report.category(), route),
                    policy, now()));
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

    Issue get(Caller caller, String id) {
        Issue issue = find(id);
        IssueAccess.requireReadable(caller, issue);
        return issue;
    }

    public Issue find(String id) {
        return issues.findById(id).orElseThrow(() -> new NotFoundException("issue", id));
    }

    /** The issue a QR reporter follows with the callback token they were given (404 for a wrong token). */
    Issue getWithCallbackToken(String id, String callbackToken) {
        Issue issue = find(id);
        if (callbackToken == null || issue.callbackTokenHash() == null
                || !MessageDigest.isEqual(issue.callbackTokenHash().getBytes(StandardCharsets.US_ASCII),
                sha256(callbackToken).getBytes(StandardCharsets.US_ASCII))) {
            throw new NotFoundException("issue", id);
        }
        return issue;
    }

    Page<Issue> list(Caller caller, Filter filter, Pageable pageable) {
        Criteria criteria = new Criteria();
        List<Criteria> all = new ArrayList<>();
        if (filter.mine() || !(IssueAccess.isScopedStaff(caller) || caller.hasRole("DEPARTMENT_STAFF"))) {
            all.add(Criteria.where("reporterAccountId").is(caller.accountId()));
        } else if (caller.hasRole("DEPARTMENT_STAFF") && !IssueAccess.isScopedStaff(caller)) {
            all.add(Criteria.where("level").is(EscalationLevel.DEPARTMENT));
            if (!caller.isCountyWide()) {
                all.add(Criteria.where("departmentUnitId").is(caller.orgUnitId()));
            }
        } else if (!caller.isCountyWide()) {
            all.add(Criteria.where("communityPath").regex("^" + Pattern.quote(caller.orgUnitPath())));
        }
        if (filter.status() != null) {
            all.add(Criteria.where("status").is(filter.status()));
        }
        if (filter.category() != null) {
            all.add(Criteria.where("category").is(filter.category()));
        }
        if (filter.gridId() != null) {
            all.add(Criteria.where("gridId").is(filter.gridId()));
        }
        if (filter.communityUnitId() != null) {
            all.add(Criteria.where("communityUnitId").is(filter.communityUnitId()));
        }
        if (filter.compoundId() != null) {
            all.add(Criteria.where("compoundId").is(filter.compoundId()));
        }
        if (filter.level() != null) {
            all.add(Criteria.where("level").is(filter.level()));
        }
        if (filter.supervised() != null) {
            all.add(Criteria.where("supervised").is(filter.supervised()));
        }
        if (!all.isEmpty()) {
            criteria.andOperator(all.toArray(Criteria[]::new));
        }
        Query query = Query.query(criteria).with(pageable);
        if (pageable.getSort().isUnsorted()) {
            query.with(org.springframework.data.domain.Sort.by(org.springframework.data.domain.Sort.Direction.DESC,
                    "reportedAt"));
        }
        List<Issue> content = mongo.find(query, Issue.class);
        return PageableExecutionUtils.getPage(content, pageable,
                () -> mongo.count(Query.query(criteria), Issue.class));
    }

    /** Open311 search: all issues (integration clients are county-wide), newest first. */
    public List<Issue> search(List<String> ids, Category category, Instant from, Instant to, Boolean open, int limit) {
        List<Criteria> all = new ArrayList<>();
        if (ids != null && !ids.isEmpty()) {
            all.add(Criteria.where("_id").in(ids));
        } else {
            all.add(Criteria.where("reportedAt").gte(from).lte(to));
        }
        if (category != null) {
            all.add(Criteria.where("category").is(category));
        }
        if (open != null) {
            all.add(open ? Criteria.where("status").nin(IssueStatus.FINAL) : Criteria.where("status").in(IssueStatus.FINAL));
        }
        Query query = Query.query(new Criteria().andOperator(all.toArray(Criteria[]::new)))
                .with(org.springframework.data.domain.Sort.by(org.springframework.data.domain.Sort.Direction.DESC,
                        "reportedAt")).limit(limit);
        return mongo.find(query, Issue.class);
    }

    /** Open issues of a community escalated beyond the grid or under supervision (督办): a meeting's agenda. */
    public List<Issue> escalatedIn(String communityUnitId, int limit) {
        Query query = Query.query(Criteria.where("communityUnitId").is(communityUnitId)
                        .and("status").nin(IssueStatus.FINAL)
                        .orOperator(Criteria.where("level").nin(EscalationLevel.GRID), Criteria.where("supervised").is(true)))
                .with(org.springframework.data.domain.Sort.by("reportedAt")).limit(limit);
        return mongo.find(query, Issue.class);
    }

    /** Checks that a meeting's decision can apply to the issue, without changing it. */
    public void checkMeetingDecision(String issueId, MeetingDecision decision) {
        Issue issue = find(issueId);
        IssueStatus status = issue.status();
        if (!decision.appliesTo(status)) {
            String verb = decision.name().toLowerCase(Locale.ROOT);
            throw new BusinessRuleViolation("illegal-transition", "cannot " + verb + " an issue that is " + status,
                    verb, status.name());
        }
    }

    /** Applies a joint meeting's decision: CLOSE closes the issue, REDIRECT hands it to a unit, FOLLOW_UP changes nothing. */
    public void applyMeetingDecision(String issueId, MeetingDecision decision, String redirectToUnitId,
                                     String summary, String actor) {
        switch (decision) {
            case CLOSE -> change(issueId, null, issue -> issue.closeByDecision(actor, summary, now()));
            case REDIRECT -> change(issueId, null, issue -> issue.redirect(redirectToUnitId, actor, policy, now()));
            case FOLLOW_UP -> {
                // recorded by the meeting; the issue stays as it is
            }
        }
    }

    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.ISSUE_EVENTS, payloadType = IssueDispatched.class,
            description = "an issue was assigned, or opened for claiming by party members"))
    Issue dispatch(Caller caller, String id, String assigneeAccountId, Severity severity, Long version) {
        return change(id, version, issue -> {
            IssueAccess.requireAdmin(caller, issue);
            issue.dispatch(assigneeAccountId, severity, policy, caller.accountId(), now());
        });
    }

    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.ISSUE_EVENTS, payloadType = IssueClaimed.class,
            description = "a party member or volunteer claimed an issue"))
    Issue claim(Caller caller, String id, Long version) {
        return change(id, version, issue -> {
            if (!caller.hasRole("PARTY_MEMBER") || !caller.covers(issue.communityPath())) {
                throw new AccessDeniedException("only party members of the community claim");
            }
            issue.claim(caller.accountId(), now());
        });
    }

    Issue arrive(Caller caller, String id, Long version) {
        return change(id, version, issue -> {
            IssueAccess.requireHandler(caller, issue);
            issue.arrive(caller.accountId(), now());
        });
    }

    Issue start(Caller caller, String id, Long version) {
        return change(id, version, issue -> {
            IssueAccess.requireHandler(caller, issue);
            issue.start(caller.accountId(), now());
        });
    }

    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.ISSUE_EVENTS, payloadType = IssueResolved.class,
            description = "an issue was resolved, awaiting the reporter"))
    Issue resolve(Caller caller, String id, String note, List<MultipartFile> files, Long version) {
        Issue current = find(id);
        IssueAccess.requireHandler(caller, current);
        List<String> stored = photos.storeIds(photos.validate(files));
        try {
            return change(id, version, issue -> {
                IssueAccess.requireHandler(caller, issue);
                issue.resolve(caller.accountId(), IssueAccess.kindOf(caller, issue), note, stored, policy,
                        now());
            });
        } catch (RuntimeException e) {
            photos.delete(stored);
            throw e;
        }
    }

    /** The reporter rates, or staff record the callback (回访) they made by phone. */
    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.ISSUE_EVENTS, payloadType = IssueClosed.class,
            description = "the reporter rated the issue (3-5 closes it)"))
    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.ISSUE_EVENTS, payloadType = IssueReopened.class,
            description = "a bad rating or not fixed reopened it"))
    Issue rate(Caller caller, String id, int stars, boolean fixed, String comment, Long version) {
        return change(id, version, issue -> {
            if (!issue.reportedBy(caller.accountId()) && !(IssueAccess.isAdmin(caller)
                    && caller.covers(issue.communityPath()))) {
                throw new AccessDeniedException("only the reporter or the community's admins rate");
            }
            issue.rate(stars, fixed, comment, caller.accountId(), policy, now());
        });
    }

    Issue rateWithCallbackToken(String id, String callbackToken, int stars, boolean fixed, String comment) {
        getWithCallbackToken(id, callbackToken);
        return change(id, null, issue -> issue.rate(stars, fixed, comment, null, policy, now()));
    }

    Issue hold(Caller caller, String id, String reason, Long version) {
        return change(id, version, issue -> {
            IssueAccess.requireAdmin(caller, issue);
            issue.hold(reason, caller.accountId(), now());
        });
    }

    Issue resume(Caller caller, String id, Long version) {
        return change(id, version, issue -> {
            IssueAccess.requireAdmin(caller, issue);
            issue.resume(caller.accountId(), now());
        });
    }

    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.ISSUE_EVENTS, payloadType = IssueClosed.class,
            description = "an issue was rejected (closed without handler)"))
    Issue reject(Caller caller, String id, String reason, Long version) {
        return change(id, version, issue -> {
            IssueAccess.requireAdmin(caller, issue);
            issue.reject(reason, caller.accountId(), now());
        });
    }

    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.ISSUE_EVENTS, payloadType = IssueEscalated.class,
            description = "an issue was escalated one level (吹哨)"))
    Issue escalate(Caller caller, String id, Long version) {
        return change(id, version, issue -> {
            IssueAccess.requireAdmin(caller, issue);
            issue.whistle(caller.accountId(), policy, now());
        });
    }

    Issue checkIn(Caller caller, String id, Long version) {
        return change(id, version, issue -> {
            if (!IssueAccess.department(caller, issue)) {
                throw new AccessDeniedException("only the called department checks in");
            }
            issue.checkIn(caller.accountId(), now());
        });
    }

    /**
     * Merges a duplicate into the original. Two single-document saves: the duplicate first (it is the
     * one that changes state and publishes IssueClosed), then the original's list of merged reports; if
     * the second fails, the duplicate still points at the original by {@code duplicateOf}.
     */
    Issue merge(Caller caller, String id, String originalId, Long version) {
        Issue duplicate = find(id);
        Issue original = find(originalId);
        IssueAccess.requireAdmin(caller, duplicate);
        IssueAccess.requireAdmin(caller, original);
        checkVersion(duplicate, version);
        duplicate.mergeInto(original, caller.accountId(), now());
        Issue saved = issues.save(duplicate);
        issues.save(original);
        return saved;
    }

    PhotoStore.Content photo(Caller caller, String id, String photoId) {
        Issue issue = get(caller, id);
        return photoOf(issue, photoId);
    }

    PhotoStore.Content photoWithCallbackToken(String id, String callbackToken, String photoId) {
        return photoOf(getWithCallbackToken(id, callbackToken), photoId);
    }

    private PhotoStore.Content photoOf(Issue issue, String photoId) {
        if (!issue.photoIds().contains(photoId) && !issue.resolutionPhotoIds().contains(photoId)) {
            throw new NotFoundException("photo", photoId);
        }
        return photos.load(photoId).orElseThrow(() -> new NotFoundException("photo", photoId));
    }

    /** The QR token for a building, for staff of its community to print. */
    QrCode qrCode(Caller caller, String buildingId) {
        Places.Building building = places.building(buildingId)
                .orElseThrow(() -> new NotFoundException("building", buildingId));
        if (!(IssueAccess.isAdmin(caller) || caller.hasRole("GRID_WORKER"))
                || !caller.covers(building.communityPath())) {
            throw new AccessDeniedException("building outside the caller's scope");
        }
        return new QrCode(building.id(), building.name(), qrCodes.tokenFor(building.id()));
    }

    /**
     * Applies the clocks of every issue due by now (at most {@code batch}); an issue changed
     * concurrently is left for the next sweep. Returns how many changed.
     */
    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.ISSUE_EVENTS, payloadType = IssueOverdue.class,
            description = "a 5341 deadline passed"))
    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.ISSUE_EVENTS, payloadType = IssueEscalated.class,
            description = "an overdue issue escalated automatically"))
    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.ISSUE_EVENTS, payloadType = IssueClosed.class,
            description = "an unrated resolved issue closed after the callback window"))
    public int sweep(int batch) {
        Instant now = now();
        Query due = Query.query(Criteria.where("nextDueAt").lte(now)).limit(batch);
        int changed = 0;
        for (Issue issue : mongo.find(due, Issue.class)) {
            if (issue.applyClocks(policy, now)) {
                try {
                    issues.save(issue);
                    changed++;
                } catch (OptimisticLockingFailureException concurrent) {
                    // changed by a user or another instance meanwhile: the next sweep sees it again
                }
            }
        }
        return changed;
    }

    private Issue change(String id, Long version, java.util.function.Consumer<Issue> action) {
        Issue issue = find(id);
        checkVersion(issue, version);
        action.accept(issue);
        return issues.save(issue);
    }

    private static void checkVersion(Issue issue, Long version) {
        if (version != null && !version.equals(issue.version())) {
            throw new OptimisticLockingFailureException("issue " + issue.id() + " is at version " + issue.version());
        }
    }

    /** Now, to the millisecond that MongoDB stores, so that answers and stored state agree. */
    private Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    static String randomToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** List filters, all optional. */
    record Filter(boolean mine, IssueStatus status, Category category, String gridId, String communityUnitId,
                  String compoundId, EscalationLevel level, Boolean supervised) {
    }

    /** A QR report as stored, with the callback token the reporter keeps (only its hash is stored). */
    record Submitted(Issue issue, String callbackToken) {
    }

    /** What a building's QR code encodes. */
    record QrCode(String buildingId, String buildingName, String token) {
    }
}
