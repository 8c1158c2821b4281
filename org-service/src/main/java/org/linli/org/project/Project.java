package org.linli.org.project;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.linli.events.org.ProjectCompleted;
import org.linli.org.unit.ScopePath;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.platform.messaging.AggregateRoot;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * 项目清单: a livelihood project (民生实事) a community admin makes of one need and the resources that meet it,
 * claimed (认领) by a dual-registration unit or a party member who answers for it by a deadline (认领制 + 时限制).
 * {@code CLAIMED} → {@code IN_PROGRESS} → {@code DONE} (result text and date; closes the need) or
 * {@code CANCELLED} from either running state (the need is open again). While it runs it holds {@code amount} of each
 * resource's capacity. Overdue: still running after the deadline day. Done records {@link ProjectCompleted}.
 */
@Document("projects")
// a year's projects in a subtree: what each dual-registration unit claimed, finished, let run late
@CompoundIndex(name = "year_unitPath", def = "{'year': 1, 'unitPath': 1}")
// a dual-registration unit's claims per year: its gaps list and year-end figures
@CompoundIndex(name = "owner_year", def = "{'owner.id': 1, 'year': 1}")
public class Project extends AggregateRoot {

    static final int MAX_TEXT = 2000;

    @Id
    private String id;
    private String needId;
    private String communityId;
    @Indexed // staff's list in their subtree
    @ScopePath
    private String unitPath;
    private NeedCategory category;
    private String title;
    private Provider owner;
    private List<Use> uses;
    private LocalDate deadline;
    /** The year it was claimed in (county zone): the year it counts for in the units' summaries. */
    private int year;
    private Status status;
    private String createdBy;
    private Instant claimedAt;
    private Instant startedAt;
    private String result;
    private LocalDate completedOn;
    private Instant cancelledAt;
    private String cancelReason;

    protected Project() {
        // for the mapping layer
    }

    /** How much of one resource's monthly capacity the project holds while it runs. */
    public record Use(String resourceId, int amount) {
    }

    /** A project for {@code need}, claimed by {@code owner} today; the deadline may not lie before today. */
    static Project claim(Need need, Provider owner, List<Use> uses, LocalDate deadline, LocalDate today, String by,
                         Instant now) {
        if (owner.kind() == Provider.Kind.PROPERTY_COMPANY) {
            throw new BusinessRuleViolation("invalid-owner", "a project is claimed by a dual-registration unit or "
                    + "a party member", owner.kind().name());
        }
        if (deadline.isBefore(today)) {
            throw new BusinessRuleViolation("deadline-in-past", "the deadline " + deadline + " is before today",
                    deadline.toString());
        }
        Project project = new Project();
        project.id = UUID.randomUUID().toString();
        project.needId = need.id();
        project.communityId = need.communityId();
        project.unitPath = need.unitPath();
        project.category = need.category();
        project.title = need.title();
        project.owner = owner;
        project.uses = List.copyOf(uses);
        project.deadline = deadline;
        project.year = today.getYear();
        project.status = Status.CLAIMED;
        project.createdBy = by;
        project.claimedAt = now;
        return project;
    }

    /** Work has begun. */
    void start(Instant now) {
        require(status == Status.CLAIMED, "starting");
        status = Status.IN_PROGRESS;
        startedAt = now;
    }

    /** Finished on {@code on} (not after today) with what was done; records {@link ProjectCompleted}. */
    void complete(String resultText, LocalDate on, LocalDate today, Instant now) {
        require(status == Status.IN_PROGRESS, "completion");
        if (on.isAfter(today)) {
            throw new BusinessRuleViolation("completion-in-future", "a project cannot be done on " + on,
                    on.toString());
        }
        status = Status.DONE;
        result = resultText;
        completedOn = on;
        String unitId = owner.kind() == Provider.Kind.DUAL_REGISTRATION_UNIT ? owner.id() : null;
        recordEvent(id, new ProjectCompleted(id, needId, communityId, category.name(), owner.kind().name(),
                owner.id(), unitId, year, deadline, completedOn), now);
    }

    /** Called off while it runs. */
    void cancel(String reason, Instant now) {
        require(isRunning(), "cancelling");
        status = Status.CANCELLED;
        cancelReason = reason;
        cancelledAt = now;
    }

    boolean isRunning() {
        return Status.RUNNING.contains(status);
    }

    /** Still running after its deadline day. */
    boolean overdueOn(LocalDate today) {
        return isRunning() && deadline.isBefore(today);
    }

    private void require(boolean allowed, String step) {
        if (!allowed) {
            throw new BusinessRuleViolation("wrong-step", step + " does not apply to a project " + status,
                    status.name());
        }
    }

    public String id() {
        return id;
    }

    public String needId() {
        return needId;
    }

    public String communityId() {
        return communityId;
    }

    public String unitPath() {
        return unitPath;
    }

    public NeedCategory category() {
        return category;
    }

    public String title() {
        return title;
    }

    public Provider owner() {
        return owner;
    }

    public List<Use> uses() {
        return Collections.unmodifiableList(uses);
    }

    public LocalDate deadline() {
        return deadline;
    }

    public int year() {
        return year;
    }

    public Status status() {
        return status;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant claimedAt() {
        return claimedAt;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public String result() {
        return result;
    }

    public LocalDate completedOn() {
        return completedOn;
    }

    public Instant cancelledAt() {
        return cancelledAt;
    }

    public String cancelReason() {
        return cancelReason;
    }

    /** Where a project stands. */
    public enum Status {
        /** 已认领 */
        CLAIMED("已认领"),
        /** 实施中 */
        IN_PROGRESS("实施中"),
        /** 已完成 */
        DONE("已完成"),
        /** 已取消 */
        CANCELLED("已取消");

        static final Set<Status> RUNNING = EnumSet.of(CLAIMED, IN_PROGRESS);

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
