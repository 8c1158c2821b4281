package org.linli.issue.webhook;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Webhook settings ({@code linli.webhooks.*}).
 *
 * @param allowedSchemes  schemes a target URL may use ({@code https}; {@code http} too under ./linli)
 * @param allowedHosts    hosts a target URL may name: an exact name or {@code *.suffix}; empty allows none (the
 *                        county lists the hosts of its systems; ./linli adds localhost)
 * @param connectTimeout  connecting to a subscriber
 * @param readTimeout     waiting for a subscriber's answer
 * @param sendInterval    how often the sender looks for due deliveries
 * @param batch           deliveries sent per look
 * @param firstRetry      pause after the first failed attempt; doubles after each further one…
 * @param maxRetry        …up to this
 * @param maxAttempts     attempts of one delivery before it is given up (FAILED; redeliver by hand)
 * @param pauseAfter      consecutive failed attempts of a subscription that pause it
 * @param senderEnabled   whether the sender is scheduled at all
 */
@ConfigurationProperties("linli.webhooks")
record WebhookSettings(@DefaultValue("https") List<String> allowedSchemes, @DefaultValue List<String> allowedHosts,
                       @DefaultValue("2s") Duration connectTimeout, @DefaultValue("5s") Duration readTimeout,
                       @DefaultValue("5s") Duration sendInterval, @DefaultValue("50") int batch,
                       @DefaultValue("30s") Duration firstRetry, @DefaultValue("6h") Duration maxRetry,
                       @DefaultValue("10") int maxAttempts, @DefaultValue("5") int pauseAfter,
                       @DefaultValue("true") boolean senderEnabled) {

    Backoff backoff() {
        return new Backoff(firstRetry, maxRetry);
    }

    /** How long a claimed delivery is kept from other senders: long enough for one attempt to finish. */
    Duration lease() {
        return connectTimeout.plus(readTimeout).multipliedBy(2);
    }
}
