package org.linli.points.reward;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.points.ledger.Ledger;
import org.linli.points.ledger.LedgerEntry;
import org.linli.points.ledger.LedgerEntry.Context;
import org.linli.points.ledger.Posting;
import org.linli.points.ledger.Reason;
import org.linli.points.ledger.StoreForTests;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Random sequences of earning credits (with repeated references and a daily cap), redemptions,
 * cancellations and redelivered credits, run against the real ledger, stock and redemption code on
 * a real store, next to a simple model. After every step: the outcome is the model's; every
 * account's entries are numbered without gaps, each balance is the previous plus the amount and
 * never negative, the sum of amounts is the balance; no reference is used twice; stock never goes
 * below zero and stock plus what live redemptions hold is the initial stock; every confirmed
 * redemption has one debit, every cancelled one a debit and an equal refund.
 */
class LedgerInvariantsPropertyTest {

    private static final String[] ACCOUNTS = {"a", "b", "c"};
    private static final long CAP = 100;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T02:00:00Z"), ZoneOffset.UTC);
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    sealed interface Step permits Earn, Redeem, Cancel, Redeliver {
    }

    record Earn(int account, int deed, long amount) implements Step {
    }

    record Redeem(int account, int reward, int quantity) implements Step {
    }

    record Cancel(int pick) implements Step {
    }

    record Redeliver(int pick) implements Step {
    }

    @Property(tries = 60)
    void theLedgerNeverLiesWhateverHappensInWhateverOrder(@ForAll("steps") @Size(max = 40) List<Step> steps) {
        MongoTemplate mongo = StoreForTests.freshDatabase();
        Ledger ledger = new Ledger(mongo, CLOCK, ZONE);
        Redemptions redemptions = new Redemptions(mongo, ledger, new Rewards(mongo), CLOCK, ZONE);
        List<Reward> rewards = List.of(
                mongo.insert(Reward.list("大米", null, 30, 3, 2, null, null, "c1", "/s/c1/", CLOCK.instant())),
                mongo.insert(Reward.list("食用油", null, 50, 5, null, null, null, "c1", "/s/c1/", CLOCK.instant())));
        Model model = new Model(rewards);

        for (Step step : steps) {
            if (step instanceof Earn earn) {
                    String account = ACCOUNTS[earn.account()];
                    String reference = "activity:act-" + earn.deed() + ":" + account;
                    Posting posting = ledger.credit(account, earn.amount(), Reason.ACTIVITY, reference, Context.NONE,
                            CAP, null);
                    assertThat(posting.outcome()).isEqualTo(model.earn(account, reference, earn.amount()));
                    model.credits.add(new Earn(earn.account(), earn.deed(), earn.amount()));
            } else if (step instanceof Redeliver redeliver) {
                    if (model.credits.isEmpty()) {
                        continue;
                    }
                    Earn earlier = model.credits.get(redeliver.pick() % model.credits.size());
                    String account = ACCOUNTS[earlier.account()];
                    Posting posting = ledger.credit(account, earlier.amount(), Reason.ACTIVITY,
                            "activity:act-" + earlier.deed() + ":" + account, Context.NONE, CAP, null);
                    assertThat(posting.outcome()).isIn(Posting.Outcome.DUPLICATE, Posting.Outcome.CAP_REACHED);
                    assertThat(posting.recorded()).isEqualTo(model.used.contains(account
                            + "|activity:act-" + earlier.deed() + ":" + account));
            } else if (step instanceof Redeem redeem) {
                    String account = ACCOUNTS[redeem.account()];
                    Reward reward = rewards.get(redeem.reward());
                    String expected = model.redeem(account, reward, redeem.quantity());
                    try {
                        Redemption made = redemptions.redeem(account, null, reward.id(), redeem.quantity());
                        assertThat(expected).isEqualTo("ok");
                        assertThat(made.status()).isEqualTo(Redemption.Status.CONFIRMED);
                        model.confirmed.add(made.id());
                        model.held.put(made.id(), new Model.Hold(account, redeem.reward(), redeem.quantity(),
                                reward.pointsPrice() * redeem.quantity()));
                    } catch (BusinessRuleViolation refused) {
                        assertThat(refused.code()).isEqualTo(expected);
                    }
            } else if (step instanceof Cancel cancel) {
                    if (model.confirmed.isEmpty()) {
                        continue;
                    }
                    String id = model.confirmed.remove(cancel.pick() % model.confirmed.size());
                    Redemption cancelled = redemptions.cancel(id, "someone");
                    assertThat(cancelled.status()).isEqualTo(Redemption.Status.CANCELLED);
                    assertThat(cancelled.settled()).isTrue();
                    model.cancel(id);
            }
            checkInvariants(mongo, ledger, model);
        }
    }

    private static void checkInvariants(MongoTemplate mongo, Ledger ledger, Model model) {
        for (String account : ACCOUNTS) {
            List<LedgerEntry> entries = mongo.find(Query.query(Criteria.where("accountId").is(account))
                    .with(Sort.by("sequence")), LedgerEntry.class);
            long balance = 0;
            Set<String> references = new HashSet<>();
            for (int i = 0; i < entries.size(); i++) {
                LedgerEntry entry = entries.get(i);
                assertThat(entry.sequence()).isEqualTo(i + 1);
                assertThat(entry.balanceAfter()).isEqualTo(balance + entry.amount()).isNotNegative();
                assertThat(references.add(entry.reference())).as("reference used once").isTrue();
                balance = entry.balanceAfter();
            }
            assertThat(entries.stream().mapToLong(LedgerEntry::amount).sum()).isEqualTo(balance);
            assertThat(ledger.balance(account)).isEqualTo(balance).isEqualTo(model.balance(account));
        }
        for (int r = 0; r < model.rewards.size(); r++) {
            Reward stored = mongo.findById(model.rewards.get(r).id(), Reward.class);
            int index = r;
            int held = model.held.values().stream().filter(hold -> hold.reward() == index)
                    .mapToInt(Model.Hold::quantity).sum();
            assertThat(stored.stock()).isNotNegative().isEqualTo(model.rewards.get(r).stock() - held);
        }
        for (Redemption redemption : mongo.findAll(Redemption.class)) {
            var debit = ledger.byReference(redemption.accountId(), "redemption:" + redemption.id());
            var refund = ledger.byReference(redemption.accountId(), "refund:" + redemption.id());
            switch (redemption.status()) {
                case CONFIRMED -> {
                    assertThat(debit).get().extracting(LedgerEntry::amount).isEqualTo(-redemption.points());
                    assertThat(refund).isEmpty();
                }
                case CANCELLED -> {
                    assertThat(debit).isPresent();
                    assertThat(refund).get().extracting(LedgerEntry::amount).isEqualTo(redemption.points());
                }
                case FAILED -> assertThat(debit).isEmpty();
                default -> throw new AssertionError("unexpected " + redemption.status());
            }
        }
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> earn = Combinators.combine(Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 8), Arbitraries.longs().between(1, 60)).as(Earn::new);
        Arbitrary<Step> redeem = Combinators.combine(Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 1), Arbitraries.integers().between(1, 2)).as(Redeem::new);
        Arbitrary<Step> cancel = Arbitraries.integers().between(0, 20).map(Cancel::new);
        Arbitrary<Step> redeliver = Arbitraries.integers().between(0, 20).map(Redeliver::new);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, earn), net.jqwik.api.Tuple.of(4, redeem),
                net.jqwik.api.Tuple.of(1, cancel), net.jqwik.api.Tuple.of(2, redeliver)).list().ofMaxSize(40);
    }

    /** What should happen, kept in plain maps. */
    private static final class Model {

        record Hold(String account, int reward, int quantity, long points) {
        }

        final List<Reward> rewards;
        final Map<String, Long> balances = new HashMap<>();
        final Map<String, Long> earned = new HashMap<>();
        final Set<String> used = new HashSet<>();
        final List<Earn> credits = new ArrayList<>();
        final List<String> confirmed = new ArrayList<>();
        final Map<String, Hold> held = new HashMap<>();
        final Map<String, Integer> claimed = new HashMap<>();

        Model(List<Reward> rewards) {
            this.rewards = rewards;
        }

        long balance(String account) {
            return balances.getOrDefault(account, 0L);
        }

        Posting.Outcome earn(String account, String reference, long amount) {
            if (used.contains(account + "|" + reference)) {
                return Posting.Outcome.DUPLICATE;
            }
            long granted = Math.min(amount, CAP - earned.getOrDefault(account, 0L));
            if (granted <= 0) {
                return Posting.Outcome.CAP_REACHED;
            }
            used.add(account + "|" + reference);
            earned.merge(account, granted, Long::sum);
            balances.merge(account, granted, Long::sum);
            return granted < amount ? Posting.Outcome.CAPPED : Posting.Outcome.APPLIED;
        }

        String redeem(String account, Reward reward, int quantity) {
            int index = rewards.indexOf(reward);
            String claimKey = account + "|" + index;
            if (reward.perPersonLimit() != null
                    && claimed.getOrDefault(claimKey, 0) + quantity > reward.perPersonLimit()) {
                return "per-person-limit";
            }
            int heldNow = held.values().stream().filter(hold -> hold.reward() == index).mapToInt(Hold::quantity).sum();
            if (reward.stock() - heldNow < quantity) {
                return "out-of-stock";
            }
            long points = reward.pointsPrice() * quantity;
            if (balance(account) < points) {
                return "insufficient-points";
            }
            balances.merge(account, -points, Long::sum);
            if (reward.perPersonLimit() != null) {
                claimed.merge(claimKey, quantity, Integer::sum);
            }
            return "ok";
        }

        void cancel(String id) {
            Hold hold = held.remove(id);
            balances.merge(hold.account(), hold.points(), Long::sum);
            claimed.computeIfPresent(hold.account() + "|" + hold.reward(), (key, count) -> count - hold.quantity());
        }
    }
}
