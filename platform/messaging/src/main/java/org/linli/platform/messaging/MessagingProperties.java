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
 */
@ConfigurationProperties("linli.messaging")
public record MessagingProperties(String topic, String consumer, @DefaultValue Outbox outbox, @DefaultValue Retry retry) {

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
