package org.linli.issue.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.linli.platform.domain.BusinessRuleViolation;

class WebhookSubscriptionTest {

    static final Instant T0 = Instant.parse("2026-12-05T08:00:00Z");
    static final String PATH = "/street-1/community-1/";

    static WebhookSubscription ofCommunity() {
        return WebhookSubscription.create("https://hooks.county.gov.cn/x", Set.of("IssueClosed"), "community-1", PATH,
                "whsec_test", "admin", T0);
    }

    @Test
    void wantsItsTypesInItsScopeSinceItWasCreated() {
        WebhookSubscription subscription = ofCommunity();

        assertThat(subscription.wants("IssueClosed", "/street-1/community-1/", T0)).isTrue();
        assertThat(subscription.wants("IssueClosed", "/moved/street-1/community-1/", T0.plusSeconds(1)))
                .as("the unit after org-service moved it").isTrue();
        assertThat(subscription.wants("IssueReported", PATH, T0)).as("another type").isFalse();
        assertThat(subscription.wants("IssueClosed", "/street-1/community-2/", T0)).as("another community").isFalse();
        assertThat(subscription.wants("IssueClosed", null, T0)).as("the county queue").isFalse();
        assertThat(subscription.wants("IssueClosed", PATH, T0.minusSeconds(1))).as("before it existed").isFalse();
    }

    @Test
    void aCountyWideSubscriptionWantsEveryPlaceIncludingTheCountyQueue() {
        WebhookSubscription county = WebhookSubscription.create("https://h.cn/", Set.of("IssueClosed"), null, null,
                "s", "county-admin", T0);

        assertThat(county.wants("IssueClosed", PATH, T0)).isTrue();
        assertThat(county.wants("IssueClosed", null, T0)).isTrue();
    }

    @Test
    void pausesAtTheFifthFailureInARowAndASuccessStartsTheCountAgain() {
        WebhookSubscription subscription = ofCommunity();
        for (int i = 0; i < 4; i++) {
            assertThat(subscription.attemptFailed(T0, 5)).isFalse();
        }
        subscription.attemptSucceeded();
        for (int i = 0; i < 4; i++) {
            assertThat(subscription.attemptFailed(T0, 5)).isFalse();
        }

        assertThat(subscription.attemptFailed(T0.plusSeconds(9), 5)).isTrue();
        assertThat(subscription.status()).isEqualTo(WebhookSubscription.Status.PAUSED);
        assertThat(subscription.pausedAt()).isEqualTo(T0.plusSeconds(9));
    }

    @Test
    void resumesOnlyWhenPausedAndFromZeroFailures() {
        WebhookSubscription subscription = ofCommunity();
        assertThatThrownBy(subscription::resume).isInstanceOfSatisfying(BusinessRuleViolation.class,
                refused -> assertThat(refused.code()).isEqualTo("subscription-not-paused"));
        for (int i = 0; i < 5; i++) {
            subscription.attemptFailed(T0, 5);
        }

        subscription.resume();

        assertThat(subscription.status()).isEqualTo(WebhookSubscription.Status.ACTIVE);
        assertThat(subscription.consecutiveFailures()).isZero();
        assertThat(subscription.attemptFailed(T0, 5)).isFalse();
    }

    @Test
    void needsAnEventType() {
        assertThatThrownBy(() -> WebhookSubscription.create("https://h.cn/", Set.of(), null, null, "s", "a", T0))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                        refused -> assertThat(refused.code()).isEqualTo("event-types-required"));
    }
}
