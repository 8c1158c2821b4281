package org.linli.issue.issue;

import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.linli.events.issue.IssueClaimed;
import org.linli.events.issue.IssueClosed;
import org.linli.events.issue.IssueDispatched;
import org.linli.events.issue.IssueEscalated;
import org.linli.events.issue.IssueImported;
import org.linli.events.issue.IssueOverdue;
import org.linli.events.issue.IssueReopened;
import org.linli.events.issue.IssueReported;
import org.linli.events.issue.IssueResolved;
import org.linli.issue.place.Route;
import org.linli.platform.messaging.AggregateRoot;
import org.linli.platform.protection.SensitiveText;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.platform.domain.MobileNumber;
import org.linli.platform.domain.NewIds;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A resident's issue (诉求) from report to close: the lifecycle as a state machine (an illegal
 * transition is a 422 with code {@code illegal-transition}), the 5341 clocks as stored due instants
 * (so they survive restarts; a held issue's clocks pause and move on by the time held), automatic
 * escalation along grid → community → street → department when a clock runs out, and the callback
 * (回访): the reporter rates a resolved issue 1–5; 1–2 or "not fixed" reopens it, silence closes it
 * after the callback window.
 *
 * <p>{@code nextDueAt} is the earliest running clock, so that one indexed query finds what is due.
 * The reporter's phone is personal data: never in events or logs, masked in most responses, stored
 * encrypted ({@link SensitiveText}; docs/protection.md), not even stored when the report is anonymous.
 */
@Document("issues")
// department staff's list: issues escalated to a department (level), theirs (departmentUnitId), newest first
@CompoundIndex(name = "level_department_reported", def = "{'level': 1, 'departmentUnitId': 1, 'reportedAt': -1}")
public class Issue extends AggregateRoot {

    public static final int MAX_DESCRIPTION = 2000;
    static final int MAX_NOTE = 1000;
    static final int MAX_PHOTOS = 9;
    private static final Set<IssueStatus> DISPATCHABLE = EnumSet.of(IssueStatus.REPORTED, IssueStatus.REOPENED,
            IssueStatus.DISPATCHED, IssueStatus.OPEN_FOR_CLAIM);
    private static final Set<IssueStatus> HOLDABLE = EnumSet.of(IssueStatus.REPORTED, IssueStatus.DISPATCHED,
            IssueStatus.OPEN_FOR_CLAIM, IssueStatus.CLAIMED, IssueStatus.ON_SITE, IssueStatus.IN_PROGRESS,
            IssueStatus.REOPENED);

    @Id
    private String id;
    private Category category;
    private Severity severity;
    private Channel channel;
    private String description;
    private Double lat;
    private Double lng;
    private String buildingId;
    private String address;
    private boolean anonymous;
    @Indexed
    private String reporterAccountId;
    private String reporterName;
    private SensitiveText reporterPhone;
    private String callbackTokenHash;
    private List<String> photoIds = new ArrayList<>();
    @Indexed
    private String gridId;
    @Indexed
    private String communityUnitId;
    @Indexed
    private String communityPath;
    private String streetUnitId;
    @Indexed
    private String compoundId;
    @Indexed
    private String companyId;
    private String departmentUnitId;
    private Route.Source routedBy;
    @Indexed
    private IssueStatus status;
    private IssueStatus heldFrom;
    private String dispatchMode;
    private String assigneeAppointmentId;
    private String assigneeAccountId;
    private String claimantAccountId;
    private String handlerAccountId;
    private HandlerKind handlerKind;
    private EscalationLevel level;
    private String responsibleUnitId;
    private boolean supervised;
    private Instant onSiteDueAt;
    private Instant firstSolutionDueAt;
    private Instant solutionDueAt;
    private Instant checkInDueAt;
    private Instant callbackDueAt;
    @Indexed
    private Instant nextDueAt;
    private Instant onSiteAt;
    private Instant checkedInAt;
    private Instant resolvedAt;
    @Indexed // the reporter retention job's daily range (closedAt < cutoff), so it does not read every issue
    private Instant closedAt;
    private boolean onSiteOverdue;
    private boolean solutionOverdue;
    private Instant heldSince;
    private String holdReason;
    private String resolutionNote;
    private List<String> resolutionPhotoIds = new ArrayList<>();
    private Integer rating;
    private String ratingComment;
    private int reopenCount;
    private String duplicateOf;
    private String suggestedDuplicateOf;
    private List<String> mergedIssueIds = new ArrayList<>();
    private List<Step> history = new ArrayList<>();
    @Indexed
    private Instant reportedAt;
    private Instant updatedAt;
    private String importSource;
    private String sourceRecordId;
    private String importBatchId;
    private Instant reporterAnonymisedAt;
    /**
     * What this issue counted for in the figures when it was read from the store ({@link FigureCache}), so that a
     * save that changes no figure leaves the kept sums alone. Not stored.
     */
    @Transient
    private FigureCache.Counted countedAsLoaded;

    protected Issue() {
        // for the mapping layer
    }

    /**
     * A new issue, routed: to its grid's active worker when the grid has one (DISPATCHED, ASSIGNED),
     * otherwise REPORTED in the grid's, community's or county's queue. Records IssueReported (and
     * IssueDispatched when assigned). A report that another system received earlier ({@link Report#receivedAt()},
     * bounded at the edge; a time after {@code now} counts as now) is reported at that time and its 5341 clocks
     * run from it, as for an imported record: a clock that ran out before the intake is a fact (overdue,
     * supervised), not a cause (no IssueOverdue or IssueEscalated); the clocks still running go on.
     */
    public static Issue report(Report report, Route route, String departmentUnitId, DeadlinePolicy policy,
                               Instant now) {
        return report(NewIds.next(), report, route, departmentUnitId, policy, now);
    }

    /**
     * A new issue as {@link #report(Report, Route, String, DeadlinePolicy, Instant)}, with an id its caller derives
     * from its own record (a referred dispute's), so that a retry names the same issue.
     */
    public static Issue report(String id, Report report, Route route, String departmentUnitId, DeadlinePolicy policy,
                               Instant now) {
        Issue issue = new Issue();
        issue.id = Objects.requireNonNull(id);
        issue.category = Objects.requireNonNull(report.category());
        issue.severity = report.severity() == null ? report.category().defaultSeverity() : report.severity();
        issue.channel = Objects.requireNonNull(report.channel());
        issue.description = report.description();
        issue.lat = report.lat();
        issue.lng = report.lng();
        issue.buildingId = report.buildingId();
        issue.address = report.address();
        issue.anonymous = report.anonymous();
        issue.reporterAccountId = report.reporterAccountId();
        if (!report.anonymous()) {
            issue.reporterName = report.reporterName();
            issue.reporterPhone = SensitiveText.of(report.reporterPhone());
        }
        issue.callbackTokenHash = report.callbackTokenHash();
        if (report.photoIds().size() > MAX_PHOTOS) {
            throw new BusinessRuleViolation("too-many-photos", "at most 9 photos", MAX_PHOTOS);
        }
        issue.photoIds = new ArrayList<>(report.photoIds());
        issue.placeBy(route, departmentUnitId);
        issue.status = IssueStatus.REPORTED;
        Instant received = report.receivedAt() == null || report.receivedAt().isAfter(now) ? now : report.receivedAt();
        issue.reportedAt = received;
        issue.updatedAt = now;
        issue.onSiteDueAt = received.plus(policy.onSite());
        issue.solutionDueAt = received.plus(policy.solution(issue.severity));
        issue.firstSolutionDueAt = issue.solutionDueAt;
        issue.step(received, "REPORTED", report.reporterAccountId(), issue.channel.label());
        issue.recordEvent(issue.id, new IssueReported(issue.id, issue.category.name(), issue.severity.name(),
                issue.channel.name(), issue.gridId, issue.communityUnitId, issue.compoundId, issue.companyId,
                issue.lat, issue.lng, received), now);
        if (route.workerAppointmentId() != null) {
            issue.assigneeAppointmentId = route.workerAppointmentId();
            issue.assigneeAccountId = route.workerAccountId();
            issue.dispatchMode = "ASSIGNED";
            issue.status = IssueStatus.DISPATCHED;
            issue.step(now, "DISPATCHED", null, "grid worker appointment " + route.workerAppointmentId());
            issue.recordEvent(issue.id, new IssueDispatched(issue.id, "ASSIGNED", issue.assigneeAccountId,
                    issue.gridId), now);
        }
        issue.scheduleFromOriginalTime(now);
        return issue;
    }

    /** Where the route puts a new issue: its grid, community, compound and company, its level and owner. */
    private void placeBy(Route route, String departmentUnitId) {
        gridId = route.gridId();
        communityUnitId = route.communityUnitId();
        communityPath = route.communityPath();
        streetUnitId = route.streetUnitId();
        compoundId = route.compoundId();
        companyId = route.companyId();
        this.departmentUnitId = departmentUnitId;
        routedBy = route.source();
        level = route.gridId() != null ? EscalationLevel.GRID
                : route.communityUnitId() != null ? EscalationLevel.COMMUNITY : EscalationLevel.COUNTY;
        responsibleUnitId = route.gridId() != null ? route.gridId() : route.communityUnitId();
    }

    /**
     * A historical record from another system (the 12345 hotline), in the state it reached there. It keeps
     * its original {@code receivedAt} as {@code reportedAt} and the 5341 deadlines computed from it. The id
     * is derived from source and record id, so the same record imported twice is the same document (the
     * {@code _id} index refuses the second). A clock that ran out before the import is a fact (overdue,
     * supervised), not a cause: no IssueOverdue or IssueEscalated for history; only clocks still running
     * at the import go on running. Records one IssueImported (occurring now) and nothing else.
     */
    public static Issue imported(HistoricalRecord record, String batchId, Route route, String departmentUnitId,
                                 DeadlinePolicy policy, Instant now) {
        record.requireNotAfter(now);
        Issue issue = new Issue();
        issue.id = importedId(record.source(), record.sourceRecordId());
        issue.importSource = record.source();
        issue.sourceRecordId = record.sourceRecordId();
        issue.importBatchId = Objects.requireNonNull(batchId);
        issue.category = record.category();
        issue.severity = record.severity() == null ? record.category().defaultSeverity() : record.severity();
        issue.channel = Channel.HOTLINE;
        issue.description = record.description();
        issue.lat = record.lat();
        issue.lng = record.lng();
        issue.buildingId = record.buildingId();
        issue.address = record.address();
        issue.reporterName = record.reporterName();
        issue.reporterPhone = SensitiveText.of(record.reporterPhone());
        issue.anonymous = record.reporterName() == null && record.reporterPhone() == null;
        issue.placeBy(route, departmentUnitId);
        Instant received = record.receivedAt();
        issue.reportedAt = received;
        issue.onSiteDueAt = received.plus(policy.onSite());
        issue.solutionDueAt = received.plus(policy.solution(issue.severity));
        issue.firstSolutionDueAt = issue.solutionDueAt;
        issue.step(received, "REPORTED", null, Channel.HOTLINE.label() + " " + record.source() + " "
                + record.sourceRecordId());
        issue.reachImportedState(record, route, policy);
        issue.updatedAt = now;
        issue.step(now, "IMPORTED", null, record.source());
        issue.scheduleFromOriginalTime(now);
        issue.recordEvent(issue.id, new IssueImported(issue.id, record.source(), record.sourceRecordId(),
                issue.category.name(), issue.severity.name(), issue.status.name(), received, issue.resolvedAt,
                issue.closedAt, issue.rating, issue.gridId, issue.communityUnitId, issue.compoundId, issue.companyId,
                issue.lat, issue.lng), now);
        return issue;
    }

    /** The id an imported record gets: the same for the same source and record id, on every instance. */
    public static String importedId(String source, String sourceRecordId) {
        return UUID.nameUUIDFromBytes(("import:" + source + ":" + sourceRecordId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private void reachImportedState(HistoricalRecord record, Route route, DeadlinePolicy policy) {
        IssueStatus target = record.status();
        status = target;
        if (target == IssueStatus.REPORTED) {
            return;
        }
        if (target == IssueStatus.REJECTED) {
            closedAt = record.closedAt();
            step(closedAt, "REJECTED", null, record.note());
            return;
        }
        if (target == IssueStatus.OPEN_FOR_CLAIM) {
            dispatchMode = "OPEN_FOR_CLAIM";
        } else {
            dispatchMode = "ASSIGNED";
            assigneeAppointmentId = route.workerAppointmentId();
            assigneeAccountId = route.workerAccountId();
        }
        step(reportedAt, dispatchMode.equals("ASSIGNED") ? "DISPATCHED" : "OPEN_FOR_CLAIM", null, null);
        if (target == IssueStatus.RESOLVED || target == IssueStatus.CLOSED) {
            resolvedAt = record.resolvedAt() != null ? record.resolvedAt() : record.closedAt();
            resolutionNote = record.note();
            solutionOverdue = resolvedAt.isAfter(solutionDueAt);
            step(resolvedAt, "RESOLVED", null, resolutionNote);
        }
        if (target == IssueStatus.RESOLVED) {
            callbackDueAt = resolvedAt.plus(policy.callbackWindow());
        }
        if (target == IssueStatus.CLOSED) {
            rating = record.rating();
            closedAt = record.closedAt();
            step(closedAt, "CLOSED", null, rating == null ? null : "rating " + rating);
        }
    }

    /**
     * Clocks that ran out before the import or intake (the record's original time lies in the past) become
     * facts (overdue, supervised); the clocks still running are scheduled as for a live issue; none is applied
     * now. For an issue received now no clock has run out: this is {@link #scheduleNext()}.
     */
    private void scheduleFromOriginalTime(Instant now) {
        if (IssueStatus.BEFORE_ON_SITE.contains(status) && !now.isBefore(onSiteDueAt)) {
            onSiteOverdue = true;
        }
        if (IssueStatus.UNSOLVED.contains(status) && !now.isBefore(solutionDueAt)) {
            solutionOverdue = true;
        }
        supervised = onSiteOverdue || solutionOverdue;
        scheduleNext();
        if (nextDueAt != null && !nextDueAt.isAfter(now)) {
            nextDueAt = null;
        }
    }

    /** Assigns to an account (a grid worker, staff) or opens for claiming by party members (党员接单). */
    public void dispatch(String assigneeAccountId, Severity newSeverity, DeadlinePolicy policy, String actor,
                         Instant now) {
        require(DISPATCHABLE, "dispatch");
        if (newSeverity != null && newSeverity != severity) {
            severity = newSeverity;
            solutionDueAt = (reopenCount > 0 ? now : reportedAt).plus(policy.solution(severity));
            if (reopenCount == 0) {
                firstSolutionDueAt = solutionDueAt;
            }
        }
        claimantAccountId = null;
        if (assigneeAccountId == null) {
            dispatchMode = "OPEN_FOR_CLAIM";
            this.assigneeAccountId = null;
            status = IssueStatus.OPEN_FOR_CLAIM;
        } else {
            dispatchMode = "ASSIGNED";
            this.assigneeAccountId = assigneeAccountId;
            status = IssueStatus.DISPATCHED;
        }
        touch(now, status.name(), actor, assigneeAccountId);
        recordEvent(id, new IssueDispatched(id, dispatchMode, assigneeAccountId, gridId), now);
    }

    /** A party member (or volunteer) claims an issue open for claiming. */
    public void claim(String accountId, Instant now) {
        require(EnumSet.of(IssueStatus.OPEN_FOR_CLAIM), "claim");
        claimantAccountId = Objects.requireNonNull(accountId);
        status = IssueStatus.CLAIMED;
        touch(now, "CLAIMED", accountId, null);
        recordEvent(id, new IssueClaimed(id, accountId), now);
    }

    /** The handler arrives (到场): the on-site clock stops. */
    public void arrive(String accountId, Instant now) {
        require(EnumSet.of(IssueStatus.DISPATCHED, IssueStatus.CLAIMED, IssueStatus.REOPENED), "arrive");
        requireHandler(accountId);
        onSiteAt = now;
        status = IssueStatus.ON_SITE;
        touch(now, "ON_SITE", accountId, null);
    }

    /** Work starts after the handler has seen the place. */
    public void start(String accountId, Instant now) {
        require(EnumSet.of(IssueStatus.ON_SITE), "start");
        requireHandler(accountId);
        status = IssueStatus.IN_PROGRESS;
        touch(now, "IN_PROGRESS", accountId, null);
    }

    /** Resolved with a note (required) and optional photos; the reporter's callback window opens. */
    public void resolve(String accountId, HandlerKind kind, String note, List<String> photos, DeadlinePolicy policy,
                        Instant now) {
        require(EnumSet.of(IssueStatus.ON_SITE, IssueStatus.IN_PROGRESS), "resolve");
        requireHandler(accountId);
        if (note == null || note.isBlank()) {
            throw new BusinessRuleViolation("resolution-note-required", "resolving needs a note");
        }
        if (photos.size() > MAX_PHOTOS) {
            throw new BusinessRuleViolation("too-many-photos", "at most 9 photos", MAX_PHOTOS);
        }
        handlerAccountId = accountId;
        handlerKind = Objects.requireNonNull(kind);
        resolutionNote = note.strip();
        resolutionPhotoIds = new ArrayList<>(photos);
        resolvedAt = now;
        callbackDueAt = now.plus(policy.callbackWindow());
        status = IssueStatus.RESOLVED;
        touch(now, "RESOLVED", accountId, resolutionNote);
        recordEvent(id, new IssueResolved(id, accountId, kind.name(), communityUnitId, compoundId), now);
    }

    /**
     * The reporter's callback: 3–5 and fixed closes it; 1–2 or "not fixed" reopens it with fresh
     * clocks (the same handler goes back on site).
     */
    public void rate(int stars, boolean fixed, String comment, String actor, DeadlinePolicy policy, Instant now) {
        require(EnumSet.of(IssueStatus.RESOLVED), "rate");
        if (stars < 1 || stars > 5) {
            throw new BusinessRuleViolation("invalid-rating", "a rating lies between 1 and 5", stars);
        }
        rating = stars;
        ratingComment = comment;
        if (stars <= 2 || !fixed) {
            String reason = fixed ? "BAD_RATING" : "NOT_FIXED";
            reopenCount++;
            status = IssueStatus.REOPENED;
            callbackDueAt = null;
            resolvedAt = null;
            onSiteAt = null;
            onSiteOverdue = false;
            onSiteDueAt = now.plus(policy.onSite());
            solutionDueAt = now.plus(policy.solution(severity));
            touch(now, "REOPENED", actor, reason + " " + stars);
            recordEvent(id, new IssueReopened(id, reason, stars), now);
        } else {
            close(false, actor, now);
        }
    }

    /** Closes a resolved issue nobody rated within the callback window. */
    public void closeUnrated(Instant now) {
        require(EnumSet.of(IssueStatus.RESOLVED), "close");
        close(true, null, now);
    }

    /** A joint meeting's resolution closes the issue (it was resolved there). */
    public void closeByDecision(String actor, String summary, Instant now) {
        if (!status.open() || status == IssueStatus.HELD) {
            throw illegal("close");
        }
        resolutionNote = summary;
        close(false, actor, now);
    }

    private void close(boolean automatic, String actor, Instant now) {
        status = IssueStatus.CLOSED;
        closedAt = now;
        callbackDueAt = null;
        touch(now, "CLOSED", actor, automatic ? "AUTOMATIC" : null);
        recordEvent(id, new IssueClosed(id, rating, automatic, handlerAccountId,
                handlerKind == null ? null : handlerKind.name(), category.name(), communityUnitId, compoundId,
                companyId), now);
    }

    /**
     * A joint meeting hands the issue to another unit (a department, the property company's superior…):
     * it sits at department level with a fresh solution window and a check-in (报到) clock.
     */
    public void redirect(String unitId, String actor, DeadlinePolicy policy, Instant now) {
        if (!IssueStatus.UNSOLVED.contains(status) && status != IssueStatus.HELD) {
            throw illegal("redirect");
        }
        level = EscalationLevel.DEPARTMENT;
        departmentUnitId = Objects.requireNonNull(unitId);
        responsibleUnitId = unitId;
        checkedInAt = null;
        checkInDueAt = now.plus(policy.departmentCheckIn());
        solutionDueAt = now.plus(policy.solution(severity));
        touch(now, "REDIRECTED", actor, unitId);
        recordEvent(id, new IssueEscalated(id, EscalationLevel.DEPARTMENT.name(), unitId, "MEETING_REDIRECT"), now);
    }

    /** Refused (不予受理), with a reason: outside what the community handles, a prank… */
    public void reject(String reason, String actor, Instant now) {
        require(EnumSet.of(IssueStatus.REPORTED, IssueStatus.DISPATCHED, IssueStatus.OPEN_FOR_CLAIM,
                IssueStatus.REOPENED), "reject");
        end(IssueStatus.REJECTED, actor, reason, now);
    }

    /** Merged into an earlier open issue about the same thing; both reporters follow the earlier one. */
    public void mergeInto(Issue original, String actor, Instant now) {
        if (original.id.equals(id)) {
            throw new BusinessRuleViolation("merge-into-itself", "an issue cannot be merged into itself");
        }
        if (!original.status.open()) {
            throw new BusinessRuleViolation("merge-target-not-open", "issue " + original.id + " is not open",
                    original.id);
        }
        require(EnumSet.of(IssueStatus.REPORTED, IssueStatus.DISPATCHED, IssueStatus.OPEN_FOR_CLAIM,
                IssueStatus.CLAIMED, IssueStatus.ON_SITE, IssueStatus.IN_PROGRESS), "merge");
        duplicateOf = original.id;
        end(IssueStatus.DUPLICATE, actor, original.id, now);
        original.mergedIssueIds.add(id);
        original.touch(now, "MERGED", actor, id);
    }

    private void end(IssueStatus outcome, String actor, String note, Instant now) {
        status = outcome;
        closedAt = now;
        touch(now, outcome.name(), actor, note);
        recordEvent(id, new IssueClosed(id, null, false, null, null, category.name(), communityUnitId, compoundId,
                companyId), now);
    }

    /**
     * Retention (PIPL art. 19): an issue that ended (closed, rejected or merged) before {@code cutoff} no longer
     * needs its reporter's name and phone, so they are removed. The reporter's account id stays (the resident
     * still finds the issue among theirs); no event, since neither ever left the service. Answers whether
     * anything was removed: nothing for an issue still open, ended after the cutoff, or holding no name or phone.
     */
    public boolean anonymiseReporter(Instant cutoff, Instant now) {
        if (closedAt == null || !closedAt.isBefore(cutoff) || (reporterName == null && reporterPhone == null)) {
            return false;
        }
        reporterName = null;
        reporterPhone = null;
        reporterAnonymisedAt = now;
        updatedAt = now;
        step(now, "REPORTER_ANONYMISED", null, null);
        return true;
    }

    /** An approved pause (挂账): every clock stops until resumed. */
    public void hold(String reason, String actor, Instant now) {
        require(HOLDABLE, "hold");
        if (reason == null || reason.isBlank()) {
            throw new BusinessRuleViolation("hold-reason-required", "a hold needs a reason");
        }
        heldFrom = status;
        heldSince = now;
        holdReason = reason.strip();
        status = IssueStatus.HELD;
        touch(now, "HELD", actor, holdReason);
    }

    /** Ends a hold: the clocks move on by the time held. */
    public void resume(String actor, Instant now) {
        require(EnumSet.of(IssueStatus.HELD), "resume");
        Duration held = Duration.between(heldSince, now);
        onSiteDueAt = shift(onSiteDueAt, held);
        solutionDueAt = shift(solutionDueAt, held);
        firstSolutionDueAt = shift(firstSolutionDueAt, held);
        checkInDueAt = shift(checkInDueAt, held);
        status = heldFrom;
        heldFrom = null;
        heldSince = null;
        touch(now, "RESUMED", actor, null);
    }

    /** A called department reports (报到). */
    public void checkIn(String actor, Instant now) {
        if (level != EscalationLevel.DEPARTMENT || checkedInAt != null || !status.open()) {
            throw new BusinessRuleViolation("no-check-in-due", "no department is called to issue " + id, id);
        }
        checkedInAt = now;
        checkInDueAt = null;
        touch(now, "CHECKED_IN", actor, null);
    }

    /** The street or community blows the whistle (吹哨) by hand: one level up. */
    public void whistle(String actor, DeadlinePolicy policy, Instant now) {
        if (!IssueStatus.UNSOLVED.contains(status)) {
            throw illegal("escalate");
        }
        if (!escalate("WHISTLE", actor, policy, now)) {
            throw new BusinessRuleViolation("cannot-escalate", "issue " + id + " is at the highest level", id);
        }
        scheduleNext();
    }

    /**
     * Applies every clock that ran out by {@code now}: records IssueOverdue, marks the issue
     * supervised (督办) and escalates one level; the next level gets a fresh solution window. Closes a
     * resolved issue whose callback window passed. Returns whether anything changed.
     */
    public boolean applyClocks(DeadlinePolicy policy, Instant now) {
        if (status == IssueStatus.HELD || !status.open()) {
            return false;
        }
        boolean changed = false;
        if (status == IssueStatus.RESOLVED) {
            if (callbackDueAt != null && !now.isBefore(callbackDueAt)) {
                closeUnrated(now);
                changed = true;
            }
            scheduleNext();
            return changed;
        }
        if (IssueStatus.BEFORE_ON_SITE.contains(status) && !onSiteOverdue && !now.isBefore(onSiteDueAt)) {
            onSiteOverdue = true;
            overdue("ON_SITE", onSiteDueAt, now);
            escalate("ON_SITE_OVERDUE", null, policy, now);
            changed = true;
        }
        if (IssueStatus.UNSOLVED.contains(status) && !now.isBefore(solutionDueAt)) {
            solutionOverdue = true;
            overdue("SOLUTION", solutionDueAt, now);
            if (!escalate("SOLUTION_OVERDUE", null, policy, now)) {
                solutionDueAt = now.plus(policy.solution(severity));
            }
            changed = true;
        }
        if (checkInDueAt != null && !now.isBefore(checkInDueAt)) {
            overdue("DEPARTMENT_CHECK_IN", checkInDueAt, now);
            checkInDueAt = null;
            changed = true;
        }
        if (changed) {
            updatedAt = now;
        }
        scheduleNext();
        return changed;
    }

    private void overdue(String deadline, Instant dueAt, Instant now) {
        supervised = true;
        step(now, "OVERDUE", null, deadline);
        recordEvent(id, new IssueOverdue(id, deadline, dueAt), now);
    }

    /**
     * One level up, skipping levels whose unit is unknown; false when already at the top. Writes the one
     * timeline entry of the escalation, naming the actor of a manual one ({@code null} for a clock).
     */
    private boolean escalate(String reason, String actor, DeadlinePolicy policy, Instant now) {
        EscalationLevel next = level;
        String target = null;
        while (target == null && next != EscalationLevel.DEPARTMENT && next != EscalationLevel.COUNTY) {
            next = switch (next) {
                case GRID -> EscalationLevel.COMMUNITY;
                case COMMUNITY -> EscalationLevel.STREET;
                default -> EscalationLevel.DEPARTMENT;
            };
            target = switch (next) {
                case COMMUNITY -> communityUnitId;
                case STREET -> streetUnitId;
                default -> departmentUnitId;
            };
        }
        if (target == null) {
            return false;
        }
        level = next;
        responsibleUnitId = target;
        if (next == EscalationLevel.DEPARTMENT) {
            checkInDueAt = now.plus(policy.departmentCheckIn());
        }
        solutionDueAt = now.plus(policy.solution(severity));
        updatedAt = now;
        step(now, "ESCALATED", actor, next.name() + " " + reason);
        recordEvent(id, new IssueEscalated(id, next.name(), target, reason), now);
        return true;
    }

    /** Sets {@code nextDueAt} to the earliest running clock, {@code null} when none runs. */
    private void scheduleNext() {
        if (status == IssueStatus.HELD || !status.open()) {
            nextDueAt = null;
            return;
        }
        if (status == IssueStatus.RESOLVED) {
            nextDueAt = callbackDueAt;
            return;
        }
        nextDueAt = Stream.of(
                        IssueStatus.BEFORE_ON_SITE.contains(status) && !onSiteOverdue ? onSiteDueAt : null,
                        IssueStatus.UNSOLVED.contains(status) ? solutionDueAt : null,
                        checkInDueAt)
                .filter(Objects::nonNull).min(Instant::compareTo).orElse(null);
    }

    private void requireHandler(String accountId) {
        if (claimantAccountId != null && !claimantAccountId.equals(accountId)) {
            throw new BusinessRuleViolation("not-the-claimant", "issue " + id + " was claimed by someone else", id);
        }
    }

    private void require(Set<IssueStatus> allowed, String action) {
        if (!allowed.contains(status)) {
            throw illegal(action);
        }
    }

    private BusinessRuleViolation illegal(String action) {
        return new BusinessRuleViolation("illegal-transition", "cannot " + action + " an issue that is " + status,
                action, status.name());
    }

    private void touch(Instant now, String action, String actor, String note) {
        updatedAt = now;
        step(now, action, actor, note);
        scheduleNext();
    }

    private void step(Instant now, String action, String actor, String note) {
        history.add(new Step(now, action, actor, note));
    }

    private static Instant shift(Instant instant, Duration by) {
        return instant == null ? null : instant.plus(by);
    }

    /** Whether an account is the one that reported this issue. */
    public boolean reportedBy(String accountId) {
        return reporterAccountId != null && reporterAccountId.equals(accountId);
    }

    /** Whether the assignment, the claim or the handling is this account's. */
    public boolean handledBy(String accountId) {
        return accountId != null && (accountId.equals(assigneeAccountId) || accountId.equals(claimantAccountId)
                || accountId.equals(handlerAccountId));
    }

    void suggestDuplicateOf(String issueId) {
        suggestedDuplicateOf = issueId;
    }

    public String id() { return id; }
    public Category category() { return category; }
    public Severity severity() { return severity; }
    public Channel channel() { return channel; }
    public String description() { return description; }
    public Double lat() { return lat; }
    public Double lng() { return lng; }
    public String buildingId() { return buildingId; }
    public String address() { return address; }
    public boolean anonymous() { return anonymous; }
    public String reporterAccountId() { return reporterAccountId; }
    public String reporterName() { return reporterName; }
    /** The full phone: only for the reporter and staff handling the issue. */
    public String reporterPhone() { return SensitiveText.valueOf(reporterPhone); }
    public String maskedReporterPhone() { return reporterPhone == null ? null : MobileNumber.mask(reporterPhone.value()); }
    String callbackTokenHash() { return callbackTokenHash; }
    public List<String> photoIds() { return Collections.unmodifiableList(photoIds); }
    public String gridId() { return gridId; }
    public String communityUnitId() { return communityUnitId; }
    public String communityPath() { return communityPath; }
    FigureCache.Counted countedAsLoaded() { return countedAsLoaded; }
    void countedAs(FigureCache.Counted counted) { countedAsLoaded = counted; }
    public String streetUnitId() { return streetUnitId; }
    public String compoundId() { return compoundId; }
    public String companyId() { return companyId; }
    public String departmentUnitId() { return departmentUnitId; }
    public Route.Source routedBy() { return routedBy; }
    public IssueStatus status() { return status; }
    public String dispatchMode() { return dispatchMode; }
    public String assigneeAppointmentId() { return assigneeAppointmentId; }
    public String assigneeAccountId() { return assigneeAccountId; }
    public String claimantAccountId() { return claimantAccountId; }
    public String handlerAccountId() { return handlerAccountId; }
    public HandlerKind handlerKind() { return handlerKind; }
    public EscalationLevel level() { return level; }
    public String responsibleUnitId() { return responsibleUnitId; }
    public boolean supervised() { return supervised; }
    public Instant onSiteDueAt() { return onSiteDueAt; }
    public Instant firstSolutionDueAt() { return firstSolutionDueAt; }
    public Instant solutionDueAt() { return solutionDueAt; }
    public Instant checkInDueAt() { return checkInDueAt; }
    public Instant callbackDueAt() { return callbackDueAt; }
    public Instant nextDueAt() { return nextDueAt; }
    public Instant onSiteAt() { return onSiteAt; }
    public Instant checkedInAt() { return checkedInAt; }
    public Instant resolvedAt() { return resolvedAt; }
    public Instant closedAt() { return closedAt; }
    public boolean onSiteOverdue() { return onSiteOverdue; }
    public boolean solutionOverdue() { return solutionOverdue; }
    public String holdReason() { return holdReason; }
    public String resolutionNote() { return resolutionNote; }
    public List<String> resolutionPhotoIds() { return Collections.unmodifiableList(resolutionPhotoIds); }
    public Integer rating() { return rating; }
    public String ratingComment() { return ratingComment; }
    public int reopenCount() { return reopenCount; }
    public String duplicateOf() { return duplicateOf; }
    public String suggestedDuplicateOf() { return suggestedDuplicateOf; }
    public List<String> mergedIssueIds() { return Collections.unmodifiableList(mergedIssueIds); }
    public List<Step> history() { return Collections.unmodifiableList(history); }
    public Instant reportedAt() { return reportedAt; }
    public Instant updatedAt() { return updatedAt; }
    /** The system an imported issue came from ({@code 12345}), {@code null} for one reported here. */
    public String importSource() { return importSource; }
    public String sourceRecordId() { return sourceRecordId; }
    /** The import request that brought an imported issue in. */
    public String importBatchId() { return importBatchId; }
    /** When retention removed the reporter's name and phone, {@code null} while they are kept. */
    public Instant reporterAnonymisedAt() { return reporterAnonymisedAt; }

    /**
     * What a reporter submits, after validation. Its {@code toString} hides the phone. {@code receivedAt} is the
     * original time of a report another system took first ({@code null}: received now).
     */
    public record Report(Category category, Severity severity, Channel channel, String description, Double lat,
                         Double lng, String buildingId, String address, boolean anonymous, String reporterAccountId,
                         String reporterName, String reporterPhone, String callbackTokenHash, List<String> photoIds,
                         Instant receivedAt) {

        public Report {
            if (description == null || description.isBlank() || description.length() > MAX_DESCRIPTION) {
                throw new BusinessRuleViolation("invalid-description", "a description has 1 to 2000 characters");
            }
            description = description.strip();
            photoIds = photoIds == null ? List.of() : List.copyOf(photoIds);
        }

        public Report withPhotos(List<String> ids) {
            return new Report(category, severity, channel, description, lat, lng, buildingId, address, anonymous,
                    reporterAccountId, reporterName, reporterPhone, callbackTokenHash, ids, receivedAt);
        }

        @Override
        public String toString() {
            return "Report[category=" + category + ", channel=" + channel + ", building=" + buildingId + ", phone="
                    + (reporterPhone == null ? null : MobileNumber.mask(reporterPhone)) + "]";
        }
    }

    /**
     * One record of another system's history, as the import reads it. The compact constructor holds the
     * rules every record obeys; a broken one is refused with a {@link BusinessRuleViolation} whose code
     * names the rule, so that an import reports it for that row and goes on with the others.
     *
     * @param status the state reached: REPORTED, DISPATCHED, OPEN_FOR_CLAIM, ON_SITE, IN_PROGRESS,
     *               RESOLVED, CLOSED or REJECTED ({@link #IMPORTABLE})
     * @param note   the resolution note (RESOLVED, CLOSED) or the reason (REJECTED), optional
     */
    public record HistoricalRecord(String source, String sourceRecordId, Instant receivedAt, Category category,
                                   Severity severity, String description, Double lat, Double lng, String buildingId,
                                   String address, String reporterName, String reporterPhone, IssueStatus status,
                                   Instant resolvedAt, Instant closedAt, Integer rating, String note) {

        /** The states a record can be imported in: those that need no account or event of ours to explain. */
        public static final Set<IssueStatus> IMPORTABLE = EnumSet.of(IssueStatus.REPORTED, IssueStatus.DISPATCHED,
                IssueStatus.OPEN_FOR_CLAIM, IssueStatus.ON_SITE, IssueStatus.IN_PROGRESS, IssueStatus.RESOLVED,
                IssueStatus.CLOSED, IssueStatus.REJECTED);

        public HistoricalRecord {
            Objects.requireNonNull(source);
            Objects.requireNonNull(sourceRecordId);
            Objects.requireNonNull(receivedAt);
            Objects.requireNonNull(category);
            Objects.requireNonNull(status);
            if (description == null || description.isBlank() || description.length() > MAX_DESCRIPTION) {
                throw new BusinessRuleViolation("invalid-description", "a description has 1 to 2000 characters");
            }
            description = description.strip();
            if ((lat == null) != (lng == null) || lat == null && buildingId == null) {
                throw new BusinessRuleViolation("location-required", "a record needs lat and lng, or a building");
            }
            if (!IMPORTABLE.contains(status)) {
                throw new BusinessRuleViolation("status-not-importable", "a record cannot be imported as " + status,
                        status.name());
            }
            requireTimes(status, receivedAt, resolvedAt, closedAt);
            if (rating != null && (status != IssueStatus.CLOSED || rating < 1 || rating > 5)) {
                throw new BusinessRuleViolation("invalid-rating", "only a CLOSED record has a rating, 1 to 5",
                        rating);
            }
            note = note == null || note.isBlank() ? null : note.strip();
        }

        private static void requireTimes(IssueStatus status, Instant received, Instant resolved, Instant closed) {
            boolean needsResolved = status == IssueStatus.RESOLVED;
            boolean needsClosed = status == IssueStatus.CLOSED || status == IssueStatus.REJECTED;
            boolean mayResolve = needsResolved || status == IssueStatus.CLOSED;
            if (needsResolved && resolved == null || needsClosed && closed == null) {
                throw new BusinessRuleViolation("missing-time", "a " + status + " record needs "
                        + (needsResolved ? "resolvedAt" : "closedAt"), status.name());
            }
            if (!mayResolve && resolved != null || !needsClosed && closed != null) {
                throw new BusinessRuleViolation("unexpected-time", "a " + status + " record has no "
                        + (resolved != null && !mayResolve ? "resolvedAt" : "closedAt"), status.name());
            }
            if (resolved != null && resolved.isBefore(received) || closed != null && closed.isBefore(received)
                    || resolved != null && closed != null && closed.isBefore(resolved)) {
                throw new BusinessRuleViolation("times-out-of-order",
                        "receivedAt <= resolvedAt <= closedAt is required");
            }
        }

        void requireNotAfter(Instant now) {
            Instant latest = closedAt != null ? closedAt : resolvedAt != null ? resolvedAt : receivedAt;
            if (latest.isAfter(now) || receivedAt.isAfter(now)) {
                throw new BusinessRuleViolation("time-in-future", "a historical record's times lie in the past");
            }
        }

        @Override
        public String toString() {
            return "HistoricalRecord[source=" + source + ", id=" + sourceRecordId + ", status=" + status + "]";
        }
    }

    /** One entry of the issue's timeline (what the reporter sees as updates). */
    public record Step(Instant at, String action, String actorAccountId, String note) {
    }
}
