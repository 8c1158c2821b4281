package org.linli.org.dualregistration;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A dual-registration unit's 包保 duty for one difficult compound, as property-service reported it: the
 * assignment (PatrolAssignmentStarted) and the patrols done (PatrolRecorded, keyed by their number). Each event
 * writes its own exact paths by the assignment id ({@link PatrolDuties}), so events apply once and in any order;
 * a patrol known before its assignment waits in the document until the assignment arrives.
 *
 * <p>The duty follows property-service's rule: a patrol is due at least every {@code everyDays} days from the start.
 * The patrols due by a day are the multiples of {@code everyDays} after {@code startsOn} up to that day (within the
 * assignment); a community comparing them with the patrols done sees whether the unit kept the frequency.
 */
@Document("dual_registration_patrol_duties")
public class PatrolDuty {

    @Id
    private String assignmentId;
    @Indexed
    private String unitId;
    private String compoundId;
    private String compoundName;
    private String communityUnitId;
    private LocalDate startsOn;
    private LocalDate endsOn;
    private int everyDays;
    /** The patrols by their number (1, 2, …) as a string key: one {@code $set} per patrol. */
    private Map<String, Patrol> patrols = new HashMap<>();

    protected PatrolDuty() {
        // for the mapping layer
    }

    PatrolDuty(String assignmentId, String unitId, String compoundId, String compoundName, String communityUnitId,
               LocalDate startsOn, LocalDate endsOn, int everyDays, Map<String, Patrol> patrols) {
        this.assignmentId = assignmentId;
        this.unitId = unitId;
        this.compoundId = compoundId;
        this.compoundName = compoundName;
        this.communityUnitId = communityUnitId;
        this.startsOn = startsOn;
        this.endsOn = endsOn;
        this.everyDays = everyDays;
        this.patrols = new HashMap<>(patrols);
    }

    /** Whether the assignment itself is known (a patrol may arrive first). */
    boolean assigned() {
        return startsOn != null && endsOn != null && everyDays > 0;
    }

    /** Whether the assignment runs on at least one day of the year. */
    boolean runsIn(int year) {
        return assigned() && startsOn.getYear() <= year && endsOn.getYear() >= year;
    }

    /** Patrols done on days of the year. */
    int doneIn(int year) {
        return (int) patrols().stream().filter(patrol -> patrol.patrolledOn().getYear() == year).count();
    }

    /** Patrols falling due in the year up to {@code today} (included): every {@code everyDays} after the start. */
    int dueIn(int year, LocalDate today) {
        if (!assigned()) {
            return 0;
        }
        LocalDate last = min(min(endsOn, today), LocalDate.of(year, 12, 31));
        LocalDate before = LocalDate.of(year, 1, 1).minusDays(1);
        return Math.max(0, dueBy(last) - dueBy(before));
    }

    /** In force today and the next patrol ({@code everyDays} after the last one, or after the start) was due before. */
    boolean overdueOn(LocalDate today) {
        if (!assigned() || today.isBefore(startsOn) || today.isAfter(endsOn)) {
            return false;
        }
        LocalDate last = patrols().stream().map(Patrol::patrolledOn).max(Comparator.naturalOrder()).orElse(startsOn);
        return last.plusDays(everyDays).isBefore(today);
    }

    /** How many due days ({@code startsOn + k·everyDays}, k ≥ 1) fall on or before {@code day}. */
    private int dueBy(LocalDate day) {
        long days = ChronoUnit.DAYS.between(startsOn, day);
        return days <= 0 ? 0 : (int) (days / everyDays);
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    /**
     * A unit's duty per year, newest first: each year from its first assignment's start up to this year in which an
     * assignment runs, with the assignments, the patrols done and due so far, and (this year) the ones overdue today.
     */
    static List<Year> byYear(Collection<PatrolDuty> duties, LocalDate today) {
        TreeSet<Integer> years = new TreeSet<>(Comparator.reverseOrder());
        for (PatrolDuty duty : duties) {
            if (duty.assigned()) {
                for (int year = duty.startsOn.getYear(); year <= Math.min(duty.endsOn.getYear(), today.getYear()); year++) {
                    years.add(year);
                }
            }
        }
        return years.stream().map(year -> {
            List<PatrolDuty> running = duties.stream().filter(duty -> duty.runsIn(year)).toList();
            return new Year(year, running.size(), running.stream().mapToInt(duty -> duty.doneIn(year)).sum(),
                    running.stream().mapToInt(duty -> duty.dueIn(year, today)).sum(),
                    year == today.getYear() ? (int) running.stream().filter(duty -> duty.overdueOn(today)).count() : 0);
        }).toList();
    }

    public String assignmentId() {
        return assignmentId;
    }

    public String unitId() {
        return unitId;
    }

    public List<Patrol> patrols() {
        return patrols == null ? List.of() : List.copyOf(patrols.values());
    }

    /** One patrol as property-service reported it (no names, no findings text). */
    record Patrol(int number, LocalDate patrolledOn, boolean problemsFound) {
    }

    /**
     * A unit's 包保 duty in a year: the evidence a paired community weighs for its year-end score.
     *
     * @param year               the year
     * @param assignments        assignments running in the year
     * @param patrolsDone        patrols done in the year
     * @param patrolsDue         patrols due in the year so far (every {@code everyDays} from each start, up to today)
     * @param overdueAssignments this year: assignments whose patrol is overdue today; 0 for past years
     */
    public record Year(int year, int assignments, int patrolsDone, int patrolsDue, int overdueAssignments) {
    }
}
