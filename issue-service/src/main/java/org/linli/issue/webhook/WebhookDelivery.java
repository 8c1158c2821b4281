package org.linli.issue.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.linli.platform.domain.BusinessRuleViolation;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One event for one subscription, and its log of attempts. It is the sender's queue entry too: PENDING with a
 * {@code nextAttemptAt} until a subscriber answers 2xx (DELIVERED), retried with {@link Backoff} until
 * {@code maxAttempts} (FAILED), HELD while its subscription is paused. The body is the event envelope exactly as
 * published on {@code issue.events}; one delivery per subscription and event id (a unique index).
 */
@Document("webhook_deliveries")
@CompoundIndex(name = "subscription_event", def = "{'subscriptionId': 1, 'eventId': 1}", unique = true)
@CompoundIndex(name = "queue", def = "{'status': 1, 'nextAttemptAt': 1}")
@CompoundIndex(name = "log", def = "{'subscriptionId': 1, 'createdAt': -1}")
class WebhookDelivery {

    enum Status { PENDING, HELD, DELIVERED, FAILED }

    /** Attempts kept in the log of one delivery; older ones are dropped. */
    static final int KEPT_ATTEMPTS = 20;

    /**
     * One attempt: when, the subscriber's HTTP status ({@code null} when none came: refused, timed out), a short
     * error for those, and how long it took.
     */
    record WebhookAttempt(Instant at, Integer responseStatus, String error, long millis) {
        boolean succeeded() {
            return responseStatus != null && responseStatus >= 200 && responseStatus < 300;
        }
    }

    @Id
    private String id;
    private String subscriptionId;
    private String eventId;
    private String eventType;
    private String body;
    private Status status;
    private Instant nextAttemptAt;
    /** Failed attempts since it was queued or last redelivered (what the backoff and maxAttempts count). */
    private int failuresInRound;
    private int attemptCount;
    private List<WebhookAttempt> attempts = new ArrayList<>();
    private Instant createdAt;
    private Instant deliveredAt;
    @Version
    private Long version;

    protected WebhookDelivery() {
    }

    static WebhookDelivery queued(WebhookSubscription subscription, String eventId, String eventType, String body,
                                  Instant now) {
        WebhookDelivery delivery = new WebhookDelivery();
        delivery.id = UUID.randomUUID().toString();
        delivery.subscriptionId = subscription.id();
        delivery.eventId = eventId;
        delivery.eventType = eventType;
        delivery.body = body;
        delivery.createdAt = now;
        if (subscription.paused()) {
            delivery.hold();
        } else {
            delivery.status = Status.PENDING;
            delivery.nextAttemptAt = now;
        }
        return delivery;
    }

    void succeeded(WebhookAttempt attempt) {
        log(attempt);
        status = Status.DELIVERED;
        deliveredAt = attempt.at();
        nextAttemptAt = null;
        failuresInRound = 0;
    }

    /** A failed attempt: held when the subscription is now paused, given up after {@code maxAttempts}, else retried. */
    void failed(WebhookAttempt attempt, boolean subscriptionPaused, Backoff backoff, int maxAttempts) {
        log(attempt);
        failuresInRound++;
        if (subscriptionPaused) {
            hold();
        } else if (failuresInRound >= maxAttempts) {
            status = Status.FAILED;
            nextAttemptAt = null;
        } else {
            status = Status.PENDING;
            nextAttemptAt = attempt.at().plus(backoff.after(failuresInRound));
        }
    }

    /** Waits for its paused subscription. */
    void hold() {
        status = Status.HELD;
        nextAttemptAt = null;
    }

    /** Queued again by hand, as a new round of attempts; 422 while queued already or its subscription is paused. */
    void redeliver(boolean subscriptionPaused, Instant now) {
        if (subscriptionPaused) {
            throw new BusinessRuleViolation("subscription-paused", "resume the subscription before redelivering");
        }
        if (status == Status.PENDING) {
            throw new BusinessRuleViolation("delivery-queued", "the delivery is already queued");
        }
        status = Status.PENDING;
        nextAttemptAt = now;
        failuresInRound = 0;
    }

    private void log(WebhookAttempt attempt) {
        attemptCount++;
        attempts.add(attempt);
        if (attempts.size() > KEPT_ATTEMPTS) {
            attempts = new ArrayList<>(attempts.subList(attempts.size() - KEPT_ATTEMPTS, attempts.size()));
        }
    }

    static WebhookAttempt attempt(Instant at, Integer responseStatus, String error, Duration took) {
        return new WebhookAttempt(at, responseStatus, error, took.toMillis());
    }

    String id() { return id; }
    String subscriptionId() { return subscriptionId; }
    String eventId() { return eventId; }
    String eventType() { return eventType; }
    String body() { return body; }
    Status status() { return status; }
    Instant nextAttemptAt() { return nextAttemptAt; }
    int attemptCount() { return attemptCount; }
    List<WebhookAttempt> attempts() { return List.copyOf(attempts); }
    Instant createdAt() { return createdAt; }
    Instant deliveredAt() { return deliveredAt; }
}
