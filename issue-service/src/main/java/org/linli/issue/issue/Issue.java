package org.linli.issue.issue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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
import org.springframework.data.mongodb.core.mapping.Unwrapped;

/**
 * A resident's issue (诉求) from report to close: the lifecycle as a state machine (an illegal
 * transition is a 422 with code {@code illegal-transition}), the 5341 clocks as stored due instants
 * (so they survive restarts; a held issue's clocks pause and move on by the time held), automatic
 * escalation along grid → community → street → department when a clock runs out, and the callback
 * (回访): the reporter rates a resolved issue 1–5; 1–2 or "not fixed" reopens it, silence closes it
 * after the callback window.
 *
 * <p>Its values: where routing placed it ({@link Placement}), who reported it ({@link Reporter}: personal data, stored
 * encrypted, {@link SensitiveText}), to whom it was handed ({@link Assignment}), how far up it went
 * ({@link Escalation}), its clocks ({@link Clocks}, whose {@code nextDueAt} is the earliest running, so that one
 * indexed query finds what is due), its hold ({@link Hold}) and how it was resolved and rated ({@link Resolution}).
 * They are stored flat ({@code @Unwrapped}): the document keeps the field names that queries, indexes and other
 * services' updates use. An imported record's state is replayed by {@link ImportedState}.
 * The lifecycle actions are package-private: {@link IssueLifecycle} and {@link DeadlineSweep} apply them.
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
    @Unwrapped.Empty
    private Reporter reporter;
    private List<String> photoIds = new ArrayList<>();
    @Unwrapped.Empty
    private Placement placement;
    @Indexed
    private IssueStatus status;
    @Unwrapped.Empty
    private Assignment assignment = Assignment.NONE;
    @Unwrapped.Empty
    private Escalation escalation;
    private boolean supervised;
    @Unwrapped.Empty
    private Clocks clocks;
    private Instant onSiteAt;
    private Instant checkedInAt;
    @Indexed // the reporter retention job's daily range (closedAt < cutoff), so it does not read every issue
    private Instant closedAt;
    @Unwrapped.Empty
    private Hold hold = Hold.NONE;
    @Unwrapped.Empty
    private Resolution resolution = Resolution.NONE;
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
    /**
     * What this issue counted for in the figures when it was read from the store ({@link StaleFigures}), so that a
     * save that changes no figure leaves the kept sums alone. Not stored.
     */
    @Transient
    private StaleFigures.Counted countedAsLoaded;

    protected Issue() {
        // for the mapping layer
    }

    /** What a report and an imported record have in common: what, where, by whom, placed by the route, received when. */
    private Issue(String id, Category category, Severity severity, Channel channel, String description, Double lat,
                  Double lng, String buildingId, String address, Reporter reporter, Route route,
                  String departmentUnitId, Instant received, DeadlinePolicy policy) {
        this.id = Objects.requireNonNull(id);
        this.category = Objects.requireNonNull(category);
        this.severity = severity == null ? category.defaultSeverity() : severity;
        this.channel = Objects.requireNonNull(channel);
        this.description = description;
        this.lat = lat;
        this.lng = lng;
        this.buildingId = buildingId;
        this.address = address;
        this.reporter = reporter;
        placement = Placement.of(route);
        escalation = Escalation.startingAt(placement, departmentUnitId);
        reportedAt = received;
        clocks = Clocks.startedAt(received, this.severity, policy);
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
        Instant received = report.receivedAt() == null || report.receivedAt().isAfter(now) ? now : report.receivedAt();
        Issue issue = new Issue(id, report.category(), report.severity(), report.channel(), report.description(),
                report.lat(), report.lng(), report.buildingId(), report.address(), Reporter.of(report), route,
                departmentUnitId, received, policy);
        if (report.photoIds().size() > MAX_PHOTOS) {
            throw new BusinessRuleViolation("too-many-photos", "at most 9 photos", MAX_PHOTOS);
        }
        issue.photoIds = new ArrayList<>(report.photoIds());
        issue.status = IssueStatus.REPORTED;
        issue.updatedAt = now;
        issue.step(received, "REPORTED", report.reporterAccountId(), issue.channel.label());
        issue.recordEvent(issue.id, new IssueReported(issue.id, issue.category.name(), issue.severity.name(),
                issue.channel.name(), issue.gridId(), issue.communityUnitId(), issue.compoundId(), issue.companyId(),
                issue.lat, issue.lng, received), now);
        if (route.workerAppointmentId() != null) {
            issue.assignment = Assignment.toWorker(route);
            issue.status = IssueStatus.DISPATCHED;
            issue.step(now, "DISPATCHED", null, "grid worker appointment " + route.workerAppointmentId());
            issue.recordEvent(issue.id, new IssueDispatched(issue.id, Assignment.ASSIGNED, route.workerAccountId(),
                    issue.gridId()), now);
        }
        issue.scheduleFromOriginalTime(now);
        return issue;
    }

    /**
     * A historical record from another system (the 12345 hotline), in the state it reached there. It keeps
     * its original {@code receivedAt} as {@code reportedAt} and the 5341 deadlines computed from it. The id
     * is derived from source and record id, so the same record imported twice is the same document (the
     * {@code _id} index refuses the second). A clock that ran out before the import is a fact (overdue,
     * supervised), not a cause: no IssueOverdue or IssueEscalated for history; only clocks still running
     * at the import go on running. Records one IssueImported (occurring now) and nothing else.
     */
    static Issue imported(HistoricalRecord record, String batchId, Route route, String departmentUnitId,
                          DeadlinePolicy policy, Instant now) {
        record.requireNotAfter(now);
        Issue issue = new Issue(importedId(record.source(), record.sourceRecordId()), record.category(),
                record.severity(), Channel.HOTLINE, record.description(), record.lat(), record.lng(),
                record.buildingId(), record.address(), Reporter.of(record), route, departmentUnitId,
                record.receivedAt(), policy);
        issue.importSource = record.source();
        issue.sourceRecordId = record.sourceRecordId();
        issue.importBatchId = Objects.requireNonNull(batchId);
        ImportedState reached = ImportedState.of(record, route, issue.clocks, policy, now);
        issue.status = reached.status();
        issue.assignment = reached.assignment();
        issue.resolution = reached.resolution();
        issue.closedAt = reached.closedAt();
        issue.clocks = reached.clocks();
        issue.history.addAll(reached.timeline());
        issue.updatedAt = now;
        issue.scheduleFromOriginalTime(now);
        issue.recordEvent(issue.id, new IssueImported(issue.id, record.source(), record.sourceRecordId(),
                issue.category.name(), issue.severity.name(), issue.status.name(), record.receivedAt(),
                issue.resolvedAt(), issue.closedAt, issue.rating(), issue.gridId(), issue.communityUnitId(),
                issue.compoundId(), issue.companyId(), issue.lat, issue.lng), now);
        return issue;
    }

    /** The id an imported record gets: the same for the same source and record id, on every instance. */
    static String importedId(String source, String sourceRecordId) {
        return UUID.nameUUIDFromBytes(("import:" + source + ":" + sourceRecordId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** Clocks that ran out before the import or intake are facts: overdue and supervised ({@link Clocks#scheduledFromOriginalTime}). */
    private void scheduleFromOriginalTime(Instant now) {
        clocks = clocks.scheduledFromOriginalTime(status, now);
        supervised = clocks.anyMissed();
    }

    /** Assigns to an account (a grid worker, staff) or opens for claiming by party members (党员接单). */
    void dispatch(String assigneeAccountId, Severity newSeverity, DeadlinePolicy policy, String actor,
                         Instant now) {
        require(DISPATCHABLE, "dispatch");
        if (newSeverity != null && newSeverity != severity) {
            severity = newSeverity;
            clocks = reopenCount > 0 ? clocks.solutionFrom(now, policy.solution(severity))
                    : clocks.reclassifiedFrom(reportedAt, policy.solution(severity));
        }
        assignment = assignment.dispatchedTo(assigneeAccountId);
        status = assignment.openForClaim() ? IssueStatus.OPEN_FOR_CLAIM : IssueStatus.DISPATCHED;
        touch(now, status.name(), actor, assigneeAccountId);
        recordEvent(id, new IssueDispatched(id, assignment.dispatchMode(), assigneeAccountId, gridId()), now);
    }

    /** A party member (or volunteer) claims an issue open for claiming. */
    void claim(String accountId, Instant now) {
        require(EnumSet.of(IssueStatus.OPEN_FOR_CLAIM), "claim");
        assignment = assignment.claimedBy(accountId);
        status = IssueStatus.CLAIMED;
        touch(now, "CLAIMED", accountId, null);
        recordEvent(id, new IssueClaimed(id, accountId), now);
    }

    /** The handler arrives (到场): the on-site clock stops. */
    void arrive(String accountId, Instant now) {
        require(EnumSet.of(IssueStatus.DISPATCHED, IssueStatus.CLAIMED, IssueStatus.REOPENED), "arrive");
        assignment.requireHandler(accountId, id);
        onSiteAt = now;
        status = IssueStatus.ON_SITE;
        touch(now, "ON_SITE", accountId, null);
    }

    /** Work starts after the handler has seen the place. */
    void start(String accountId, Instant now) {
        require(EnumSet.of(IssueStatus.ON_SITE), "start");
        assignment.requireHandler(accountId, id);
        status = IssueStatus.IN_PROGRESS;
        touch(now, "IN_PROGRESS", accountId, null);
    }

    /** Resolved with a note (required) and optional photos; the reporter's callback window opens. */
    void resolve(String accountId, HandlerKind kind, String note, List<String> photos, DeadlinePolicy policy,
                        Instant now) {
        require(EnumSet.of(IssueStatus.ON_SITE, IssueStatus.IN_PROGRESS), "resolve");
        assignment.requireHandler(accountId, id);
        resolution = resolution.resolvedBy(accountId, kind, note, photos, now);
        clocks = clocks.callbackFrom(now, policy.callbackWindow());
        status = IssueStatus.RESOLVED;
        touch(now, "RESOLVED", accountId, resolution.note());
        recordEvent(id, new IssueResolved(id, accountId, kind.name(), communityUnitId(), compoundId()), now);
    }

    /**
     * The reporter's callback: 3–5 and fixed closes it; 1–2 or "not fixed" reopens it with fresh
     * clocks (the same handler goes back on site).
     */
    void rate(int stars, boolean fixed, String comment, String actor, DeadlinePolicy policy, Instant now) {
        require(EnumSet.of(IssueStatus.RESOLVED), "rate");
        resolution = resolution.ratedWith(stars, comment);
        if (stars <= 2 || !fixed) {
            String reason = fixed ? "BAD_RATING" : "NOT_FIXED";
            reopenCount++;
            status = IssueStatus.REOPENED;
            resolution = resolution.reopened();
            onSiteAt = null;
            clocks = clocks.reopenedAt(now, severity, policy);
            touch(now, "REOPENED", actor, reason + " " + stars);
            recordEvent(id, new IssueReopened(id, reason, stars), now);
        } else {
            close(false, actor, now);
        }
    }

    /** Closes a resolved issue nobody rated within the callback window. */
    void closeUnrated(Instant now) {
        require(EnumSet.of(IssueStatus.RESOLVED), "close");
        close(true, null, now);
    }

    /** A joint meeting's resolution closes the issue (it was resolved there). */
    public void closeByDecision(String actor, String summary, Instant now) {
        if (!status.open() || status == IssueStatus.HELD) {
            throw illegal("close");
        }
        resolution = resolution.decided(summary);
        close(false, actor, now);
    }

    private void close(boolean automatic, String actor, Instant now) {
        status = IssueStatus.CLOSED;
        closedAt = now;
        clocks = clocks.callbackStopped();
        touch(now, "CLOSED", actor, automatic ? "AUTOMATIC" : null);
        recordEvent(id, new IssueClosed(id, resolution.rating(), automatic, resolution.handlerAccountId(),
                resolution.handlerKind() == null ? null : resolution.handlerKind().name(), category.name(),
                communityUnitId(), compoundId(), companyId()), now);
    }

    /**
     * A joint meeting hands the issue to another unit (a department, the property company's superior…):
     * it sits at department level with a fresh solution window and a check-in (报到) clock.
     */
    void redirect(String unitId, String actor, DeadlinePolicy policy, Instant now) {
        if (!IssueStatus.UNSOLVED.contains(status) && status != IssueStatus.HELD) {
            throw illegal("redirect");
        }
        escalation = Escalation.redirectedTo(unitId);
        checkedInAt = null;
        clocks = clocks.escalatedTo(EscalationLevel.DEPARTMENT, now, severity, policy);
        touch(now, "REDIRECTED", actor, unitId);
        recordEvent(id, new IssueEscalated(id, EscalationLevel.DEPARTMENT.name(), unitId, "MEETING_REDIRECT"), now);
    }

    /** Refused (不予受理), with a reason: outside what the community handles, a prank… */
    void reject(String reason, String actor, Instant now) {
        require(EnumSet.of(IssueStatus.REPORTED, IssueStatus.DISPATCHED, IssueStatus.OPEN_FOR_CLAIM,
                IssueStatus.REOPENED), "reject");
        end(IssueStatus.REJECTED, actor, reason, now);
    }

    /** Merged into an earlier open issue about the same thing; both reporters follow the earlier one. */
    void mergeInto(Issue original, String actor, Instant now) {
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
        recordEvent(id, new IssueClosed(id, null, false, null, null, category.name(), communityUnitId(), compoundId(),
                companyId()), now);
    }

    /**
     * Retention (PIPL art. 19): an issue that ended (closed, rejected or merged) before {@code cutoff} no longer
     * needs its reporter's name and phone, so they are removed. The reporter's account id stays (the resident
     * still finds the issue among theirs); no event, since neither ever left the service. Answers whether
     * anything was removed: nothing for an issue still open, ended after the cutoff, or holding no name or phone.
     */
    public boolean anonymiseReporter(Instant cutoff, Instant now) {
        if (closedAt == null || !closedAt.isBefore(cutoff) || !reporter.identifiable()) {
            return false;
        }
        reporter = reporter.anonymisedAt(now);
        updatedAt = now;
        step(now, "REPORTER_ANONYMISED", null, null);
        return true;
    }

    /** An approved pause (挂账): every clock stops until resumed. */
    void hold(String reason, String actor, Instant now) {
        require(HOLDABLE, "hold");
        hold = Hold.of(status, reason, now);
        status = IssueStatus.HELD;
        touch(now, "HELD", actor, hold.reason());
    }

    /** Ends a hold: the clocks move on by the time held. */
    void resume(String actor, Instant now) {
        require(EnumSet.of(IssueStatus.HELD), "resume");
        clocks = clocks.shiftedBy(hold.lasted(now));
        status = hold.from();
        hold = hold.ended();
        touch(now, "RESUMED", actor, null);
    }

    /** A called department reports (报到). */
    void checkIn(String actor, Instant now) {
        if (!escalation.atDepartment() || checkedInAt != null || !status.open()) {
            throw new BusinessRuleViolation("no-check-in-due", "no department is called to issue " + id, id);
        }
        checkedInAt = now;
        clocks = clocks.checkInStopped();
        touch(now, "CHECKED_IN", actor, null);
    }

    /** The street or community blows the whistle (吹哨) by hand: one level up. */
    void whistle(String actor, DeadlinePolicy policy, Instant now) {
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
    boolean applyClocks(DeadlinePolicy policy, Instant now) {
        if (status == IssueStatus.HELD || !status.open()) {
            return false;
        }
        boolean changed = false;
        if (status == IssueStatus.RESOLVED) {
            if (clocks.callbackRanOut(now)) {
                closeUnrated(now);
                changed = true;
            }
            scheduleNext();
            return changed;
        }
        if (clocks.onSiteRanOut(status, now)) {
            clocks = clocks.onSiteMissed();
            overdue("ON_SITE", clocks.onSiteDueAt(), now);
            escalate("ON_SITE_OVERDUE", null, policy, now);
            changed = true;
        }
        if (clocks.solutionRanOut(status, now)) {
            clocks = clocks.solutionMissed();
            overdue("SOLUTION", clocks.solutionDueAt(), now);
            if (!escalate("SOLUTION_OVERDUE", null, policy, now)) {
                clocks = clocks.solutionFrom(now, policy.solution(severity));
            }
            changed = true;
        }
        if (clocks.checkInRanOut(now)) {
            overdue("DEPARTMENT_CHECK_IN", clocks.checkInDueAt(), now);
            clocks = clocks.checkInStopped();
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
        Optional<Escalation> up = escalation.up(placement);
        if (up.isEmpty()) {
            return false;
        }
        escalation = up.get();
        clocks = clocks.escalatedTo(escalation.level(), now, severity, policy);
        updatedAt = now;
        step(now, "ESCALATED", actor, escalation.level().name() + " " + reason);
        recordEvent(id, new IssueEscalated(id, escalation.level().name(), escalation.responsibleUnitId(), reason), now);
        return true;
    }

    private void scheduleNext() {
        clocks = clocks.scheduledFor(status);
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

    /** Whether an account is the one that reported this issue. */
    boolean reportedBy(String accountId) {
        return reporter.is(accountId);
    }

    /** Whether the assignment, the claim or the handling is this account's. */
    boolean handledBy(String accountId) {
        return accountId != null && (assignment.involves(accountId) || resolution.handledBy(accountId));
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
    public boolean anonymous() { return reporter.anonymous(); }
    public String reporterAccountId() { return reporter.accountId(); }
    public String reporterName() { return reporter.name(); }
    /** The full phone: only for the reporter and staff handling the issue. */
    public String reporterPhone() { return reporter.phoneNumber(); }
    public String maskedReporterPhone() { return reporter.phone() == null ? null : MobileNumber.mask(reporter.phone().value()); }
    String callbackTokenHash() { return reporter.callbackTokenHash(); }
    public List<String> photoIds() { return Collections.unmodifiableList(photoIds); }
    public String gridId() { return placement.gridId(); }
    public String communityUnitId() { return placement.communityUnitId(); }
    public String communityPath() { return placement.communityPath(); }
    public String compoundId() { return placement.compoundId(); }
    public String companyId() { return placement.companyId(); }
    public String departmentUnitId() { return escalation.departmentUnitId(); }
    public Route.Source routedBy() { return placement.routedBy(); }
    public IssueStatus status() { return status; }
    public String dispatchMode() { return assignment.dispatchMode(); }
    public String assigneeAppointmentId() { return assignment.assigneeAppointmentId(); }
    public String assigneeAccountId() { return assignment.assigneeAccountId(); }
    public String claimantAccountId() { return assignment.claimantAccountId(); }
    public String handlerAccountId() { return resolution.handlerAccountId(); }
    public HandlerKind handlerKind() { return resolution.handlerKind(); }
    public EscalationLevel level() { return escalation.level(); }
    public String responsibleUnitId() { return escalation.responsibleUnitId(); }
    public boolean supervised() { return supervised; }
    public Instant onSiteDueAt() { return clocks.onSiteDueAt(); }
    public Instant solutionDueAt() { return clocks.solutionDueAt(); }
    public Instant checkInDueAt() { return clocks.checkInDueAt(); }
    public Instant callbackDueAt() { return clocks.callbackDueAt(); }
    public Instant nextDueAt() { return clocks.nextDueAt(); }
    public Instant onSiteAt() { return onSiteAt; }
    public Instant checkedInAt() { return checkedInAt; }
    public Instant resolvedAt() { return resolution.resolvedAt(); }
    public Instant closedAt() { return closedAt; }
    public boolean onSiteOverdue() { return clocks.onSiteOverdue(); }
    public boolean solutionOverdue() { return clocks.solutionOverdue(); }
    public String holdReason() { return hold.reason(); }
    public String resolutionNote() { return resolution.note(); }
    public List<String> resolutionPhotoIds() { return resolution.photoIds(); }
    public Integer rating() { return resolution.rating(); }
    public String ratingComment() { return resolution.ratingComment(); }
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
    /** When retention removed the reporter's name and phone, {@code null} while they are kept. */
    public Instant reporterAnonymisedAt() { return reporter.anonymisedAt(); }
    StaleFigures.Counted countedAsLoaded() { return countedAsLoaded; }
    void countedAs(StaleFigures.Counted counted) { countedAsLoaded = counted; }

    /** One entry of the issue's timeline (what the reporter sees as updates). */
    public record Step(Instant at, String action, String actorAccountId, String note) {
    }
}
