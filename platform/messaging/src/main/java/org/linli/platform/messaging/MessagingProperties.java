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
 * @param processed how long processed-event marks and applied versions are kept, and how they are purged
 * @param readiness how the service finds out whether its store and broker can be reached
 */
@ConfigurationProperties("linli.messaging")
public record MessagingProperties(String topic, String consumer, @DefaultValue Outbox outbox, @DefaultValue Retry retry,
                                  @DefaultValue Processed processed, @DefaultValue Readiness readiness) {

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
     * @param pollInterval how often the safety-net poll reads the pending markers
     * @param batchSize    markers per poll
     * @param sendTimeout  how long to wait for the broker's acknowledgements of one document's events
     * @param threads      threads relaying kicked documents
     * @param kickQueue    kicked documents waiting for a thread at most; more kicks are dropped (the marker stays,
     *                     the poll relays them)
     * @param maxBackoff   longest pause of the relay after repeated transient failures (broker down)
     * @param adoptOnStart at start, give a marker to documents holding events without one (written before markers
     *                     existed): one query per aggregate collection
     */
    public record Outbox(@DefaultValue("true") boolean enabled, @DefaultValue("1s") Duration pollInterval,
                         @DefaultValue("200") int batchSize, @DefaultValue("10s") Duration sendTimeout,
                         @DefaultValue("2") int threads, @DefaultValue("1000") int kickQueue,
                         @DefaultValue("30s") Duration maxBackoff, @DefaultValue("true") boolean adoptOnStart) {
    }

    /**
     * @param attempts          retries after the first failure (other than transient or invalid-event failures)
     * @param backoff           pause between those tries
     * @param transientBackoff  first pause after a transient failure (store or broker unreachable, timeout); doubled
     *                          on each further failure up to {@code transientMaxBackoff}, never dead-lettered
     * @param transientMaxBackoff longest pause after transient failures
     */
    public record Retry(@DefaultValue("3") int attempts, @DefaultValue("500ms") Duration backoff,
                        @DefaultValue("1s") Duration transientBackoff, @DefaultValue("30s") Duration transientMaxBackoff) {
    }

    /**
     * @param retention     processed-event marks and applied versions older than this are purged
     * @param purgeInterval how often the purge runs
     * @param purgeBatch    documents deleted per batch (a run repeats batches until nothing is left)
     */
    public record Processed(@DefaultValue("30d") Duration retention, @DefaultValue("10m") Duration purgeInterval,
                            @DefaultValue("500") int purgeBatch) {
    }
}
