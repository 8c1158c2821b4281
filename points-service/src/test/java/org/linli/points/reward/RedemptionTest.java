package org.linli.points.reward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.linli.platform.messaging.PendingEvent;
import org.linli.platform.domain.BusinessRuleViolation;

class RedemptionTest {

    private static final Instant NOW = Instant.parse("2026-11-21T02:00:00Z");
    private static final Reward RICE = Reward.list("大米", null, 30, 10, 2, null, null, "c1", "/s/c1/", NOW);

    @Test
    void aConfirmedRedemptionCarriesItsPickupCodeAndRecordsRedemptionMade() {
        Redemption redemption = Redemption.pending("a", "A", RICE, 2, NOW);
        assertThat(redemption.points()).isEqualTo(60);

        redemption.confirm("12345678", NOW);

        assertThat(redemption.status()).isEqualTo(Redemption.Status.CONFIRMED);
        assertThat(redemption.pickupCode()).isEqualTo("12345678");
        assertThat(redemption.pendingEvents()).extracting(PendingEvent::type).containsExactly("RedemptionMade");
    }

    @Test
    void aCancellationIsUnsettledUntilTheRefundIsDoneAndSpendsThePickupCode() {
        Redemption redemption = Redemption.pending("a", "A", RICE, 1, NOW);
        redemption.confirm("12345678", NOW);

        redemption.cancel("a", NOW);

        assertThat(redemption.settled()).isFalse();
        assertThat(redemption.pickupCode()).isNull();
        assertThat(redemption.pendingEvents()).extracting(PendingEvent::type)
                .containsExactly("RedemptionMade", "RedemptionCancelled");
        redemption.settle();
        assertThat(redemption.settled()).isTrue();
    }

    @Test
    void refusesToCancelWhatWasHandedOverAndToHandOverWhatWasCancelled() {
        Redemption fulfilled = Redemption.pending("a", "A", RICE, 1, NOW);
        fulfilled.confirm("12345678", NOW);
        fulfilled.fulfil("staff", NOW);
        assertThatThrownBy(() -> fulfilled.cancel("a", NOW))
                .isInstanceOf(BusinessRuleViolation.class).hasFieldOrPropertyWithValue("code", "redemption-fulfilled");

        Redemption cancelled = Redemption.pending("a", "A", RICE, 1, NOW);
        cancelled.confirm("87654321", NOW);
        cancelled.cancel("a", NOW);
        assertThatThrownBy(() -> cancelled.fulfil("staff", NOW))
                .isInstanceOf(BusinessRuleViolation.class).hasFieldOrPropertyWithValue("code", "redemption-cancelled");
    }

    @Test
    void refusesAnEmptyRedemptionAndAFreeOrNegativeReward() {
        assertThatThrownBy(() -> Redemption.pending("a", "A", RICE, 0, NOW))
                .isInstanceOf(BusinessRuleViolation.class).hasFieldOrPropertyWithValue("code", "invalid-quantity");
        assertThatThrownBy(() -> Reward.list("x", null, 0, 1, null, null, null, "c1", "/s/c1/", NOW))
                .isInstanceOf(BusinessRuleViolation.class).hasFieldOrPropertyWithValue("code", "invalid-price");
        assertThatThrownBy(() -> Reward.list("x", null, 5, -1, null, null, null, "c1", "/s/c1/", NOW))
                .isInstanceOf(BusinessRuleViolation.class).hasFieldOrPropertyWithValue("code", "invalid-stock");
    }
}
