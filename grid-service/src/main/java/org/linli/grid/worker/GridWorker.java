package org.linli.grid.worker;

import org.linli.platform.domain.MobileNumber;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.linli.events.grid.GridWorkerAppointed;
import org.linli.events.grid.GridWorkerReplaced;
import org.linli.grid.grid.GridDirectory.GridView;
import org.linli.platform.messaging.AggregateRoot;
import org.linli.platform.protection.SensitiveText;
import org.linli.platform.domain.BusinessRuleViolation;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The appointment of a grid worker (网格员/微网格员) or an alley chief (红色巷长) to a grid, from its
 * first day until it ends; an ended appointment stays as history. A grid has at most one active
 * appointment per role: {@code activeKey} ({@code gridId/role} while active, absent once ended)
 * carries a unique sparse index so two concurrent appointments cannot both be stored.
 * {@code communityPath} is the grid's community org path, which scopes who may see and change it.
 * The phone number is personal data: it is never put into events, messages or logs, and is stored
 * encrypted ({@link SensitiveText}; docs/protection.md).
 */
@Document("grid_worker_appointments")
public class GridWorker extends AggregateRoot {

    static final int MAX_NAME_LENGTH = 50;
    static final int MAX_NOTE_LENGTH = 500;

    @Id
    private String id;
    @Indexed
    private String gridId;
    private WorkerRole role;
    private String personName;
    private SensitiveText phone;
    private WorkerSource source;
    private boolean partyMember;
    @Indexed // the grids an account serves (a grid worker's scope in campaigns)
    private String accountId;
    @Indexed
    private String communityUnitId;
    @Indexed
    private String communityPath;
    private LocalDate from;
    private LocalDate to;
    private Status status;
    @Indexed(unique = true, sparse = true)
    private String activeKey;
    private boolean replacementDue;
    private List<Assessment> assessments = new ArrayList<>();
    private List<Rating> ratings = new ArrayList<>();
    private List<EmergencyDuty> emergencyDuty = new ArrayList<>();
    private Instant createdAt;
    private Instant updatedAt;

    protected GridWorker() {
        // for the mapping layer
    }

    private GridWorker(String id, GridView grid, WorkerRole role, Appointee appointee, LocalDate from, Instant now) {
        this.id = id;
        this.gridId = grid.id();
        this.role = role;
        this.personName = appointee.name();
        this.phone = SensitiveText.of(appointee.phone());
        this.source = appointee.source();
        this.partyMember = appointee.partyMember();
        this.accountId = appointee.accountId();
        this.communityUnitId = grid.communityUnitId();
        this.communityPath = grid.communityPath();
        this.from = from;
        this.status = Status.ACTIVE;
        this.activeKey = activeKey(gridId, role);
        this.createdAt = now;
        this.updatedAt = now;
        recordEvent(id, new GridWorkerAppointed(id, gridId, role.name(), source.name(), partyMember, from,
                accountId), now);
    }

    /** Appoints a person to a grid from a day on; the one-active-per-role rule is the caller's (and the index's). */
    public static GridWorker appoint(GridView grid, WorkerRole role, Appointee appointee, LocalDate from, Instant now) {
        Objects.requireNonNull(grid);
        Objects.requireNonNull(role);
        Objects.requireNonNull(appointee);
        Objects.requireNonNull(from);
        return new GridWorker(UUID.randomUUID().toString(), grid, role, appointee, from, now);
    }

    /**
     * Rotation (轮换): this appointment ends the day before {@code on} and a new one of the same role on the
     * same grid starts on {@code on}. The new appointment records {@link GridWorkerReplaced}.
     */
    public GridWorker replaceWith(GridView grid, Appointee appointee, LocalDate on, Instant now) {
        if (!grid.id().equals(gridId)) {
            throw new IllegalArgumentException("a replacement serves the same grid");
        }
        end(Objects.requireNonNull(on).minusDays(1), now);
        GridWorker successor = appoint(grid, role, appointee, on, now);
        successor.recordEvent(successor.id, new GridWorkerReplaced(id, successor.id, gridId, role.name(), on), now);
        return successor;
    }

    /** Ends the appointment; {@code lastDay} is the last day served, not before the first. */
    public void end(LocalDate lastDay, Instant now) {
        requireActive();
        if (Objects.requireNonNull(lastDay).isBefore(from)) {
            throw new BusinessRuleViolation("invalid-end-date", "the last day " + lastDay
                    + " is before the first day " + from, lastDay, from);
        }
        to = lastDay;
        status = Status.ENDED;
        activeKey = null;
        updatedAt = now;
    }

    /**
     * Undoes {@link #end}: the appointment is active again with no last day. Used when a rotation ended it but
     * its successor could not be stored, so the grid is not left without its worker.
     */
    void reinstate(Instant now) {
        if (status != Status.ENDED) {
            throw new IllegalStateException("only an ended appointment can be reinstated");
        }
        to = null;
        status = Status.ACTIVE;
        activeKey = activeKey(gridId, role);
        updatedAt = now;
    }

    /** A periodic assessment (考评); outcome REPLACE marks the appointment as due for replacement. */
    public void assess(String period, int score, AssessmentOutcome outcome, String note, Instant now) {
        if (score < 0 || score > 100) {
            throw new BusinessRuleViolation("invalid-score", "an assessment score lies between 0 and 100", score);
        }
        Objects.requireNonNull(period);
        if (assessments.stream().anyMatch(assessment -> assessment.period().equals(period))) {
            throw new BusinessRuleViolation("already-assessed", "the period " + period + " is already assessed", period);
        }
        assessments.add(new Assessment(period, score, Objects.requireNonNull(outcome), note, now));
        if (outcome == AssessmentOutcome.REPLACE) {
            replacementDue = true;
        }
        updatedAt = now;
    }

    /** An alley chief's annual rating (优秀/称职/不称职), one per year. */
    public void rate(Year year, AnnualRating rating, Instant now) {
        if (role != WorkerRole.ALLEY_CHIEF) {
            throw new BusinessRuleViolation("not-an-alley-chief", "only alley chiefs receive an annual rating");
        }
        int value = Objects.requireNonNull(year).getValue();
        if (ratings.stream().anyMatch(existing -> existing.year() == value)) {
            throw new BusinessRuleViolation("already-rated", "the year " + value + " is already rated", value);
        }
        ratings.add(new Rating(value, Objects.requireNonNull(rating), now));
        if (rating == AnnualRating.INCOMPETENT) {
            replacementDue = true;
        }
        updatedAt = now;
    }

    /** Sets the number of emergency duty days served in a month (replacing an earlier figure for that month). */
    public void recordEmergencyDays(YearMonth month, int days, Instant now) {
        if (days < 0 || days > Objects.requireNonNull(month).lengthOfMonth()) {
            throw new BusinessRuleViolation("invalid-emergency-days", "emergency days in " + month + " lie between 0 and "
                    + month.lengthOfMonth(), month.toString(), month.lengthOfMonth());
        }
        if (activeDaysIn(month) == 0) {
            throw new BusinessRuleViolation("not-serving-in-month", "the appointment does not cover " + month,
                    month.toString());
        }
        String key = month.toString();
        emergencyDuty.removeIf(duty -> duty.month().equals(key));
        emergencyDuty.add(new EmergencyDuty(key, days));
        emergencyDuty.sort((a, b) -> a.month().compareTo(b.month()));
        updatedAt = now;
    }

    /** Emergency duty days recorded for a month, 0 when none. */
    public int emergencyDaysIn(YearMonth month) {
        String key = month.toString();
        return emergencyDuty.stream().filter(duty -> duty.month().equals(key)).mapToInt(EmergencyDuty::days)
                .findFirst().orElse(0);
    }

    /** Days of the month the appointment covers (its first and last day included). */
    public int activeDaysIn(YearMonth month) {
        LocalDate start = from.isAfter(month.atDay(1)) ? from : month.atDay(1);
        LocalDate end = to == null || to.isAfter(month.atEndOfMonth()) ? month.atEndOfMonth() : to;
        return end.isBefore(start) ? 0 : (int) (end.toEpochDay() - start.toEpochDay() + 1);
    }

    private void requireActive() {
        if (status != Status.ACTIVE) {
            throw new BusinessRuleViolation("appointment-ended", "the appointment ended on " + to, to);
        }
    }

    static String activeKey(String gridId, WorkerRole role) {
        return gridId + "/" + role.name();
    }

    public String id() {
        return id;
    }

    public String gridId() {
        return gridId;
    }

    public WorkerRole role() {
        return role;
    }

    public String personName() {
        return personName;
    }

    /** The full phone number: only for admins covering the grid's community. */
    public String phone() {
        return SensitiveText.valueOf(phone);
    }

    /** The phone number with its middle digits hidden ({@code 138****5678}). */
    public String maskedPhone() {
        return mask(phone());
    }

    public WorkerSource source() {
        return source;
    }

    public boolean partyMember() {
        return partyMember;
    }

    public String accountId() {
        return accountId;
    }

    public String communityUnitId() {
        return communityUnitId;
    }

    public String communityPath() {
        return communityPath;
    }

    public LocalDate from() {
        return from;
    }

    /** The last day served, {@code null} while active. */
    public LocalDate to() {
        return to;
    }

    public Status status() {
        return status;
    }

    public boolean active() {
        return status == Status.ACTIVE;
    }

    public boolean replacementDue() {
        return replacementDue;
    }

    public List<Assessment> assessments() {
        return Collections.unmodifiableList(assessments);
    }

    public List<Rating> ratings() {
        return Collections.unmodifiableList(ratings);
    }

    public List<EmergencyDuty> emergencyDuty() {
        return Collections.unmodifiableList(emergencyDuty);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    static String mask(String phone) {
        return MobileNumber.mask(phone);
    }

    /** ACTIVE until ended (by rotation or otherwise). */
    public enum Status {
        ACTIVE, ENDED
    }

    /** Who is appointed. Its {@code toString} hides the phone number so it never reaches a log. */
    public record Appointee(String name, String phone, WorkerSource source, boolean partyMember, String accountId) {

        public Appointee {
            if (name == null || name.isBlank() || name.strip().length() > MAX_NAME_LENGTH) {
                throw new BusinessRuleViolation("invalid-person-name", "a name has 1 to 50 characters");
            }
            name = name.strip();
            Objects.requireNonNull(source);
        }

        @Override
        public String toString() {
            return "Appointee[name=" + name + ", phone=" + mask(phone) + ", source=" + source + ", partyMember="
                    + partyMember + ", accountId=" + accountId + "]";
        }
    }

    /** One periodic assessment: a period such as {@code 2026-Q3}, a score 0..100 and an outcome. */
    public record Assessment(String period, int score, AssessmentOutcome outcome, String note, Instant recordedAt) {
    }

    /** An alley chief's rating for a year. */
    public record Rating(int year, AnnualRating rating, Instant recordedAt) {
    }

    /** Emergency duty days served in a month ({@code 2026-11}). */
    public record EmergencyDuty(String month, int days) {
    }
}
