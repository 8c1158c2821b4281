package org.linli.points.reward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.linli.platform.test.MutableClock;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.points.ledger.Ledger;
import org.linli.points.ledger.LedgerEntry.Context;
import org.linli.points.ledger.Reason;
import org.linli.points.ledger.StoreForTests;
import org.springframework.data.mongodb.core.MongoTemplate;

/** What a crash leaves half done is finished or undone by the sweeper, on a real store without Spring. */
class RedemptionRecoveryTest {

    private static final Instant T0 = Instant.parse("2026-11-21T02:00:00Z");
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final MongoTemplate mongo = StoreForTests.freshDatabase();
    private final MutableClock clock = new MutableClock(T0);
    private final Ledger ledger = new Ledger(mongo, clock, ZONE);
    private final Rewards rewards = new Rewards(mongo);
    private final Redemptions redemptions = new Redemptions(mongo, ledger, rewards, clock, ZONE);
    private final Reward rice = mongo.insert(Reward.list("大米", null, 30, 5, 2, null, null, "c1", "/s/c1/", T0));

    @Test
    void aRedemptionAbandonedAfterTakingStockIsUndoneAndTheStockAndLimitGivenBack() {
        ledger.credit("a", 100, Reason.CORRECTION, "correction:1", Context.NONE, null, null);
        Redemption crashed = mongo.insert(Redemption.pending("a", "A", rice, 2, T0));
        assertThat(rewards.claim(rice.id(), "a", crashed.id(), 2, 2)).isTrue();
        assertThat(rewards.take(rice.id(), crashed.id(), 2)).isTrue();

        clock.advance(Duration.ofMinutes(1));
        assertThat(redemptions.sweep(Duration.ofMinutes(2))).isZero();
        clock.advance(Duration.ofMinutes(2));
        assertThat(redemptions.sweep(Duration.ofMinutes(2))).isEqualTo(1);

        Redemption swept = redemptions.find(crashed.id());
        assertThat(swept.status()).isEqualTo(Redemption.Status.FAILED);
        assertThat(swept.failure()).isEqualTo("abandoned");
        assertThat(mongo.findById(rice.id(), Reward.class).stock()).isEqualTo(5);
        assertThat(ledger.balance("a")).isEqualTo(100);
        assertThat(redemptions.redeem("a", "A", rice.id(), 2).status()).isEqualTo(Redemption.Status.CONFIRMED);
    }

    @Test
    void aRedemptionThatCrashedAfterTheDebitIsConfirmedWithAPickupCode() {
        ledger.credit("a", 100, Reason.CORRECTION, "correction:1", Context.NONE, null, null);
        Redemption crashed = mongo.insert(Redemption.pending("a", "A", rice, 1, T0));
        rewards.take(rice.id(), crashed.id(), 1);
        ledger.debit("a", 30, Reason.REDEMPTION, "redemption:" + crashed.id(), Context.NONE, null);

        clock.advance(Duration.ofMinutes(5));
        redemptions.sweep(Duration.ofMinutes(2));

        Redemption swept = redemptions.find(crashed.id());
        assertThat(swept.status()).isEqualTo(Redemption.Status.CONFIRMED);
        assertThat(swept.pickupCode()).matches("\\d{8}");
        assertThat(swept.pendingEvents()).hasSize(1);
        assertThat(mongo.findById(rice.id(), Reward.class).stock()).isEqualTo(4);
        assertThat(ledger.balance("a")).isEqualTo(70);
    }

    @Test
    void aRequestSweptWhileStillRunningRefundsItsOwnDebitWhenItTriesToConfirm() {
        ledger.credit("a", 100, Reason.CORRECTION, "correction:1", Context.NONE, null, null);
        Redemption slow = mongo.insert(Redemption.pending("a", "A", rice, 1, T0));
        Redemption stale = redemptions.find(slow.id());
        rewards.take(rice.id(), slow.id(), 1);
        clock.advance(Duration.ofMinutes(5));
        redemptions.sweep(Duration.ofMinutes(2));
        // the slow request goes on: its debit lands after the sweep undid the redemption
        ledger.debit("a", 30, Reason.REDEMPTION, "redemption:" + slow.id(), Context.NONE, null);

        assertThatThrownBy(() -> redemptions.confirm(stale))
                .isInstanceOf(BusinessRuleViolation.class).hasFieldOrPropertyWithValue("code", "redemption-abandoned");
        assertThat(ledger.balance("a")).isEqualTo(100);
        assertThat(ledger.byReference("a", "refund:" + slow.id())).isPresent();
        assertThat(mongo.findById(rice.id(), Reward.class).stock()).isEqualTo(5);
    }

    @Test
    void aCancellationInterruptedBeforeTheRefundIsSettledOnceByTheSweeper() {
        ledger.credit("a", 100, Reason.CORRECTION, "correction:1", Context.NONE, null, null);
        Redemption made = redemptions.redeem("a", "A", rice.id(), 1);
        made.cancel("a", clock.instant());
        mongo.save(made);

        redemptions.sweep(Duration.ofMinutes(2));
        redemptions.sweep(Duration.ofMinutes(2));

        assertThat(redemptions.find(made.id()).settled()).isTrue();
        assertThat(ledger.balance("a")).isEqualTo(100);
        assertThat(mongo.findById(rice.id(), Reward.class).stock()).isEqualTo(5);
    }
}
