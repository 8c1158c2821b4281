package org.linli.points.reward;

import java.time.Instant;
import java.util.Objects;
import org.linli.events.points.RedemptionCancelled;
import org.linli.events.points.RedemptionFulfilled;
import org.linli.events.points.RedemptionMade;
import org.linli.platform.messaging.AggregateRoot;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.platform.domain.NewIds;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A redemption at the points supermarket. Created PENDING before anything is taken, so that a crash
 * in the middle leaves a record the sweeper can finish (the debit exists: confirm) or undo (no
 * debit: give the stock and the person's limit back). CONFIRMED carries the pickup code; FULFILLED
 * when handed over; CANCELLED (refund pending until {@code settled}); FAILED (with the rule that
 * refused it) once what it took has been given back.
 */
@Document("redemptions")
// the sweeps: PENDING older than the grace, CANCELLED not settled; and the status filter
@CompoundIndex(name = "status_created", def = "{'status': 1, 'createdAt': 1}")
public class Redemption extends AggregateRoot {

    @Id
    private String id;
    @Indexed
    private String accountId;
    private String holderName;
    private String rewardId;
    private String rewardName;
    private int quantity;
    private long points;
    @Indexed // the list filtered by community
    private String communityUnitId;
    @Indexed // staff's list in their subtree; OrgUnitMoved rewrites
    private String communityPath;
    private Status status;
    private String failure;
    @Indexed(unique = true, sparse = true)
    private String pickupCode;
    private boolean settled;
    private Instant createdAt;
    private Instant confirmedAt;
    private Instant fulfilledAt;
    private String fulfilledBy;
    private Instant cancelledAt;
    private String cancelledBy;

    protected Redemption() {
        // for the mapping layer
    }

    static Redemption pending(String accountId, String holderName, Reward reward, int quantity, Instant now) {
        if (quantity < 1) {
            throw new BusinessRuleViolation("invalid-quantity", "redeem at least one item");
        }
        Redemption redemption = new Redemption();
        redemption.id = NewIds.next();
        redemption.accountId = Objects.requireNonNull(accountId);
        redemption.holderName = holderName;
        redemption.rewardId = reward.id();
        redemption.rewardName = reward.name();
        redemption.quantity = quantity;
        redemption.points = Math.multiplyExact(reward.pointsPrice(), (long) quantity);
        redemption.communityUnitId = reward.communityUnitId();
        redemption.communityPath = reward.communityPath();
        redemption.status = Status.PENDING;
        redemption.createdAt = now;
        return redemption;
    }

    /** Points taken and stock reserved: the pickup code is issued and RedemptionMade recorded. */
    void confirm(String code, Instant now) {
        requireStatus(Status.PENDING);
        status = Status.CONFIRMED;
        pickupCode = Objects.requireNonNull(code);
        confirmedAt = now;
        settled = true;
        recordEvent(id, new RedemptionMade(id, accountId, rewardId, quantity, points), now);
    }

    /** A rule refused it (or a crash abandoned it) and what it took has been given back. */
    void fail(String rule, Instant now) {
        requireStatus(Status.PENDING);
        status = Status.FAILED;
        failure = rule;
        settled = true;
    }

    /** Handed over at the supermarket against the pickup code. */
    void fulfil(String by, Instant now) {
        requireStatus(Status.CONFIRMED);
        status = Status.FULFILLED;
        fulfilledAt = now;
        fulfilledBy = by;
        pickupCode = null;
        recordEvent(id, new RedemptionFulfilled(id, accountId, rewardId), now);
    }

    /** Cancelled before pickup: the refund and the stock release follow ({@code settled} once done). */
    void cancel(String by, Instant now) {
        requireStatus(Status.CONFIRMED);
        status = Status.CANCELLED;
        cancelledAt = now;
        cancelledBy = by;
        pickupCode = null;
        settled = false;
        recordEvent(id, new RedemptionCancelled(id, accountId, rewardId, points), now);
    }

    /** The refund and releases of a cancellation are done. */
    void settle() {
        if (status != Status.CANCELLED) {
            throw new IllegalStateException("only a cancellation is settled later");
        }
        settled = true;
    }

    private void requireStatus(Status expected) {
        if (status != expected) {
            throw new BusinessRuleViolation("redemption-" + status.name().toLowerCase(), "the redemption is "
                    + status + ", not " + expected, status.name());
        }
    }

    public String id() {
        return id;
    }

    public String accountId() {
        return accountId;
    }

    public String holderName() {
        return holderName;
    }

    public String rewardId() {
        return rewardId;
    }

    public String rewardName() {
        return rewardName;
    }

    public int quantity() {
        return quantity;
    }

    public long points() {
        return points;
    }

    public String communityUnitId() {
        return communityUnitId;
    }

    public String communityPath() {
        return communityPath;
    }

    public Status status() {
        return status;
    }

    public String failure() {
        return failure;
    }

    public String pickupCode() {
        return pickupCode;
    }

    public boolean settled() {
        return settled;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant confirmedAt() {
        return confirmedAt;
    }

    public Instant fulfilledAt() {
        return fulfilledAt;
    }

    public Instant cancelledAt() {
        return cancelledAt;
    }

    String reference() {
        return "redemption:" + id;
    }

    String refundReference() {
        return "refund:" + id;
    }

    public enum Status {
        PENDING, CONFIRMED, FULFILLED, CANCELLED, FAILED
    }
}
