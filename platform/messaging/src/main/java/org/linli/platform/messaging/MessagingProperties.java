package org.linli.platform.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Messaging settings of a service ({@code linli.messaging.*}).
 *
 * @param topic     the topic this service publishes to (e.g. {@code org.events}); no relay without it
 * @param consumer  name under which this service remembers processed events (defaults to the application name)
 * @param outbox    relay settings
 * @param retry     consumer retries before a record goes to the dead-letter topic
 * @param readiness how the service finds out whether its store and broker can be reached
 */
@ConfigurationProperties("linli.messaging")
public record MessagingProperties(String topic, String consumer, @DefaultValue Outbox outbox, @DefaultValue Retry retry,
                                  @DefaultValue Readiness readiness) {

    /**
     * @param storeSelectionTimeout how long a store operation (and the store's health check) waits for a
     *                              reachable store before it fails: a request then answers 503, a probe DOWN
     * @param brokerTimeout         how long the broker's health check waits for the cluster's description
     * @param brokerCacheFor        how long one broker answer serves the probes that follow
     */
    public record Readiness(@DefaultValue("5s") Duration storeSelectionTimeout,
                            @DefaultValue("1s") Duration brokerTimeout, @DefaultValue("2s") Duration brokerCacheFor) {
    }

    /**
     * @param enabled      start the relay with the application
     * @param pollInterval how often the safety-net poll looks for pending events
     * @param batchSize    documents per collection per poll
     * @param sendTimeout  how long to wait for the broker's acknowledgement
     * @param threads      relay threads
     */
    public record Outbox(@DefaultValue("true") boolean enabled, @DefaultValue("1s") Duration pollInterval,
                         @DefaultValue("200") int batchSize, @DefaultValue("10s") Duration sendTimeout,
                         @DefaultValue("2") int threads) {
    }

    /**
     * @param attempts retries after the first failure
     * @param backoff  pause between tries
     */
    public record Retry(@DefaultValue("3") int attempts, @DefaultValue("500ms") Duration backoff) {
    }
}
