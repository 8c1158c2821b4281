package org.linli.platform.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.bson.Document;
import org.linli.platform.mongo.IndexedCriteria;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Relays the events waiting in aggregates' documents to Kafka, at least once and in order per
 * aggregate, without ever scanning an aggregate collection:
 * <ul>
 *   <li>before an aggregate with pending events is saved, a marker ({@value #MARKERS}, id
 *       {@code collection/documentId}) is written; the relay works from markers only;</li>
 *   <li>for one document it sends all pending events at once (keyed by aggregate id: one partition, and
 *       the idempotent producer keeps them in order), waits for every acknowledgement, then removes the
 *       acknowledged ones with one {@code $pull} and drops the marker unless a save touched it meanwhile;</li>
 *   <li>an event Kafka can never take (too large, not serialisable) is moved to {@value #PARKED} with the
 *       error and counted ({@code linli.outbox.parked}), so the aggregate's later events still leave;</li>
 *   <li>any other failure keeps the event; the whole relay then pauses, doubling the pause up to
 *       {@code maxBackoff}, and kicks are ignored while it pauses (the markers remain).</li>
 * </ul>
 * A crash after sending and before the pull sends the events again; consumers deduplicate by event id.
 * A crash between writing a marker and saving the document leaves a marker without events, which the
 * next poll drops.
 *
 * <p>A save kicks the relay for that document (low latency); kicks of one document coalesce, and at
 * most {@code kickQueue} documents wait for a thread (further kicks are dropped: their markers stay for
 * the poll). Work on one document is never run twice at the same time in this process.
 */
public class OutboxRelay implements SmartLifecycle {

    static final String MARKERS = "outbox_pending";
    static final String PARKED = "outbox_parked";
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final String WRITES = "writes";
    private static final String PENDING_EVENT_ID = AggregateRoot.OUTBOX_FIELD + ".eventId";

    private final MongoOperations mongo;
    private final KafkaTemplate<String, String> kafka;
    private final String topic;
    private final List<String> collections;
    private final MessagingProperties.Outbox settings;
    private final Counter parkedCounter;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final Set<String> kickedAgain = ConcurrentHashMap.newKeySet();
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    private final Queue<Kick> kicked = new ConcurrentLinkedQueue<>();
    private final Object backoffLock = new Object();
    private int consecutiveFailures;
    private volatile long pausedUntilNanos;
    private volatile ThreadPoolExecutor kicks;
    private volatile ScheduledExecutorService poller;

    public OutboxRelay(MongoOperations mongo, KafkaTemplate<String, String> kafka, String topic,
                       List<String> collections, MessagingProperties.Outbox settings, MeterRegistry meters) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.topic = topic;
        this.collections = List.copyOf(collections);
        this.settings = settings;
        this.parkedCounter = Counter.builder("linli.outbox.parked")
                .description("events moved out of an outbox because Kafka can never take them")
                .tag("topic", topic).register(meters);
    }

    /** Writes (or touches) the marker of a document that is about to be saved with pending events. */
    public static void mark(MongoOperations mongo, String collection, Object id) {
        mongo.upsert(Query.query(Criteria.where("_id").is(markerId(collection, id))),
                new Update().inc(WRITES, 1L).setOnInsert("collection", collection).setOnInsert("documentId", id)
                        .setOnInsert("since", Instant.now()), MARKERS);
    }

    /**
     * Asks for the pending events of one document to be relayed soon, off the caller's thread. Each kick queues a
     * task that relays every document kicked by the time it runs: one alone as {@link #relayDocument}, several
     * together as a batch (a handful of round trips for all of them), so under load the store's work per event falls.
     */
    public void kick(String collection, Object id) {
        ThreadPoolExecutor running = kicks;
        Kick kick = new Kick(collection, id);
        if (running == null || paused() || !queued.add(kick.key())) {
            return;
        }
        kicked.add(kick);
        try {
            running.execute(this::relayKicked);
        } catch (RejectedExecutionException full) {
            // by identity: a later kick of the same document, queued after a task took this one, must stay
            if (kicked.removeIf(waiting -> waiting == kick)) {
                queued.remove(kick.key());
            }
            // the poll may have dropped the marker before the document existed (insertAll marks them all first)
            mark(mongo, collection, id);
            log.debug("kick queue full, {} waits for the poll", kick.key());
        }
    }

    /** Relays the documents kicked so far (at most {@code batchSize}); nothing when an earlier task took them. */
    private void relayKicked() {
        Map<String, List<Object>> byCollection = new LinkedHashMap<>();
        int taken = 0;
        for (Kick kick; taken < settings.batchSize() && (kick = kicked.poll()) != null; taken++) {
            queued.remove(kick.key());
            byCollection.computeIfAbsent(kick.collection(), c -> new ArrayList<>()).add(kick.id());
        }
        byCollection.forEach((collection, ids) -> {
            try {
                if (ids.size() == 1) {
                    relayDocument(collection, ids.get(0));
                } else {
                    relayDocuments(collection, ids, markersOf(collection, ids), true);
                }
            } catch (RuntimeException e) {
                log.warn("outbox relay of {} kicked document(s) of {} failed, left to the poll: {}", ids.size(),
                        collection, e.toString());
                markForThePoll(collection, ids);
            }
        });
    }

    /**
     * Writes the markers of documents a kick could not finish: the kick may have been all that was left of them,
     * since the poll drops a marker whose document it read before the save.
     */
    private void markForThePoll(String collection, List<Object> ids) {
        try {
            ids.forEach(id -> mark(mongo, collection, id));
        } catch (RuntimeException e) {
            log.warn("outbox: {} document(s) of {} keep their events unmarked until their next save or a restart: {}",
                    ids.size(), collection, e.toString());
        }
    }

    /**
     * The markers of kicked documents, read before the documents: a save after this read raises the marker's
     * {@code writes}, so the removal of the marker read here misses and the marker stays for the next kick or poll.
     * A kicked document may have no marker left (the poll dropped it while the document's insert was on its way):
     * the document is relayed all the same, since the kick came after its save.
     */
    private Map<String, Document> markersOf(String collection, List<Object> ids) {
        Query markers = Query.query(Criteria.where("_id").in(ids.stream().map(id -> markerId(collection, id)).toList()));
        markers.fields().include("documentId").include(WRITES);
        return byDocumentId(mongo.find(markers, Document.class, MARKERS));
    }

    /**
     * Kicked documents waiting for a thread (at most {@code kickQueue}: each came with a task the bounded queue
     * accepted). Not the tasks waiting: a task may relay documents kicked after it, and the later kicks' own tasks
     * then find nothing left to do.
     */
    int waitingKicks() {
        return kicked.size();
    }

    /**
     * Relays the documents of up to {@code batchSize} markers as one batch; returns how many events were published.
     * A batch costs a handful of round trips whatever its size: the markers, the documents of each collection
     * ({@code _id $in}), every event sent before any acknowledgement is awaited, then one bulk of {@code $pull}s and
     * one bulk of marker removals. Relayed one document at a time, a backlog (a sweep after a restart) left at a few
     * dozen documents a second.
     */
    public int relayMarked() {
        return relayBatch().published();
    }

    private Batch relayBatch() {
        Query markers = new Query().limit(settings.batchSize());
        markers.fields().include("collection").include("documentId").include(WRITES);
        List<Document> found = mongo.find(markers, Document.class, MARKERS);
        Map<String, List<Document>> byCollection = new LinkedHashMap<>();
        for (Document marker : found) {
            byCollection.computeIfAbsent(marker.getString("collection"), c -> new ArrayList<>()).add(marker);
        }
        Batch batch = new Batch(found.size(), 0, 0);
        for (Map.Entry<String, List<Document>> collection : byCollection.entrySet()) {
            if (paused()) {
                break;
            }
            List<Object> ids = collection.getValue().stream().map(marker -> marker.get("documentId")).toList();
            batch = batch.plus(relayDocuments(collection.getKey(), ids, byDocumentId(collection.getValue()), false));
        }
        return batch;
    }

    /**
     * These documents of one collection, relayed together, then their markers (as read before the documents)
     * removed. A document another thread is relaying is left to it; when these documents were kicked, that thread
     * is told to read the document once more (a save may have come after its read).
     */
    private Batch relayDocuments(String collection, List<Object> ids, Map<String, Document> markers, boolean kicked) {
        List<Object> claimed = new ArrayList<>();
        for (Object id : ids) {
            String key = markerId(collection, id);
            if (inFlight.add(key)) {
                claimed.add(id);
            } else if (kicked) {
                kickedAgain.add(key);
            }
        }
        try {
            return relayClaimed(collection, claimed, markers);
        } finally {
            List<Object> kickedMeanwhile = new ArrayList<>();
            claimed.forEach(id -> {
                inFlight.remove(markerId(collection, id));
                if (kickedAgain.remove(markerId(collection, id))) {
                    kickedMeanwhile.add(id);
                }
            });
            // a save kicked these while the batch held them; the batch may have read them before that save (even
            // before their first insert, and dropped the marker written ahead of it): relay them again, as a kick would
            kickedMeanwhile.forEach(id -> relayDocument(collection, id));
        }
    }

    /**
     * Relays documents this thread holds: every event of each sent before any acknowledgement is awaited, then one
     * bulk of {@code $pull}s and one of marker removals (each marker as read before the documents, so a save since
     * keeps its marker). A document that failed without a marker gets one again, for the poll.
     */
    private Batch relayClaimed(String collection, List<Object> claimed, Map<String, Document> markers) {
        Map<String, List<PendingEvent>> pending = pendingEvents(collection, claimed);
        Map<Object, List<CompletableFuture<SendResult<String, String>>>> acks = new LinkedHashMap<>();
        claimed.forEach(id -> acks.put(id, sendAll(pending.getOrDefault(String.valueOf(id), List.of()))));
        long deadline = System.nanoTime() + settings.sendTimeout().toNanos();
        BulkOperations pulls = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
        BulkOperations removals = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, MARKERS);
        int pulled = 0;
        int removed = 0;
        int failed = 0;
        int published = 0;
        for (Object id : claimed) {
            Outcome outcome = awaitAll(collection, id, pending.getOrDefault(String.valueOf(id), List.of()),
                    acks.get(id), deadline);
            published += outcome.sent();
            if (!outcome.done().isEmpty()) {
                pulls.updateOne(Query.query(Criteria.where("_id").is(id)), pullOf(outcome.done()));
                pulled++;
            }
            Document marker = markers.get(String.valueOf(id));
            if (outcome.failure() != null) {
                backOff(collection, id, outcome);
                if (marker == null) {
                    markForThePoll(collection, List.of(id));
                }
                failed++;
            } else if (marker != null) {
                removals.remove(Query.query(Criteria.where("_id").is(markerId(collection, id))
                        .and(WRITES).is(marker.get(WRITES))));
                removed++;
            }
        }
        if (pulled > 0) {
            pulls.execute();
        }
        if (failed == 0 && !claimed.isEmpty()) {
            recovered();
        }
        if (removed > 0) {
            removals.execute();
        }
        return new Batch(0, claimed.size(), published);
    }

    /** Markers by their document's id as text (see {@link #pendingEvents} for why text). */
    private static Map<String, Document> byDocumentId(List<Document> markers) {
        Map<String, Document> byId = new HashMap<>();
        markers.forEach(marker -> byId.put(String.valueOf(marker.get("documentId")), marker));
        return byId;
    }

    /**
     * Pending events by document id as text: the store may hand back an id of another type than the marker holds
     * (a 24-hex-digit string is queried and stored as an ObjectId), and a missed match would drop the marker with
     * its events unsent.
     */
    private Map<String, List<PendingEvent>> pendingEvents(String collection, List<Object> ids) {
        Map<String, List<PendingEvent>> pending = new HashMap<>();
        if (ids.isEmpty()) {
            return pending;
        }
        Query byIds = Query.query(Criteria.where("_id").in(ids));
        byIds.fields().include(AggregateRoot.OUTBOX_FIELD);
        for (Document doc : mongo.find(byIds, Document.class, collection)) {
            pending.put(String.valueOf(doc.get("_id")), eventsOf(doc));
        }
        return pending;
    }

    private List<PendingEvent> eventsOf(Document doc) {
        return doc.getList(AggregateRoot.OUTBOX_FIELD, Document.class, List.of()).stream()
                .map(stored -> mongo.getConverter().read(PendingEvent.class, stored)).toList();
    }

    private static Update pullOf(List<String> eventIds) {
        return new Update().pull(AggregateRoot.OUTBOX_FIELD, new Document("eventId", new Document("$in", eventIds)));
    }

    /**
     * Documents with at least one pending event, found through the sparse index on {@code outbox.eventId}
     * ({@link PendingEvent}), which holds only those: adopting unmarked documents at start must not read
     * every aggregate collection.
     */
    static Query pendingQuery() {
        return new Query(IndexedCriteria.hasAnyString(PENDING_EVENT_ID));
    }

    /** Relays the pending events of one document in order; returns how many were published. */
    public int relayDocument(String collection, Object id) {
        String key = markerId(collection, id);
        int published = 0;
        do {
            if (!inFlight.add(key)) {
                kickedAgain.add(key);
                return published;
            }
            try {
                do {
                    kickedAgain.remove(key);
                    published += relayOnce(collection, id);
                } while (kickedAgain.contains(key) && !paused());
            } finally {
                inFlight.remove(key);
            }
            // a kick that came between the last check and the release found the document held and left it to us
        } while (kickedAgain.contains(key) && !paused());
        return published;
    }

    private int relayOnce(String collection, Object id) {
        List<Object> one = List.of(id);
        return relayClaimed(collection, one, markersOf(collection, one)).published();
    }

    /** Sends every event of a document at once, in order. */
    private List<CompletableFuture<SendResult<String, String>>> sendAll(List<PendingEvent> pending) {
        List<CompletableFuture<SendResult<String, String>>> acks = new ArrayList<>();
        for (PendingEvent event : pending) {
            acks.add(send(event));
        }
        return acks;
    }

    /** Reads the acknowledgements of a document's events in order; stops at the first transient failure. */
    private Outcome awaitAll(String collection, Object id, List<PendingEvent> pending,
                             List<CompletableFuture<SendResult<String, String>>> acks, long deadline) {
        List<String> done = new ArrayList<>();
        int sent = 0;
        for (int i = 0; i < pending.size(); i++) {
            PendingEvent event = pending.get(i);
            Throwable failure = awaitAck(acks.get(i), deadline);
            if (failure == null) {
                done.add(event.eventId());
                sent++;
            } else if (neverSendable(failure)) {
                park(collection, id, event, failure);
                done.add(event.eventId());
            } else {
                return new Outcome(done, sent, failure);
            }
        }
        return new Outcome(done, sent, null);
    }

    private CompletableFuture<SendResult<String, String>> send(PendingEvent event) {
        try {
            return kafka.send(topic, event.aggregateId(), EventJson.toWire(event));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static Throwable awaitAck(CompletableFuture<SendResult<String, String>> ack, long deadline) {
        try {
            ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (TimeoutException e) {
            return e;
        }
    }

    /** Kafka refuses the record itself, whatever the broker's state: retrying cannot help. */
    static boolean neverSendable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RecordTooLargeException || cause instanceof RecordBatchTooLargeException
                    || cause instanceof SerializationException || cause instanceof tools.jackson.core.JacksonException) {
                return true;
            }
        }
        return false;
    }

    /** Moves an event out of the outbox with its error, first, so a crash before the pull parks it twice at worst. */
    private void park(String collection, Object id, PendingEvent event, Throwable failure) {
        Document parked = new Document("_id", event.eventId()).append("collection", collection).append("documentId", id)
                .append("type", event.type()).append("aggregateId", event.aggregateId())
                .append("aggregateVersion", event.aggregateVersion()).append("occurredAt", event.occurredAt())
                .append("schemaVersion", event.schemaVersion()).append("payload", event.payload())
                .append("error", rootCause(failure).getClass().getName() + ": " + rootCause(failure).getMessage())
                .append("parkedAt", Instant.now());
        mongo.save(parked, PARKED);
        parkedCounter.increment();
        log.error("parked {} {} of {}/{} in {}: Kafka refuses it ({})", event.type(), event.eventId(), collection, id,
                PARKED, rootCause(failure).getClass().getSimpleName());
    }

    private void backOff(String collection, Object id, Outcome outcome) {
        Duration pause;
        synchronized (backoffLock) {
            consecutiveFailures++;
            long millis = settings.pollInterval().toMillis() << Math.min(consecutiveFailures - 1, 20);
            pause = Duration.ofMillis(Math.min(millis, settings.maxBackoff().toMillis()));
            pausedUntilNanos = System.nanoTime() + pause.toNanos();
        }
        log.warn("outbox relay of {}/{} stopped after {} event(s), pausing {}: {}", collection, id, outcome.sent(),
                pause, rootCause(outcome.failure()).toString());
    }

    private void recovered() {
        synchronized (backoffLock) {
            consecutiveFailures = 0;
            pausedUntilNanos = 0;
        }
    }

    private boolean paused() {
        long until = pausedUntilNanos;
        return until != 0 && System.nanoTime() - until < 0;
    }

    /** Gives markers to documents that hold events without one (stored before markers existed). */
    int adoptUnmarked() {
        int adopted = 0;
        for (String collection : collections) {
            Query pending = pendingQuery();
            pending.fields().include("_id");
            for (Document doc : mongo.find(pending, Document.class, collection)) {
                mark(mongo, collection, doc.get("_id"));
                adopted++;
            }
        }
        return adopted;
    }

    /** Batch after batch while they come back full, so a backlog drains without waiting a poll interval for each. */
    private void poll() {
        try {
            Batch batch;
            do {
                batch = relayBatch();
            } while (!paused() && batch.markers() >= settings.batchSize() && batch.relayed() > 0);
        } catch (RuntimeException e) {
            log.warn("outbox poll failed, next try in {}: {}", settings.pollInterval(), e.toString());
        }
    }

    static String markerId(String collection, Object id) {
        return collection + "/" + id;
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** Markers a batch read, documents it relayed (not left to a kick), events it published. */
    private record Batch(int markers, int relayed, int published) {

        Batch plus(Batch other) {
            return new Batch(markers + other.markers, relayed + other.relayed, published + other.published);
        }
    }

    /** A document whose save asked for its events to leave. */
    private record Kick(String collection, Object id) {

        String key() {
            return markerId(collection, id);
        }
    }

    /** Event ids to pull (acknowledged or parked), how many were sent, and the transient failure that stopped it. */
    private record Outcome(List<String> done, int sent, Throwable failure) {
    }

    @Override
    public void start() {
        ThreadPoolExecutor kickThreads = new ThreadPoolExecutor(settings.threads(), settings.threads(), 0,
                TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(settings.kickQueue()), daemon("outbox-kick"));
        ScheduledExecutorService polling = Executors.newSingleThreadScheduledExecutor(daemon("outbox-poll"));
        if (settings.adoptOnStart()) {
            polling.execute(() -> {
                try {
                    int adopted = adoptUnmarked();
                    if (adopted > 0) {
                        log.info("outbox: {} document(s) with events from before the pending markers adopted", adopted);
                    }
                } catch (RuntimeException e) {
                    log.warn("outbox: adopting unmarked documents failed: {}", e.toString());
                }
            });
        }
        long interval = settings.pollInterval().toMillis();
        polling.scheduleWithFixedDelay(this::poll, interval, interval, TimeUnit.MILLISECONDS);
        kicks = kickThreads;
        poller = polling;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void stop() {
        ThreadPoolExecutor runningKicks = kicks;
        ScheduledExecutorService runningPoller = poller;
        kicks = null;
        poller = null;
        queued.clear();
        kicked.clear();
        if (runningKicks == null || runningPoller == null) {
            return;
        }
        for (java.util.concurrent.ExecutorService running : List.of(runningKicks, runningPoller)) {
            running.shutdown();
        }
        try {
            runningKicks.awaitTermination(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            runningPoller.awaitTermination(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return kicks != null;
    }

    @Override
    public boolean isAutoStartup() {
        return settings.enabled();
    }
}
