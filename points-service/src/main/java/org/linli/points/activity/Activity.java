package org.linli.points.activity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.linli.platform.messaging.AggregateRoot;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.platform.domain.NewIds;
import org.linli.points.scoring.ActivityType;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A volunteer activity (志愿活动) launched by a grid worker or a party organisation: sign-up up to the
 * capacity, then a waiting list promoted in order when someone withdraws; check-in and check-out by
 * the organiser or by the volunteer with the activity's code; the organiser confirms attendance,
 * after which each attendee earns {@code pointsPerHour × minutes / 60} (rounded down) once. Both sides
 * have their say, as in a time bank: hours the volunteer recorded themselves are {@link Hours#AGREED}; hours the
 * organiser recorded for them stand unless the volunteer disputes them before the confirmation, and a disputed
 * attendee is not credited until the organiser records the times again (which the volunteer may dispute again).
 * Minutes count only inside the scheduled time ({@code startsAt..endsAt}); check-in from 30 minutes before the
 * start to the end, check-out at most two hours after the end. A volunteer signs up until the end; after it only the
 * organiser enrols people ({@link #enrol}), recording a past activity from its paper sheet (the demo, the e2e flows).
 */
@Document("activities")
@CompoundIndexes({
        // a member's contribution record: the activities they attended in a year
        @CompoundIndex(name = "participants_account", def = "{'participants.accountId': 1}"),
        // the community red and black lists: a street's (or the county's) activities of a month
        @CompoundIndex(name = "community_path_starts", def = "{'communityPath': 1, 'startsAt': 1}")
})
public class Activity extends AggregateRoot {

    static final int MAX_CAPACITY = 500;
    static final Duration EARLY_CHECK_IN = Duration.ofMinutes(30);
    static final Duration LATE_CHECK_OUT = Duration.ofHours(2);

    @Id
    private String id;
    private String title;
    private ActivityType type;
    private String place;
    private String description;
    private Instant startsAt;
    private Instant endsAt;
    private int capacity;
    private int pointsPerHour;
    @Indexed // the list by community
    private String communityUnitId;
    @Indexed // an OrgUnitMoved rewrites paths below the old one
    private String communityPath;
    private String gridId;
    private String organiserAccountId;
    private String checkInCode;
    @Indexed // the settle sweep (CONFIRMED, not settled) and the status filter
    private Status status;
    private boolean settled;
    private List<Participant> participants = new ArrayList<>();
    private Instant createdAt;
    private Instant confirmedAt;

    protected Activity() {
        // for the mapping layer
    }

    static Activity launch(Plan plan, String communityUnitId, String communityPath, String organiserAccountId,
                           String checkInCode, Instant now) {
        if (!plan.endsAt().isAfter(plan.startsAt())) {
            throw new BusinessRuleViolation("invalid-schedule", "an activity ends after it starts");
        }
        if (Duration.between(plan.startsAt(), plan.endsAt()).toHours() > 24) {
            throw new BusinessRuleViolation("invalid-schedule", "an activity lasts at most a day");
        }
        if (plan.capacity() < 1 || plan.capacity() > MAX_CAPACITY) {
            throw new BusinessRuleViolation("invalid-capacity", "capacity lies between 1 and " + MAX_CAPACITY,
                    MAX_CAPACITY);
        }
        Activity activity = new Activity();
        activity.id = NewIds.next();
        activity.title = plan.title();
        activity.type = plan.type();
        activity.place = plan.place();
        activity.description = plan.description();
        activity.startsAt = plan.startsAt();
        activity.endsAt = plan.endsAt();
        activity.capacity = plan.capacity();
        activity.pointsPerHour = plan.pointsPerHour();
        activity.gridId = plan.gridId();
        activity.communityUnitId = communityUnitId;
        activity.communityPath = communityPath;
        activity.organiserAccountId = organiserAccountId;
        activity.checkInCode = checkInCode;
        activity.status = Status.OPEN;
        activity.settled = true;
        activity.createdAt = now;
        return activity;
    }

    /**
     * Signs the person up themselves, before the end (422 {@code activity-ended}): SIGNED_UP while places are left,
     * WAITING after.
     */
    Participant signUp(String accountId, String name, Instant now) {
        requireOpen();
        if (!now.isBefore(endsAt)) {
            throw new BusinessRuleViolation("activity-ended", "sign-up closed when the activity ended at " + endsAt
                    + "; the organiser enrols attendees afterwards", endsAt);
        }
        return enrol(accountId, name, now);
    }

    /**
     * The organiser enrols a person, also after the end (a past activity recorded from its paper sheet): the same
     * places and waiting list as a sign-up.
     */
    Participant enrol(String accountId, String name, Instant now) {
        requireOpen();
        if (active(accountId).isPresent()) {
            throw new BusinessRuleViolation("already-signed-up", "already signed up for this activity");
        }
        participants.removeIf(p -> p.accountId().equals(accountId));
        ParticipantStatus status = signedUp() < capacity ? ParticipantStatus.SIGNED_UP : ParticipantStatus.WAITING;
        Participant participant = new Participant(accountId, name, status, now, null, null, 0, 0, null, null, null);
        participants.add(participant);
        return participant;
    }

    /** Withdraws before checking in; a freed place goes to the first on the waiting list. */
    void withdraw(String accountId, Instant now) {
        requireOpen();
        Participant participant = active(accountId).orElseThrow(() -> notSignedUp());
        if (participant.checkedInAt() != null) {
            throw new BusinessRuleViolation("already-checked-in", "cannot withdraw after checking in");
        }
        replace(participant.with(ParticipantStatus.WITHDRAWN));
        if (participant.status() == ParticipantStatus.SIGNED_UP) {
            participants.stream().filter(p -> p.status() == ParticipantStatus.WAITING).findFirst()
                    .ifPresent(first -> replace(first.with(ParticipantStatus.SIGNED_UP)));
        }
    }

    /**
     * Checks a signed-up person in at {@code at} (from 30 minutes before the start until the end). The organiser
     * records it again for a volunteer who disputed their hours: the check-out is then recorded again too.
     */
    void checkIn(String accountId, Instant at) {
        requireOpen();
        Participant participant = signedUpParticipant(accountId);
        if (participant.checkedInAt() != null && participant.hours() != Hours.DISPUTED) {
            throw new BusinessRuleViolation("already-checked-in", "already checked in at " + participant.checkedInAt(),
                    participant.checkedInAt());
        }
        if (at.isBefore(startsAt.minus(EARLY_CHECK_IN)) || at.isAfter(endsAt)) {
            throw new BusinessRuleViolation("outside-activity-time", "check-in is open from 30 minutes before the start "
                    + "until the end");
        }
        replace(participant.checkedIn(at));
    }

    /**
     * Checks a person out; the minutes inside the scheduled time are counted. Recorded by the volunteer
     * ({@code bySelf}) the hours are agreed; recorded by the organiser they await the volunteer's word. The
     * organiser records it again for a volunteer who disputed their hours.
     */
    void checkOut(String accountId, Instant at, boolean bySelf) {
        requireOpen();
        Participant participant = signedUpParticipant(accountId);
        if (participant.checkedInAt() == null) {
            throw new BusinessRuleViolation("not-checked-in", "check in first");
        }
        if (participant.checkedOutAt() != null && participant.hours() != Hours.DISPUTED) {
            throw new BusinessRuleViolation("already-checked-out", "already checked out");
        }
        if (at.isBefore(participant.checkedInAt())) {
            throw new BusinessRuleViolation("outside-activity-time", "check-out comes after check-in");
        }
        if (at.isAfter(endsAt.plus(LATE_CHECK_OUT))) {
            throw new BusinessRuleViolation("outside-activity-time", "check-out is recorded at most two hours after "
                    + "the end");
        }
        Instant from = participant.checkedInAt().isBefore(startsAt) ? startsAt : participant.checkedInAt();
        Instant to = at.isAfter(endsAt) ? endsAt : at;
        int minutes = to.isAfter(from) ? (int) Duration.between(from, to).toMinutes() : 0;
        replace(participant.checkedOut(at, minutes, (int) ((long) minutes * pointsPerHour / 60),
                bySelf ? Hours.AGREED : Hours.PENDING));
    }

    /**
     * The volunteer's word on the hours recorded for them, until the organiser confirms: agreed, or disputed with a
     * reason (then they earn nothing from this activity unless the organiser records the times again).
     */
    void answerHours(String accountId, boolean agree, String reason) {
        requireOpen();
        Participant participant = signedUpParticipant(accountId);
        if (participant.checkedOutAt() == null) {
            throw new BusinessRuleViolation("not-checked-out", "hours are agreed or disputed once checked out");
        }
        if (!agree && (reason == null || reason.isBlank())) {
            throw new BusinessRuleViolation("reason-required", "a dispute says what is wrong with the hours");
        }
        replace(participant.answered(agree ? Hours.AGREED : Hours.DISPUTED, agree ? null : reason));
    }

    /**
     * The organiser confirms attendance (once the activity has started): every signed-up person who
     * checked in and out is an attendee. Confirming again changes nothing. The credits follow, and
     * {@link #settle} records what they came to.
     */
    void confirm(Instant now) {
        if (status == Status.CONFIRMED) {
            return;
        }
        requireOpen();
        if (now.isBefore(startsAt)) {
            throw new BusinessRuleViolation("not-started", "attendance is confirmed once the activity has started");
        }
        status = Status.CONFIRMED;
        confirmedAt = now;
        settled = false;
    }

    /** Those who attended: signed up, checked in and out. */
    public List<Participant> attendees() {
        return participants.stream().filter(p -> p.status() == ParticipantStatus.SIGNED_UP
                && p.checkedInAt() != null && p.checkedOutAt() != null).toList();
    }

    /** Those who signed up for a place and never checked in (未到场). */
    public List<Participant> noShows() {
        return participants.stream().filter(p -> p.status() == ParticipantStatus.SIGNED_UP && p.checkedInAt() == null)
                .toList();
    }

    /** The attendees who earn points: all but those who dispute their hours. */
    public List<Participant> creditable() {
        return attendees().stream().filter(p -> p.hours() != Hours.DISPUTED).toList();
    }

    /** The attendees who dispute their hours: they earn nothing until the organiser records the times again. */
    public List<Participant> disputed() {
        return attendees().stream().filter(p -> p.hours() == Hours.DISPUTED).toList();
    }

    /**
     * Records the outcome of each attendee's credit ({@code CREDITED}, {@code REFUSED_BLACK_LISTED}…) once: a
     * concurrent second settlement (which sees ALREADY_CREDITED) does not overwrite the first.
     */
    void settle(Map<String, String> outcomes) {
        if (status != Status.CONFIRMED) {
            throw new IllegalStateException("only a confirmed activity is settled");
        }
        if (settled) {
            return;
        }
        participants.replaceAll(p -> outcomes.containsKey(p.accountId()) && p.credit() == null
                ? p.credited(outcomes.get(p.accountId())) : p);
        settled = true;
    }

    void cancel() {
        requireOpen();
        status = Status.CANCELLED;
    }

    boolean organisedBy(String accountId) {
        return organiserAccountId.equals(accountId);
    }

    boolean codeMatches(String code) {
        return checkInCode.equals(code);
    }

    private Participant signedUpParticipant(String accountId) {
        return active(accountId).filter(p -> p.status() == ParticipantStatus.SIGNED_UP)
                .orElseThrow(Activity::notSignedUp);
    }

    private Optional<Participant> active(String accountId) {
        return participants.stream().filter(p -> p.accountId().equals(accountId) && p.status() != ParticipantStatus.WITHDRAWN)
                .findFirst();
    }

    private long signedUp() {
        return participants.stream().filter(p -> p.status() == ParticipantStatus.SIGNED_UP).count();
    }

    private void replace(Participant changed) {
        participants.replaceAll(p -> p.accountId().equals(changed.accountId()) ? changed : p);
    }

    private void requireOpen() {
        if (status != Status.OPEN) {
            throw new BusinessRuleViolation("activity-" + status.name().toLowerCase(), "the activity is " + status,
                    status.name());
        }
    }

    private static BusinessRuleViolation notSignedUp() {
        return new BusinessRuleViolation("not-signed-up", "not signed up (or only waiting) for this activity");
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public ActivityType type() {
        return type;
    }

    public String place() {
        return place;
    }

    public String description() {
        return description;
    }

    public Instant startsAt() {
        return startsAt;
    }

    public Instant endsAt() {
        return endsAt;
    }

    public int capacity() {
        return capacity;
    }

    public int pointsPerHour() {
        return pointsPerHour;
    }

    public String communityUnitId() {
        return communityUnitId;
    }

    public String communityPath() {
        return communityPath;
    }

    public String gridId() {
        return gridId;
    }

    public String organiserAccountId() {
        return organiserAccountId;
    }

    public String checkInCode() {
        return checkInCode;
    }

    public Status status() {
        return status;
    }

    public boolean settled() {
        return settled;
    }

    public List<Participant> participants() {
        return Collections.unmodifiableList(participants);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant confirmedAt() {
        return confirmedAt;
    }

    /** What an organiser plans. */
    record Plan(String title, ActivityType type, String place, String description, Instant startsAt, Instant endsAt,
                int capacity, int pointsPerHour, String gridId) {

        Plan {
            Objects.requireNonNull(type);
            Objects.requireNonNull(startsAt);
            Objects.requireNonNull(endsAt);
        }
    }

    public enum Status {
        OPEN, CONFIRMED, CANCELLED
    }

    public enum ParticipantStatus {
        SIGNED_UP, WAITING, WITHDRAWN
    }

    /** The volunteer's side of the hours recorded for them. */
    public enum Hours {
        /** Recorded by the organiser, no word from the volunteer yet: they stand unless disputed. */
        PENDING,
        AGREED,
        /** Not credited until the organiser records the times again. */
        DISPUTED
    }

    /**
     * One person's part: sign-up, attendance, minutes, points, the volunteer's word on the hours ({@code null} for
     * records made before it existed: as {@link Hours#PENDING}) and what the credit came to.
     */
    public record Participant(String accountId, String name, ParticipantStatus status, Instant signedUpAt,
                              Instant checkedInAt, Instant checkedOutAt, int minutes, int points, String credit,
                              Hours hours, String disputeReason) {

        Participant with(ParticipantStatus newStatus) {
            return new Participant(accountId, name, newStatus, signedUpAt, checkedInAt, checkedOutAt, minutes, points,
                    credit, hours, disputeReason);
        }

        Participant checkedIn(Instant at) {
            return new Participant(accountId, name, status, signedUpAt, at, null, 0, 0, credit, null, null);
        }

        Participant checkedOut(Instant at, int countedMinutes, int earned, Hours word) {
            return new Participant(accountId, name, status, signedUpAt, checkedInAt, at, countedMinutes, earned, credit,
                    word, null);
        }

        Participant answered(Hours word, String reason) {
            return new Participant(accountId, name, status, signedUpAt, checkedInAt, checkedOutAt, minutes, points,
                    credit, word, reason);
        }

        Participant credited(String outcome) {
            return new Participant(accountId, name, status, signedUpAt, checkedInAt, checkedOutAt, minutes, points,
                    outcome, hours, disputeReason);
        }
    }
}
