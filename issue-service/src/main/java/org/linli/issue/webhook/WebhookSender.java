package org.linli.issue.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

/**
 * Sends the due deliveries, one attempt each: claims it, signs and posts it, then records the outcome on the
 * delivery (delivered, retried later with backoff, given up) and on its subscription (failures in a row; the
 * fifth pauses it and holds the rest of its queue). Scheduled by {@link WebhookConfiguration}.
 */
@Component
class WebhookSender {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

    private final WebhookQueue queue;
    private final MongoOperations mongo;
    private final WebhookClient client;
    private final TargetPolicy targets;
    private final WebhookSettings settings;
    private final Clock clock;

    WebhookSender(WebhookQueue queue, MongoOperations mongo, WebhookClient client, TargetPolicy targets,
                  WebhookSettings settings, Clock clock) {
        this.queue = queue;
        this.mongo = mongo;
        this.client = client;
        this.targets = targets;
        this.settings = settings;
        this.clock = clock;
    }

    /** One pass over what is due; answers how many attempts were made. */
    int sendDue() {
        Instant now = clock.instant();
        int sent = 0;
        for (WebhookDelivery due : queue.due(now, settings.batch())) {
            // each lease runs from its own claim: a pass of slow targets must not hand out leases already over
            Instant claimedAt = clock.instant();
            Optional<WebhookDelivery> claimed = queue.claim(due.id(), claimedAt, claimedAt.plus(settings.lease()));
            if (claimed.isPresent()) {
                try {
                    sent += attempt(claimed.get()) ? 1 : 0;
                } catch (OptimisticLockingFailureException changedMeanwhile) {
                    log.debug("delivery {} changed during its attempt; its outcome is not recorded", due.id());
                }
            }
        }
        return sent;
    }

    private boolean attempt(WebhookDelivery delivery) {
        WebhookSubscription subscription = mongo.findById(delivery.subscriptionId(), WebhookSubscription.class);
        if (subscription == null) {
            return false; // deleted meanwhile, with its log
        }
        if (subscription.paused()) {
            delivery.hold();
            queue.save(delivery);
            return false;
        }
        WebhookDelivery.WebhookAttempt attempt = targets.allows(subscription.targetUrl())
                ? client.post(targets.require(subscription.targetUrl()), delivery.id(), subscription.secret(), delivery.body())
                : client.refused("target-not-allowed");
        boolean pausedNow = recordOn(subscription, attempt);
        if (attempt.succeeded()) {
            delivery.succeeded(attempt);
        } else {
            delivery.failed(attempt, pausedNow, settings.backoff(), settings.maxAttempts());
        }
        queue.save(delivery);
        if (pausedNow) {
            log.warn("webhook subscription {} paused after {} failed attempts in a row", subscription.id(),
                    settings.pauseAfter());
            queue.holdAll(subscription.id());
        }
        return true;
    }

    /** The attempt on its subscription, re-read and applied again when an admin changed it meanwhile. */
    private boolean recordOn(WebhookSubscription subscription, WebhookDelivery.WebhookAttempt attempt) {
        WebhookSubscription current = subscription;
        for (int tries = 0; ; tries++) {
            boolean wasPaused = current.paused();
            boolean paused = false;
            if (attempt.succeeded()) {
                current.attemptSucceeded();
            } else {
                paused = current.attemptFailed(attempt.at(), settings.pauseAfter());
            }
            try {
                mongo.save(current);
                return paused && !wasPaused;
            } catch (OptimisticLockingFailureException changed) {
                current = mongo.findById(subscription.id(), WebhookSubscription.class);
                if (current == null || tries >= 3) {
                    return false;
                }
            }
        }
    }
}
