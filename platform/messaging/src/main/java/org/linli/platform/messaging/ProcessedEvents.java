package org.linli.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.linli.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The consumer side of at-least-once delivery: remembers which events this service has handled,
 * by event id, so a redelivered event is skipped.
 *
 * <p>The mark is written after the handler succeeded, so a crash in between lets the event run
 * again: handlers must be idempotent themselves (upsert by id, {@code $set} on exact paths).
 * Where an effect is not naturally idempotent (a points credit), the handler keeps the event id in
 * the same document as the effect and lets a conditional write refuse the repeat; the mark here
 * then only saves work.
 *
 * <p>A listener names what it does per event type in an {@link EventHandlers} table. The types it keeps a read
 * copy from are registered in order: an event whose {@code aggregateVersion} is not above the highest one
 * applied for that aggregate is skipped, so a late or replayed older event never overwrites a newer state.
 * The types whose every event is an effect to count (a credit) are registered plainly; an effect that is
 * idempotent by itself on a busy topic (a complaint upserted by issue id) may skip the mark ({@code onIdempotent…}).
 *
 * <p>A record re-published by the dead-letter replay carries {@value #REPLAY_FOR_HEADER}: only the
 * consumer group named there handles it ({@link #isReplayForAnotherGroup}, applied to every listener
 * by the messaging auto-configuration).
 */
public class ProcessedEvents {

    /** Header of a replayed dead letter: the consumer group it is meant for. */
    public static final String REPLAY_FOR_HEADER = Topics.REPLAY_FOR_HEADER;
    static final String COLLECTION = "processed_events";
    static final String APPLIED = "applied_versions";
    private static final Logger log = LoggerFactory.getLogger(ProcessedEvents.class);

    private final MongoOperations mongo;
    private final String consumer;

    public ProcessedEvents(MongoOperations mongo, String consumer) {
        this.mongo = mongo;
        this.consumer = consumer;
    }

    /**
     * Decodes a record and, when {@code handlers} has a handler for its type, runs it unless this event was
     * handled before; for a type registered in order, also unless its aggregate version is not above the highest
     * applied for its aggregate (events without a version are applied). Any other type is dropped without a read
     * or a mark in the store (a busy topic's other events cost nothing).
     */
    public void receive(String json, EventHandlers handlers) {
        IncomingEvent event = EventJson.fromWire(json);
        if (!handlers.handles(event.type())) {
            return;
        }
        if (handlers.marked(event.type())) {
            receive(event, handlers.inOrder(event.type()), handlers::dispatch);
        } else {
            handlers.dispatch(event); // idempotent by itself: no mark to read or write
        }
    }

    /**
     * As {@link #receive(String, EventHandlers)}, for a listener that treats every type alike and learns the
     * {@code handledTypes} only at run time (the webhook subscriptions): none is applied in order.
     */
    public void receive(String json, Set<String> handledTypes, Consumer<IncomingEvent> handler) {
        IncomingEvent event = EventJson.fromWire(json);
        if (handledTypes.contains(event.type())) {
            receive(event, false, handler);
        }
    }

    private void receive(IncomingEvent event, boolean inOrder, Consumer<IncomingEvent> handler) {
        String key = consumer + ":" + event.eventId();
        if (mongo.exists(Query.query(Criteria.where("_id").is(key)), Mark.class)) {
            log.debug("skipping {} {}: already processed", event.type(), event.eventId());
            return;
        }
        boolean ordered = inOrder && event.aggregateVersion() != null;
        if (ordered && !newerThanApplied(event)) {
            log.debug("skipping {} {}: version {} of {} is not newer than the one applied", event.type(),
                    event.eventId(), event.aggregateVersion(), event.aggregateId());
        } else {
            handler.accept(event);
            if (ordered) {
                rememberApplied(event);
            }
        }
        try {
            mongo.insert(new Mark(key, consumer, event.eventId(), event.type(), Instant.now()));
        } catch (DuplicateKeyException concurrentRedelivery) {
            log.debug("{} {} was marked concurrently", event.type(), event.eventId());
        }
    }

    /** Whether a record is a replayed dead letter meant for another consumer group than {@code group}. */
    public static boolean isReplayForAnotherGroup(Headers headers, String group) {
        Header replayFor = headers.lastHeader(REPLAY_FOR_HEADER);
        return replayFor != null && !new String(replayFor.value(), StandardCharsets.UTF_8).equals(group);
    }

    /**
     * Deletes marks and applied versions older than {@code cutoff}, {@code batch} documents at a time (the
     * embedded store ignores TTL indexes); returns how many were deleted.
     */
    public int purgeOlderThan(Instant cutoff, int batch) {
        return purge(Mark.class, "processedAt", cutoff, batch) + purge(AppliedVersion.class, "updatedAt", cutoff, batch);
    }

    private int purge(Class<?> type, String field, Instant cutoff, int batch) {
        int deleted = 0;
        while (true) {
            Query old = Query.query(Criteria.where(field).lt(cutoff)).limit(batch);
            old.fields().include("_id");
            List<Object> ids = mongo.find(old, org.bson.Document.class, mongo.getCollectionName(type)).stream()
                    .map(doc -> doc.get("_id")).toList();
            if (ids.isEmpty()) {
                return deleted;
            }
            deleted += (int) mongo.remove(Query.query(Criteria.where("_id").in(ids)), type).getDeletedCount();
            if (ids.size() < batch) {
                return deleted;
            }
        }
    }

    private boolean newerThanApplied(IncomingEvent event) {
        AppliedVersion applied = mongo.findById(appliedKey(event), AppliedVersion.class);
        return applied == null || event.aggregateVersion() > applied.version();
    }

    private void rememberApplied(IncomingEvent event) {
        mongo.upsert(Query.query(Criteria.where("_id").is(appliedKey(event))),
                new Update().max("version", event.aggregateVersion()).set("updatedAt", Instant.now()),
                AppliedVersion.class);
    }

    private String appliedKey(IncomingEvent event) {
        return consumer + ":" + event.aggregateId();
    }

    /**
     * One handled event. Kept 30 days (TTL index on MongoDB, the scheduled purge elsewhere): far longer than
     * any redelivery, which comes from the relay's retries or a consumer rewinding within Kafka's retention (7 days).
     */
    @Document(COLLECTION)
    record Mark(@Id String id, @Indexed String consumer, String eventId, String type,
                @Indexed(expireAfter = "30d") Instant processedAt) {
    }

    /** The highest aggregate version a consumer applied to its copy of one aggregate; kept as the marks are. */
    @Document(APPLIED)
    record AppliedVersion(@Id String id, long version, @Indexed(expireAfter = "30d") Instant updatedAt) {
    }
}
