package org.linli.issue.webhook;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.linli.platform.protection.SensitiveText;
import org.linli.platform.domain.BusinessRuleViolation;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A county system's subscription to issue events (docs/webhooks.md): where to send them, which types, and the
 * org subtree they must lie in. The signing secret is made here, shown once, and stored encrypted.
 *
 * <p>A subscription counts its consecutive failed attempts; at {@code pauseAfter} it is PAUSED (deliveries wait,
 * held) until an admin resumes it. Events that occurred before it was created are never sent.
 */
@Document("webhook_subscriptions")
class WebhookSubscription {

    enum Status { ACTIVE, PAUSED }

    @Id
    private String id;
    private String targetUrl;
    /** Indexed: each event looks up the subscriptions of its type. */
    @Indexed
    private Set<String> eventTypes;
    /** The scope's unit, {@code null} for the whole county. */
    private String scopeUnitId;
    /** The scope's org path when created ({@code /street/community/}), {@code null} for the whole county. */
    @Indexed
    private String scopePath;
    private SensitiveText secret;
    private Status status;
    private int consecutiveFailures;
    private String createdBy;
    private Instant createdAt;
    private Instant pausedAt;
    @Version
    private Long version;

    protected WebhookSubscription() {
    }

    static WebhookSubscription create(String targetUrl, Set<String> eventTypes, String scopeUnitId, String scopePath,
                                      String secret, String createdBy, Instant now) {
        if (eventTypes.isEmpty()) {
            throw new BusinessRuleViolation("event-types-required", "a subscription needs at least one event type");
        }
        WebhookSubscription subscription = new WebhookSubscription();
        subscription.id = UUID.randomUUID().toString();
        subscription.targetUrl = targetUrl.strip();
        subscription.eventTypes = new TreeSet<>(eventTypes);
        subscription.scopeUnitId = scopeUnitId;
        subscription.scopePath = scopePath;
        subscription.secret = SensitiveText.of(secret);
        subscription.status = Status.ACTIVE;
        subscription.createdBy = createdBy;
        subscription.createdAt = now;
        return subscription;
    }

    /**
     * Whether an event goes to this subscription: one of its types, occurred since it was created, about a place
     * whose org path lies in the scope. The scope is matched by its unit's id within the path (paths are chains
     * of unit ids), so it follows the unit when org-service moves it.
     */
    boolean wants(String eventType, String orgPath, Instant occurredAt) {
        return eventTypes.contains(eventType) && !occurredAt.isBefore(createdAt)
                && (scopeUnitId == null || (orgPath != null && orgPath.contains("/" + scopeUnitId + "/")));
    }

    /** A successful attempt: the failures in a row start again from zero. */
    void attemptSucceeded() {
        consecutiveFailures = 0;
    }

    /** A failed attempt; at {@code pauseAfter} failures in a row the subscription pauses. Answers whether it is paused. */
    boolean attemptFailed(Instant now, int pauseAfter) {
        consecutiveFailures++;
        if (status == Status.ACTIVE && consecutiveFailures >= pauseAfter) {
            status = Status.PAUSED;
            pausedAt = now;
        }
        return paused();
    }

    /** Sends again, from zero failures; 422 {@code subscription-not-paused} when it is active. */
    void resume() {
        if (status != Status.PAUSED) {
            throw new BusinessRuleViolation("subscription-not-paused", "the subscription is not paused");
        }
        status = Status.ACTIVE;
        consecutiveFailures = 0;
        pausedAt = null;
    }

    boolean paused() {
        return status == Status.PAUSED;
    }

    String id() { return id; }
    String targetUrl() { return targetUrl; }
    Set<String> eventTypes() { return Set.copyOf(eventTypes); }
    String scopeUnitId() { return scopeUnitId; }
    String scopePath() { return scopePath; }
    String secret() { return SensitiveText.valueOf(secret); }
    Status status() { return status; }
    int consecutiveFailures() { return consecutiveFailures; }
    String createdBy() { return createdBy; }
    Instant createdAt() { return createdAt; }
    Instant pausedAt() { return pausedAt; }
    Long version() { return version; }
}
