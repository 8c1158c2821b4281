package org.linli.issue.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.linli.issue.webhook.WebhookSubscriptionTest.T0;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.linli.platform.domain.BusinessRuleViolation;

class WebhookDeliveryTest {

    private static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(30), Duration.ofHours(6));

    private final WebhookDelivery delivery = WebhookDelivery.queued(WebhookSubscriptionTest.ofCommunity(), "event-1",
            "IssueClosed", "{}", T0);

    private static WebhookDelivery.WebhookAttempt answered(int status, long secondsAfterT0) {
        return WebhookDelivery.attempt(T0.plusSeconds(secondsAfterT0), status, null, Duration.ofMillis(12));
    }

    @Test
    void isDueAtOnceWhenQueued() {
        assertThat(delivery.status()).isEqualTo(WebhookDelivery.Status.PENDING);
        assertThat(delivery.nextAttemptAt()).isEqualTo(T0);
    }

    @Test
    void retriesWithBackoffAfterEachFailureAndIsDeliveredBy2xx() {
        delivery.failed(answered(500, 0), false, BACKOFF, 10);
        assertThat(delivery.nextAttemptAt()).isEqualTo(T0.plusSeconds(30));
        delivery.failed(WebhookDelivery.attempt(T0.plusSeconds(30), null, "ConnectException", Duration.ZERO), false,
                BACKOFF, 10);
        assertThat(delivery.nextAttemptAt()).isEqualTo(T0.plusSeconds(30 + 60));

        delivery.succeeded(answered(204, 90));

        assertThat(delivery.status()).isEqualTo(WebhookDelivery.Status.DELIVERED);
        assertThat(delivery.nextAttemptAt()).isNull();
        assertThat(delivery.attempts()).extracting(WebhookDelivery.WebhookAttempt::responseStatus).containsExactly(500, null, 204);
    }

    @Test
    void givesUpAfterMaxAttemptsAndARedeliveryStartsANewRound() {
        for (int i = 0; i < 3; i++) {
            delivery.failed(answered(503, i), false, BACKOFF, 3);
        }
        assertThat(delivery.status()).isEqualTo(WebhookDelivery.Status.FAILED);

        delivery.redeliver(false, T0.plusSeconds(100));
        assertThat(delivery.status()).isEqualTo(WebhookDelivery.Status.PENDING);
        assertThat(delivery.nextAttemptAt()).isEqualTo(T0.plusSeconds(100));
        delivery.failed(answered(503, 101), false, BACKOFF, 3);
        assertThat(delivery.nextAttemptAt()).as("the backoff starts again").isEqualTo(T0.plusSeconds(131));
    }

    @Test
    void isHeldWhenItsSubscriptionPausedAndCannotBeRedeliveredThen() {
        delivery.failed(answered(500, 0), true, BACKOFF, 10);

        assertThat(delivery.status()).isEqualTo(WebhookDelivery.Status.HELD);
        assertThat(delivery.nextAttemptAt()).isNull();
        assertThatThrownBy(() -> delivery.redeliver(true, T0)).isInstanceOfSatisfying(BusinessRuleViolation.class,
                refused -> assertThat(refused.code()).isEqualTo("subscription-paused"));
    }

    @Test
    void aQueuedDeliveryIsNotQueuedTwice() {
        assertThatThrownBy(() -> delivery.redeliver(false, T0)).isInstanceOfSatisfying(BusinessRuleViolation.class,
                refused -> assertThat(refused.code()).isEqualTo("delivery-queued"));
    }

    @Test
    void keepsTheLatestAttemptsOnly() {
        for (int i = 0; i < WebhookDelivery.KEPT_ATTEMPTS + 5; i++) {
            delivery.failed(answered(500, i), false, BACKOFF, 100);
        }

        assertThat(delivery.attempts()).hasSize(WebhookDelivery.KEPT_ATTEMPTS);
        assertThat(delivery.attemptCount()).isEqualTo(WebhookDelivery.KEPT_ATTEMPTS + 5);
        assertThat(delivery.attempts().get(0).at()).isEqualTo(T0.plusSeconds(5));
    }
}
