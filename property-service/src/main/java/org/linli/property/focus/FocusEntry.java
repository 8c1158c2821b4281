package org.linli.property.focus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.linli.events.property.FocusListEntered;
import org.linli.events.property.FocusListLeft;
import org.linli.platform.messaging.AggregateRoot;
import org.linli.platform.domain.BusinessRuleViolation;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A compound's focus-list record (重点关注), one document per compound: whether it is on the list, and every
 * stay with its rectification plan and third-party acceptances. It enters when its complaints in the rolling
 * window pass the threshold, gets a plan with items and deadlines, and leaves when a third party accepts the
 * completed rectification. Resident property supervisors (物业监督员) file supervision records on the stay; a passing
 * acceptance needs one of them to have signed off the completed rectification since the last acceptance.
 */
@Document("focus_entries")
public class FocusEntry extends AggregateRoot {

    public static final int MAX_TEXT = 500;

    @Id
    private String compoundId;
    private String compoundName;
    @Indexed
    private String communityPath;
    @Indexed // property staff's focus list (every compound on it, then their company's)
    private boolean onList;
    private List<Stay> stays = new ArrayList<>();

    protected FocusEntry() {
        // for the mapping layer
    }

    FocusEntry(String compoundId, String compoundName, String communityPath) {
        this.compoundId = compoundId;
        this.compoundName = compoundName;
        this.communityPath = communityPath;
    }

    /** Puts the compound on the list when its complaints pass the threshold; {@code false} when already on it or below. */
    boolean enterIfPast(int complaints, int windowDays, int threshold, Instant now) {
        if (onList || complaints <= threshold) {
            return false;
        }
        onList = true;
        stays.add(new Stay(stays.size() + 1, now, complaints, windowDays, threshold, List.of(), new ArrayList<>(), null,
                List.of()));
        recordEvent(compoundId, new FocusListEntered(compoundId, complaints, windowDays, threshold), now);
        return true;
    }

    /** Sets (or replaces) the rectification plan of the current stay: items with deadlines from today on. */
    void plan(List<PlanItem> items, LocalDate today) {
        Stay stay = current();
        if (items == null || items.isEmpty()) {
            throw new BusinessRuleViolation("empty-plan", "a rectification plan has at least one item");
        }
        for (PlanItem item : items) {
            if (item.description() == null || item.description().isBlank() || item.description().length() > MAX_TEXT
                    || item.deadline() == null || item.deadline().isBefore(today)) {
                throw new BusinessRuleViolation("invalid-plan-item",
                        "each plan item has a description and a deadline from today on");
            }
        }
        replace(stay.withPlan(items.stream().map(item -> new PlanItem(item.description().strip(), item.deadline(), null))
                .toList()));
    }

    /** Marks a plan item (0-based) done. */
    void complete(int index, LocalDate today) {
        Stay stay = current();
        if (index < 0 || index >= stay.plan().size()) {
            throw new BusinessRuleViolation("unknown-plan-item", "the plan has no item " + index, index);
        }
        List<PlanItem> plan = new ArrayList<>(stay.plan());
        PlanItem item = plan.get(index);
        plan.set(index, new PlanItem(item.description(), item.deadline(), item.completedOn() != null ? item.completedOn() : today));
        replace(stay.withPlan(plan));
    }

    /**
     * A resident property supervisor's record on the rectification of the current stay: a note (on one plan item
     * or the whole), or a sign-off (签字确认) that the rectification is done, which needs every plan item done. A
     * sign-off counts for the next acceptance only (its {@code round} is the number of acceptances before it).
     */
    public void supervise(String supervisorAccountId, String supervisorName, String note, Integer planItem,
                          boolean signOff, Instant now) {
        Stay stay = current();
        if (planItem != null && (planItem < 0 || planItem >= stay.plan().size())) {
            throw new BusinessRuleViolation("unknown-plan-item", "the plan has no item " + planItem, planItem);
        }
        if (signOff) {
            requireCompletePlan(stay);
        }
        List<SupervisionRecord> records = new ArrayList<>(stay.supervision());
        records.add(new SupervisionRecord(supervisorAccountId, supervisorName, now, note, planItem, signOff,
                stay.acceptances().size()));
        replace(stay.withSupervision(records));
    }

    /**
     * Records a third party's acceptance of the rectification, once every plan item is done: passed, the
     * compound leaves the list, which needs a supervisor's sign-off since the last acceptance; failed, it stays
     * and the plan is worked on again.
     */
    void accept(LocalDate acceptedOn, String acceptor, boolean passed, String reportRef, LocalDate today, Instant now) {
        Stay stay = current();
        requireCompletePlan(stay);
        if (acceptedOn.isAfter(today)) {
            throw new BusinessRuleViolation("acceptance-in-future", "an acceptance cannot be dated after today");
        }
        if (passed && stay.supervision().stream()
                .noneMatch(record -> record.signOff() && record.round() == stay.acceptances().size())) {
            throw new BusinessRuleViolation("supervisor-sign-off-missing",
                    "a passing acceptance needs a resident property supervisor's sign-off since the last acceptance");
        }
        List<Acceptance> acceptances = new ArrayList<>(stay.acceptances());
        acceptances.add(new Acceptance(acceptedOn, acceptor, passed, reportRef));
        replace(new Stay(stay.number(), stay.enteredAt(), stay.complaints(), stay.windowDays(), stay.threshold(),
                stay.plan(), acceptances, passed ? acceptedOn : null, stay.supervision()));
        if (passed) {
            onList = false;
            recordEvent(compoundId, new FocusListLeft(compoundId, acceptedOn), now);
        }
    }

    private static void requireCompletePlan(Stay stay) {
        if (stay.plan().isEmpty() || stay.plan().stream().anyMatch(item -> item.completedOn() == null)) {
            throw new BusinessRuleViolation("plan-not-complete",
                    "acceptance needs a rectification plan with every item done");
        }
    }

    private Stay current() {
        if (!onList) {
            throw new BusinessRuleViolation("not-on-focus-list", "the compound is not on the focus list");
        }
        return stays.get(stays.size() - 1);
    }

    private void replace(Stay stay) {
        stays.set(stays.size() - 1, stay);
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

    public boolean onList() {
        return onList;
    }

    public List<Stay> stays() {
        return List.copyOf(stays);
    }

    /**
     * One stay on the list: why it entered, the plan, the acceptances, the day it left ({@code null} while on it)
     * and the supervisors' records (empty in stays stored before supervisors existed).
     */
    public record Stay(int number, Instant enteredAt, int complaints, int windowDays, int threshold, List<PlanItem> plan,
                       List<Acceptance> acceptances, LocalDate leftOn, List<SupervisionRecord> supervision) {

        public Stay {
            supervision = supervision == null ? List.of() : List.copyOf(supervision);
        }

        Stay withPlan(List<PlanItem> newPlan) {
            return new Stay(number, enteredAt, complaints, windowDays, threshold, List.copyOf(newPlan), acceptances, leftOn,
                    supervision);
        }

        Stay withSupervision(List<SupervisionRecord> records) {
            return new Stay(number, enteredAt, complaints, windowDays, threshold, plan, acceptances, leftOn, records);
        }
    }

    /**
     * A resident property supervisor's record (物业监督员监督记录): a note on a plan item ({@code planItem}, 0-based) or
     * the whole rectification, or a sign-off; {@code round}: the acceptances recorded before it.
     */
    public record SupervisionRecord(String supervisorAccountId, String supervisorName, Instant filedAt, String note,
                                    Integer planItem, boolean signOff, int round) {
    }

    /** A rectification item with its deadline and the day it was done. */
    public record PlanItem(String description, LocalDate deadline, LocalDate completedOn) {
    }

    /** A third-party acceptance (第三方验收) of the rectification. */
    public record Acceptance(LocalDate acceptedOn, String acceptor, boolean passed, String reportRef) {
    }
}
