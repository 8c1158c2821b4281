package org.linli.platform.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Relays the events waiting in aggregates' documents to Kafka, at least once and in order per
 * aggregate: for one document it sends each pending event (keyed by aggregate id) and waits for
 * the broker's acknowledgement, then removes exactly those events by id with {@code $pull}.
 * A crash after sending and before the pull means the events are sent again on the next run;
 * consumers deduplicate by event id, so the effect happens once.
 *
 * <p>A save kicks the relay for that document at once (low latency); a poll over every outbox
 * collection catches whatever a kick missed (crash, broker down, another instance's save).
 * Work on one document is never run twice at the same time in this process.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final String PENDING_EVENT_ID = AggregateRoot.OUTBOX_FIELD + ".eventId";

    private final MongoOperations mongo;
    private final KafkaTemplate<String, String> kafka;
    private final String topic;
    private final List<String> collections;
    private final MessagingProperties.Outbox settings;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final Set<String> kickedAgain = ConcurrentHashMap.newKeySet();
    private volatile ScheduledExecutorService executor;

    public OutboxRelay(MongoOperations mongo, KafkaTemplate<String, String> kafka, String topic,
                       List<String> collections, MessagingProperties.Outbox settings) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.topic = topic;
        this.collections = List.copyOf(collections);
        this.settings = settings;
    }

    /** Asks for the pending events of one document to be relayed soon, off the caller's thread. */
    public void kick(String collection, Object id) {
        ScheduledExecutorService running = executor;
        if (running != null) {
            running.execute(() -> relayDocument(collection, id));
        }
    }

    /** Relays every pending event of every outbox collection; returns how many were published. */
    public int relayAll() {
        int published = 0;
        for (String collection : collections) {
            Query pending = pendingQuery().limit(settings.batchSize());
            pending.fields().include("_id");
            for (Document doc : mongo.find(pending, Document.class, collection)) {
                published += relayDocument(collection, doc.get("_id"));
            }
        }
        return published;
    }

    /**
     * Documents with at least one pending event, found through the sparse index on {@code outbox.eventId}
     * ({@link PendingEvent}), which holds only those: the poll runs every second on every aggregate collection
     * and must not read the collection.
     */
    static Query pendingQuery() {
        return new Query(IndexedCriteria.hasAnyString(PENDING_EVENT_ID));
    }

    /** Relays the pending events of one document in order; returns how many were published. */
    public int relayDocument(String collection, Object id) {
        String key = collection + "/" + id;
        if (!inFlight.add(key)) {
            kickedAgain.add(key);
            return 0;
        }
        int published = 0;
        try {
            do {
                kickedAgain.remove(key);
                published += publishPending(collection, id);
            } while (kickedAgain.contains(key));
        } finally {
            inFlight.remove(key);
        }
        return published;
    }

    private int publishPending(String collection, Object id) {
        Query byId = new Query(Criteria.where("_id").is(id));
        byId.fields().include(AggregateRoot.OUTBOX_FIELD);
        Document doc = mongo.findOne(byId, Document.class, collection);
        if (doc == null) {
            return 0;
        }
        List<String> sent = new ArrayList<>();
        try {
            for (Document stored : doc.getList(AggregateRoot.OUTBOX_FIELD, Document.class, List.of())) {
                PendingEvent event = mongo.getConverter().read(PendingEvent.class, stored);
                send(event);
                sent.add(event.eventId());
            }
        } catch (RuntimeException e) {
            log.warn("outbox relay of {}/{} stopped after {} event(s); the poll will retry: {}",
                    collection, id, sent.size(), e.getMessage());
        }
        if (!sent.isEmpty()) {
            Update pull = new Update().pull(AggregateRoot.OUTBOX_FIELD,
                    new Document("eventId", new Document("$in", sent)));
            mongo.updateFirst(new Query(Criteria.where("_id").is(id)), pull, collection);
        }
        return sent.size();
    }

    private void send(PendingEvent event) {
        try {
            kafka.send(topic, event.aggregateId(), EventJson.toWire(event))
                    .get(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing " + event.eventId(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("broker did not acknowledge " + event.eventId(), e);
        }
    }

    private void poll() {
        try {
            relayAll();
        } catch (RuntimeException e) {
            log.warn("outbox poll failed, next try in {}: {}", settings.pollInterval(), e.getMessage());
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService started = Executors.newScheduledThreadPool(settings.threads(), task -> {
            Thread thread = new Thread(task, "outbox-relay");
            thread.setDaemon(true);
            return thread;
        });
        Duration interval = settings.pollInterval();
        started.scheduleWithFixedDelay(this::poll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        executor = started;
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = executor;
        executor = null;
        if (running != null) {
            running.shutdown();
            try {
                running.awaitTermination(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    @Override
    public boolean isAutoStartup() {
        return settings.enabled();
    }
}
