package org.linli.org.branchrating;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.linli.events.org.RatingRoundClosed;
import org.linli.org.unit.ScopePath;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.platform.messaging.AggregateRoot;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * 支部好不好，群众说了算: a rating round of a period (a quarter, say) in which the residents of each party branch
 * (网格(小区)党支部) under a street or community rate their branch. Opened by the street (or county) for the branches
 * under one unit, as they stand at opening; OPEN → CLOSED. Ratings and random visits are accepted only while the round
 * is open and on a day within its period.
 */
@Document("branch_rating_rounds")
// the public list of an area's closed rounds: status, then the unit path prefix
@CompoundIndex(name = "status_unitPath", def = "{'status': 1, 'unitPath': 1}")
public class RatingRound extends AggregateRoot {

    static final int MAX_TITLE = 100;
    static final int MAX_PERIOD_DAYS = 366;

    @Id
    private String id;
    private String title;
    private String unitId;
    @Indexed // the street's rounds under a path; a community's or resident's rounds by their ancestors' paths
    @ScopePath
    private String unitPath;
    private LocalDate startsOn;
    private LocalDate endsOn;
    private List<String> branchIds;
    private Status status;
    private String openedBy;
    private Instant openedAt;
    private String closedBy;
    private Instant closedAt;

    protected RatingRound() {
        // for the mapping layer
    }

    /**
     * A round for {@code branchIds} (the branches under the unit) from {@code startsOn} to {@code endsOn}, both
     * inclusive: 422 {@code invalid-rating-period} for an inverted or over-long period, {@code no-branches} without
     * any branch.
     */
    static RatingRound open(String title, String unitId, String unitPath, LocalDate startsOn, LocalDate endsOn,
                            List<String> branchIds, String by, Instant now) {
        if (endsOn.isBefore(startsOn) || ChronoUnit.DAYS.between(startsOn, endsOn) >= MAX_PERIOD_DAYS) {
            throw new BusinessRuleViolation("invalid-rating-period", "a round runs from its first to its last day, "
                    + "at most " + MAX_PERIOD_DAYS + " days", MAX_PERIOD_DAYS);
        }
        if (branchIds.isEmpty()) {
            throw new BusinessRuleViolation("no-branches", "there is no active party branch under unit " + unitId,
                    unitId);
        }
        RatingRound round = new RatingRound();
        round.id = UUID.randomUUID().toString();
        round.title = title;
        round.unitId = unitId;
        round.unitPath = unitPath;
        round.startsOn = startsOn;
        round.endsOn = endsOn;
        round.branchIds = List.copyOf(branchIds);
        round.status = Status.OPEN;
        round.openedBy = by;
        round.openedAt = now;
        return round;
    }

    /**
     * Closes the round: no more ratings or visits; the public summary appears. 422 {@code round-closed} twice. Records
     * {@link RatingRoundClosed} with {@code results}, the counts of every branch of the round at closing.
     */
    void close(List<BranchResult> results, String by, Instant now) {
        requireOpen();
        status = Status.CLOSED;
        closedBy = by;
        closedAt = now;
        recordEvent(id, new RatingRoundClosed(id, unitId, startsOn, endsOn,
                results.stream().map(BranchResult::counts).toList()), now);
    }

    /**
     * Refuses what needs an open round on {@code day} for {@code branchId} (a rating, a visit): 422
     * {@code round-closed}, {@code outside-rating-period}, {@code branch-not-in-round}.
     */
    void requireOpenFor(String branchId, LocalDate day) {
        requireOpen();
        if (day.isBefore(startsOn) || day.isAfter(endsOn)) {
            throw new BusinessRuleViolation("outside-rating-period", "round " + id + " runs from " + startsOn
                    + " to " + endsOn, startsOn, endsOn);
        }
        if (!branchIds.contains(branchId)) {
            throw new BusinessRuleViolation("branch-not-in-round", "branch " + branchId + " is not rated in round "
                    + id, branchId);
        }
    }

    private void requireOpen() {
        if (status != Status.OPEN) {
            throw new BusinessRuleViolation("round-closed", "round " + id + " is closed", id);
        }
    }

    boolean closed() {
        return status == Status.CLOSED;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String unitId() {
        return unitId;
    }

    public String unitPath() {
        return unitPath;
    }

    public LocalDate startsOn() {
        return startsOn;
    }

    public LocalDate endsOn() {
        return endsOn;
    }

    public List<String> branchIds() {
        return branchIds;
    }

    public Status status() {
        return status;
    }

    public String openedBy() {
        return openedBy;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public String closedBy() {
        return closedBy;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public enum Status {
        OPEN, CLOSED
    }
}
