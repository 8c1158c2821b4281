package org.linli.property.patrol;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.linli.events.property.PatrolAssignmentStarted;
import org.linli.events.property.PatrolRecorded;
import org.linli.platform.messaging.AggregateRoot;
import org.linli.platform.domain.BusinessRuleViolation;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * 包保: a city unit (a dual-registration unit of org-service) answers for a difficult compound from {@code startsOn}
 * to {@code endsOn} and patrols it at least every {@code everyDays} days; each patrol is recorded with its
 * findings. A patrol is due {@code everyDays} after the last one (the first: after the start); while the
 * assignment is in force, a due day before today makes it overdue. Assigning records PatrolAssignmentStarted, each
 * patrol PatrolRecorded (org-service shows a unit's 包保 duty to the communities that score it). An assignment runs to
 * its {@code endsOn}: there is no early end.
 */
@Document("patrol_assignments")
public class PatrolAssignment extends AggregateRoot {

    static final int MAX_EVERY_DAYS = 92;
    static final int MAX_TEXT = 1000;

    @Id
    private String id;
    @Indexed
    private String compoundId;
    private String compoundName;
    /** The compound's community (an org unit); absent in assignments made before events carried it. */
    private String communityUnitId;
    @Indexed
    private String communityPath;
    private String unitId;
    private String unitName;
    private LocalDate startsOn;
    @Indexed // in force today: endsOn >= today (the overdue list, KPIs)
    private LocalDate endsOn;
    private int everyDays;
    private List<Patrol> patrols = new ArrayList<>();
    private String assignedBy;
    private Instant createdAt;

    protected PatrolAssignment() {
        // for the mapping layer
    }

    private PatrolAssignment(Target compound, String unitId, String unitName, LocalDate startsOn, LocalDate endsOn,
                             int everyDays, String assignedBy, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.compoundId = compound.compoundId();
        this.compoundName = compound.name();
        this.communityUnitId = compound.communityUnitId();
        this.communityPath = compound.communityPath();
        this.unitId = Objects.requireNonNull(unitId);
        this.unitName = unitName;
        this.startsOn = startsOn;
        this.endsOn = endsOn;
        this.everyDays = everyDays;
        this.assignedBy = assignedBy;
        this.createdAt = now;
        recordEvent(id, new PatrolAssignmentStarted(id, compoundId, compoundName, communityUnitId, communityPath, unitId,
                startsOn, endsOn, everyDays), now);
    }

    /**
     * Assigns the unit to the compound for the period (ends on or after it starts, not before today) with a patrol
     * at least every {@code everyDays} (1 to {@value #MAX_EVERY_DAYS}).
     */
    static PatrolAssignment assign(Target compound, String unitId, String unitName, LocalDate startsOn,
                                   LocalDate endsOn, int everyDays, LocalDate today, String assignedBy, Instant now) {
        if (startsOn == null || endsOn == null || endsOn.isBefore(startsOn) || endsOn.isBefore(today)) {
            throw new BusinessRuleViolation("invalid-assignment-period",
                    "an assignment ends on or after its start and not before today", startsOn, endsOn);
        }
        if (everyDays < 1 || everyDays > MAX_EVERY_DAYS) {
            throw new BusinessRuleViolation("invalid-patrol-frequency",
                    "a patrol is due every 1 to " + MAX_EVERY_DAYS + " days", everyDays);
        }
        return new PatrolAssignment(compound, unitId, unitName, startsOn, endsOn, everyDays, assignedBy, now);
    }

    /** Whether the two periods share a day. */
    boolean overlaps(LocalDate otherStart, LocalDate otherEnd) {
        return !otherEnd.isBefore(startsOn) && !otherStart.isAfter(endsOn);
    }

    /** Records a patrol on a day of the assignment, not after today, with what it found. */
    void recordPatrol(LocalDate patrolledOn, String patrollers, String findings, boolean problemsFound,
                      String recordedBy, LocalDate today, Instant now) {
        if (patrolledOn.isAfter(today)) {
            throw new BusinessRuleViolation("patrol-in-future", "a patrol cannot be dated after today", patrolledOn);
        }
        if (patrolledOn.isBefore(startsOn) || patrolledOn.isAfter(endsOn)) {
            throw new BusinessRuleViolation("patrol-outside-assignment",
                    "a patrol falls within the assignment's period", patrolledOn, startsOn, endsOn);
        }
        patrols.add(new Patrol(patrolledOn, patrollers.strip(), findings.strip(), problemsFound, recordedBy, now));
        recordEvent(id, new PatrolRecorded(id, unitId, compoundId, patrols.size(), patrolledOn, problemsFound), now);
    }

    /** In force on the day. */
    boolean inForceOn(LocalDate day) {
        return !day.isBefore(startsOn) && !day.isAfter(endsOn);
    }

    /** The last day patrolled, {@code null} before the first patrol. */
    LocalDate lastPatrolledOn() {
        return patrols.stream().map(Patrol::patrolledOn).max(LocalDate::compareTo).orElse(null);
    }

    /** The day by which the next patrol is due: {@code everyDays} after the last patrol, or after the start. */
    LocalDate nextPatrolDueOn() {
        LocalDate last = lastPatrolledOn();
        return (last != null ? last : startsOn).plusDays(everyDays);
    }

    /** In force today and its next patrol was due before today. */
    boolean overdueOn(LocalDate today) {
        return inForceOn(today) && nextPatrolDueOn().isBefore(today);
    }

    public String id() {
        return id;
    }

    public String compoundId() {
        return compoundId;
    }

    public String compoundName() {
        return compoundName;
    }

    public String communityPath() {
        return communityPath;
    }

    public String unitId() {
        return unitId;
    }

    public String unitName() {
        return unitName;
    }

    public LocalDate startsOn() {
        return startsOn;
    }

    public LocalDate endsOn() {
        return endsOn;
    }

    public int everyDays() {
        return everyDays;
    }

    public List<Patrol> patrols() {
        return List.copyOf(patrols);
    }

    /** The compound as an assignment names it. */
    record Target(String compoundId, String name, String communityUnitId, String communityPath) {
    }

    /** One patrol (巡查): who went, what they found, who recorded it. */
    public record Patrol(LocalDate patrolledOn, String patrollers, String findings, boolean problemsFound,
                         String recordedBy, Instant recordedAt) {
    }
}
