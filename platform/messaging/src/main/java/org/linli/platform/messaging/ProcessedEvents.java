package org.linli.platform.messaging;

import java.time.Instant;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The consumer side of at-least-once delivery: remembers which events this service has handled,
 * by event id, so a redelivered event is skipped.
 *
 * <p>The mark is written after the handler succeeded, so a crash in between lets the event run
 * again: handlers must be idempotent themselves (upsert by id, {@code $set} on exact paths).
 * Where an effect is not naturally idempotent (a points credit), the handler keeps the event id in
 * the same document as the effect and lets a conditional write refuse the repeat; the mark here
 * then only saves work.
 */
public class ProcessedEvents {

    private static final Logger log = LoggerFactory.getLogger(ProcessedEvents.class);
    static final String COLLECTION = "processed_events";

    private final MongoOperations mongo;
    private final String consumer;

    public ProcessedEvents(MongoOperations mongo, String consumer) {
        this.mongo = mongo;
        this.consumer = consumer;
    }

    /** Decodes a record and runs the handler unless this event was handled before. */
    public void receive(String json, Consumer<IncomingEvent> handler) {
        IncomingEvent event = EventJson.fromWire(json);
        String key = consumer + ":" + event.eventId();
        if (mongo.exists(Query.query(Criteria.where("_id").is(key)), Mark.class)) {
            log.debug("skipping {} {}: already processed", event.type(), event.eventId());
            return;
        }
        handler.accept(event);
        try {
            mongo.insert(new Mark(key, consumer, event.eventId(), event.type(), Instant.now()));
        } catch (DuplicateKeyException concurrentRedelivery) {
            log.debug("{} {} was marked concurrently", event.type(), event.eventId());
        }
    }

    /**
     * One handled event. Kept 30 days (TTL index on MongoDB): far longer than any redelivery, which
     * comes from the relay's retries or a consumer rewinding within Kafka's retention (7 days).
     */
    @Document(COLLECTION)
    record Mark(@Id String id, @Indexed String consumer, String eventId, String type,
                @Indexed(expireAfter = "30d") Instant processedAt) {
    }
}
