package org.linli.points.reward;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import io.github.springwolf.core.asyncapi.annotations.AsyncOperation;
import io.github.springwolf.core.asyncapi.annotations.AsyncPublisher;
import org.linli.events.Topics;
import org.linli.events.points.RedemptionCancelled;
import org.linli.events.points.RedemptionFulfilled;
import org.linli.events.points.RedemptionMade;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.platform.domain.NewIds;
import org.linli.platform.domain.NotFoundException;
import org.linli.points.ledger.InsufficientPoints;
import org.linli.points.ledger.Ledger;
import org.linli.points.ledger.LedgerEntry;
import org.linli.points.ledger.LedgerEntry.Context;
import org.linli.points.ledger.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The redemption workflow, without a multi-document transaction: points deducted and stock
 * reserved together or not at all.
 *
 * <ol>
 *   <li>store the redemption PENDING;</li>
 *   <li>count it toward the person's limit (one conditional upsert), take the stock (one conditional
 *       update, {@code stock ≥ qty});</li>
 *   <li>debit the ledger with reference {@code redemption:<id>} (the ledger's conditional append:
 *       never an overdraft);</li>
 *   <li>confirm with a pickup code (RedemptionMade) — or, when a step refuses, give back what was
 *       taken and mark it FAILED.</li>
 * </ol>
 * Every step is idempotent by the redemption id, so {@link #sweep} can finish or undo any
 * redemption a crash left PENDING and settle any cancellation a crash left unsettled, by running
 * the same steps again. A redemption swept as abandoned while its request was in fact still running
 * is detected when that request tries to confirm, which then refunds its own debit.
 */
public class Redemptions {

    private static final Logger log = LoggerFactory.getLogger(Redemptions.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoOperations mongo;
    private final Ledger ledger;
    private final Rewards rewards;
    private final Clock clock;
    private final ZoneId zone;

    public Redemptions(MongoOperations mongo, Ledger ledger, Rewards rewards, Clock clock, ZoneId zone) {
        this.mongo = mongo;
        this.ledger = ledger;
        this.rewards = rewards;
        this.clock = clock;
        this.zone = zone;
    }

    /** Redeems {@code quantity} of a reward for the account; 422 with the refusing rule's code when refused. */
    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.POINTS_EVENTS, payloadType = RedemptionMade.class,
            description = "a reward was redeemed: points and stock taken together"))
    public Redemption redeem(String accountId, String holderName, String rewardId, int quantity) {
        Optional<Redemption> earlier = NewIds.alreadyCreated(id -> Optional.ofNullable(
                mongo.findById(id, Redemption.class)));
        if (earlier.isPresent()) {
            return resume(earlier.get());
        }
        Reward reward = reward(rewardId);
        if (!reward.activeOn(LocalDate.now(clock.withZone(zone)))) {
            throw new BusinessRuleViolation("reward-not-active", "the reward is not on offer today", reward.name());
        }
        Redemption redemption = mongo.insert(Redemption.pending(accountId, holderName, reward, quantity,
                clock.instant()));
        return takeAndConfirm(redemption, reward);
    }

    /**
     * A retried request whose earlier run already created its redemption: one left PENDING (the run died)
     * goes through the remaining steps, each idempotent by the redemption id; one refused keeps its
     * refusal (a new attempt takes a new key); one confirmed is the answer.
     */
    private Redemption resume(Redemption earlier) {
        return switch (earlier.status()) {
            case PENDING -> takeAndConfirm(earlier, reward(earlier.rewardId()));
            case FAILED -> throw new BusinessRuleViolation("redemption-refused-earlier", "this redemption was refused "
                    + "earlier (" + earlier.failure() + "); send a new Idempotency-Key to try again", earlier.failure());
            default -> earlier;
        };
    }

    private Reward reward(String rewardId) {
        return Optional.ofNullable(mongo.findById(rewardId, Reward.class))
                .orElseThrow(() -> new NotFoundException("reward", rewardId));
    }

    private Redemption takeAndConfirm(Redemption redemption, Reward reward) {
        String rewardId = reward.id();
        String accountId = redemption.accountId();
        int quantity = redemption.quantity();
        if (reward.perPersonLimit() != null
                && !rewards.claim(rewardId, accountId, redemption.id(), quantity, reward.perPersonLimit())) {
            throw refuse(redemption, new BusinessRuleViolation("per-person-limit", "at most " + reward.perPersonLimit()
                    + " of " + reward.name() + " per person", reward.perPersonLimit(), reward.name()));
        }
        if (!rewards.take(rewardId, redemption.id(), quantity)) {
            throw refuse(redemption, new BusinessRuleViolation("out-of-stock", reward.name() + " is out of stock",
                    reward.name()));
        }
        try {
            ledger.debit(accountId, redemption.points(), Reason.REDEMPTION, redemption.reference(), context(redemption),
                    reward.name() + " × " + quantity);
        } catch (InsufficientPoints refused) {
            throw refuse(redemption, refused);
        }
        return confirm(redemption);
    }

    /** Cancels a confirmed redemption: RedemptionCancelled, then the refund entry and the stock given back. */
    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.POINTS_EVENTS, payloadType = RedemptionCancelled.class,
            description = "a redemption was cancelled and refunded"))
    public Redemption cancel(String redemptionId, String by) {
        Redemption redemption = find(redemptionId);
        redemption.cancel(by, clock.instant());
        return settle(mongo.save(redemption));
    }

    /** Hands a confirmed redemption over; the pickup code is spent. */
    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.POINTS_EVENTS, payloadType = RedemptionFulfilled.class,
            description = "a redemption was handed over"))
    public Redemption fulfil(Redemption redemption, String by) {
        redemption.fulfil(by, clock.instant());
        Redemption fulfilled = mongo.save(redemption);
        rewards.spend(fulfilled.rewardId(), fulfilled.id());
        return fulfilled;
    }

    public Redemption find(String redemptionId) {
        return Optional.ofNullable(mongo.findById(redemptionId, Redemption.class))
                .orElseThrow(() -> new NotFoundException("redemption", redemptionId));
    }

    /**
     * Finishes what crashes left: PENDING redemptions older than {@code grace} are confirmed when their
     * debit exists and undone otherwise; cancellations not yet settled are settled. Returns how many
     * were resolved.
     */
    public int sweep(Duration grace) {
        int resolved = 0;
        Query stale = Query.query(Criteria.where("status").is(Redemption.Status.PENDING)
                .and("createdAt").lt(clock.instant().minus(grace)));
        for (Redemption pending : mongo.find(stale, Redemption.class)) {
            try {
                if (ledger.byReference(pending.accountId(), pending.reference()).isPresent()) {
                    confirm(pending);
                } else {
                    giveBack(pending);
                    pending.fail("abandoned", clock.instant());
                    mongo.save(pending);
                }
                resolved++;
            } catch (OptimisticLockingFailureException | BusinessRuleViolation movedOn) {
                log.debug("redemption {} moved on while sweeping", pending.id());
            }
        }
        Query unsettled = Query.query(Criteria.where("status").is(Redemption.Status.CANCELLED)
                .and("settled").is(false));
        for (Redemption cancelled : mongo.find(unsettled, Redemption.class)) {
            try {
                settle(cancelled);
                resolved++;
            } catch (OptimisticLockingFailureException movedOn) {
                log.debug("redemption {} settled concurrently", cancelled.id());
            }
        }
        return resolved;
    }

    /** The last step: confirm with a pickup code; a redemption swept away meanwhile refunds its debit (422). */
    Redemption confirm(Redemption redemption) {
        Redemption current = redemption;
        for (int attempt = 0; ; attempt++) {
            current.confirm(pickupCode(), clock.instant());
            try {
                return mongo.save(current);
            } catch (DuplicateKeyException codeTaken) {
                if (attempt == 3) {
                    throw codeTaken;
                }
                current = find(redemption.id());
            } catch (OptimisticLockingFailureException swept) {
                Redemption stored = find(redemption.id());
                if (stored.status() == Redemption.Status.FAILED) {
                    refund(stored);
                    giveBack(stored);
                    throw new BusinessRuleViolation("redemption-abandoned", "the redemption took too long and was "
                            + "undone; the points are back");
                }
                return stored;
            }
        }
    }

    /** The refund entry (once: reference {@code refund:<id>}), the stock and the person's limit given back. */
    private Redemption settle(Redemption redemption) {
        if (redemption.status() == Redemption.Status.CANCELLED) {
            refund(redemption);
        }
        giveBack(redemption);
        if (redemption.status() == Redemption.Status.CANCELLED && !redemption.settled()) {
            redemption.settle();
            return mongo.save(redemption);
        }
        return redemption;
    }

    private void refund(Redemption redemption) {
        Optional<LedgerEntry> debit = ledger.byReference(redemption.accountId(), redemption.reference());
        if (debit.isPresent()) {
            ledger.credit(redemption.accountId(), -debit.get().amount(), Reason.REFUND, redemption.refundReference(),
                    context(redemption), null, redemption.rewardName() + " × " + redemption.quantity());
        }
    }

    private void giveBack(Redemption redemption) {
        rewards.giveBack(redemption.rewardId(), redemption.id(), redemption.quantity());
        rewards.unclaim(redemption.rewardId(), redemption.accountId(), redemption.id(), redemption.quantity());
    }

    /** Gives back what the redemption took and marks it FAILED with the rule; returns the rule to throw. */
    private BusinessRuleViolation refuse(Redemption redemption, BusinessRuleViolation rule) {
        giveBack(redemption);
        try {
            redemption.fail(rule.code(), clock.instant());
            mongo.save(redemption);
        } catch (OptimisticLockingFailureException swept) {
            log.debug("redemption {} was swept while refused", redemption.id());
        }
        return rule;
    }

    private static Context context(Redemption redemption) {
        return new Context(redemption.communityUnitId(), redemption.communityPath(), null);
    }

    private static String pickupCode() {
        return String.format("%08d", RANDOM.nextInt(100_000_000));
    }
}
