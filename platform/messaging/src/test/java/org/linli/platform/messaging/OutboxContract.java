package org.linli.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.linli.events.Topics;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.UpdateDefinition;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import com.mongodb.client.result.UpdateResult;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.kafka.support.KafkaHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The outbox's promises, against real infrastructure: an event saved with its aggregate reaches
 * Kafka and its consumer; a relay that dies between sending and clearing sends again after a restart
 * and the consumer still applies the effect once; a poison record ends in the dead-letter topic.
 * Run by {@link OutboxEmbeddedIT} (in-process broker and store) and {@link OutboxContainersIT} (Docker).
 */
@SpringBootTest(classes = MessagingTestApplication.class)
abstract class OutboxContract {

    @Autowired
    ParcelRepository parcels;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    OutboxRelay relay;
    @Autowired
    MessagingProperties properties;
    @Autowired
    MessagingTestApplication.ParcelListener listener;
    @Autowired
    MeterRegistry meters;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Test
    void publishesSavedEventsWithTheEnvelopeAndTheConsumerAppliesThem() {
        String id = UUID.randomUUID().toString();
        parcels.save(new Parcel(id, "檀溪社区"));

        await().atMost(Duration.ofSeconds(15)).until(() -> listener.effectsFor(id) == 1);
        String record = listener.deliveries.stream().filter(json -> json.contains(id)).findFirst().orElseThrow();
        IncomingEvent event = EventJson.fromWire(record);
        assertThat(event.type()).isEqualTo("ParcelMoved");
        assertThat(event.aggregateId()).isEqualTo(id);
        assertThat(event.envelope().schemaVersion()).isEqualTo(1);
        assertThat(event.payload(Parcel.ParcelMoved.class)).isEqualTo(new Parcel.ParcelMoved(id, "檀溪社区"));
        await().atMost(Duration.ofSeconds(5)).until(() -> pendingIn(id).isEmpty());
    }

    @Test
    void thePollFindsDocumentsWithPendingEventsThroughTheOutboxIndex() {
        String waiting = UUID.randomUUID().toString();
        String published = UUID.randomUUID().toString();
        relay.stop();
        try {
            parcels.save(new Parcel(waiting, "檀溪社区"));
            parcels.save(new Parcel(published, "檀溪社区"));
            mongo.updateFirst(Query.query(org.springframework.data.mongodb.core.query.Criteria.where("_id").is(published)),
                    new org.springframework.data.mongodb.core.query.Update().set(AggregateRoot.OUTBOX_FIELD, List.of()),
                    Parcel.class);

            List<Object> pending = mongo.find(OutboxRelay.pendingQuery(), org.bson.Document.class, "parcels").stream()
                    .map(doc -> doc.get("_id")).toList();
            assertThat(pending).contains(waiting).doesNotContain(published);
            assertThat(mongo.indexOps(Parcel.class).getIndexInfo()).anySatisfy(index -> {
                assertThat(index.getIndexFields()).singleElement()
                        .satisfies(field -> assertThat(field.getKey()).isEqualTo("outbox.eventId"));
                assertThat(index.isSparse()).isTrue();
            });
        } finally {
            relay.start();
        }
    }

    @Test
    void keepsOrderPerAggregate() {
        String id = UUID.randomUUID().toString();
        Parcel parcel = new Parcel(id, "a");
        parcel.moveTo("b");
        parcel.moveTo("c");
        parcels.save(parcel);

        await().atMost(Duration.ofSeconds(15)).until(() -> listener.effectsFor(id) == 3);
        List<String> places = listener.deliveries.stream().filter(json -> json.contains(id))
                .map(json -> EventJson.fromWire(json).payload(Parcel.ParcelMoved.class).place()).toList();
        assertThat(places).containsExactly("a", "b", "c");
        List<Long> versions = listener.deliveries.stream().filter(json -> json.contains(id))
                .map(json -> EventJson.fromWire(json).aggregateVersion()).toList();
        assertThat(versions).containsExactly(1L, 2L, 3L);

        Parcel stored = parcels.findById(id).orElseThrow();
        stored.moveTo("d");
        parcels.save(stored);
        await().atMost(Duration.ofSeconds(15)).until(() -> listener.effectsFor(id) == 4);
        assertThat(listener.deliveries.stream().filter(json -> json.contains(id))
                .map(json -> EventJson.fromWire(json).aggregateVersion()).toList()).endsWith(4L);
    }

    @Test
    void aSaveWithEventsLeavesAMarkerUntilTheyArePublishedAndTheMarkerOfADocumentWithoutEventsIsDropped() {
        String id = UUID.randomUUID().toString();
        relay.stop();
        try {
            parcels.save(new Parcel(id, "marked"));
            assertThat(mongo.findById("parcels/" + id, org.bson.Document.class, OutboxRelay.MARKERS)).isNotNull();
            OutboxRelay.mark(mongo, "parcels", "crashed-before-its-save-" + id);
        } finally {
            relay.start();
        }

        await().atMost(Duration.ofSeconds(15)).until(() -> listener.effectsFor(id) == 1);
        await().atMost(Duration.ofSeconds(15)).until(() ->
                mongo.findById("parcels/" + id, org.bson.Document.class, OutboxRelay.MARKERS) == null
                        && mongo.findById("parcels/crashed-before-its-save-" + id, org.bson.Document.class,
                        OutboxRelay.MARKERS) == null);
        assertThat(pendingIn(id)).isEmpty();
    }

    @Test
    void anEventKafkaCanNeverTakeIsParkedCountedAndTheAggregatesLaterEventsStillLeave() {
        String id = UUID.randomUUID().toString();
        double parkedBefore = parkedCount();
        Parcel parcel = new Parcel(id, "x".repeat(150_000));
        parcel.moveTo("after-the-big-one");
        parcels.save(parcel);

        await().atMost(Duration.ofSeconds(15)).until(() -> listener.effectsFor(id) == 1);
        await().atMost(Duration.ofSeconds(15)).until(() -> pendingIn(id).isEmpty());
        List<org.bson.Document> parked = mongo.find(Query.query(Criteria.where("aggregateId").is(id)),
                org.bson.Document.class, OutboxRelay.PARKED);
        assertThat(parked).singleElement().satisfies(event -> {
            assertThat(event.getString("type")).isEqualTo("ParcelMoved");
            assertThat(event.getString("error")).contains("RecordTooLargeException");
            assertThat(event.getLong("aggregateVersion")).isEqualTo(1L);
        });
        assertThat(parkedCount()).isEqualTo(parkedBefore + 1);
        assertThat(listener.deliveries.stream().filter(json -> json.contains(id))
                .map(json -> EventJson.fromWire(json).payload(Parcel.ParcelMoved.class).place()))
                .containsExactly("after-the-big-one");
    }

    @Test
    void aBrokerThatDoesNotAnswerKeepsTheEventsAndTheMarkerAndPausesTheRelay() {
        String id = UUID.randomUUID().toString();
        relay.stop();
        try {
            parcels.save(new Parcel(id, "while-the-broker-is-down"));
            @SuppressWarnings("unchecked")
            KafkaTemplate<String, String> down = org.mockito.Mockito.mock(KafkaTemplate.class);
            org.mockito.Mockito.when(down.send(org.mockito.ArgumentMatchers.anyString(),
                    org.mockito.ArgumentMatchers.anyString(), org.mockito.ArgumentMatchers.anyString()))
                    .thenReturn(java.util.concurrent.CompletableFuture.failedFuture(
                            new org.apache.kafka.common.errors.TimeoutException("broker unreachable (simulated)")));
            OutboxRelay isolated = new OutboxRelay(mongo, down, properties.topic(), List.of("parcels"),
                    properties.outbox(), new SimpleMeterRegistry());

            assertThat(isolated.relayDocument("parcels", id)).isZero();
            assertThat(isolated.relayMarked()).isZero();

            assertThat(pendingIn(id)).hasSize(1);
            assertThat(mongo.findById("parcels/" + id, org.bson.Document.class, OutboxRelay.MARKERS)).isNotNull();
            assertThat(mongo.count(Query.query(Criteria.where("aggregateId").is(id)), OutboxRelay.PARKED)).isZero();
            org.mockito.Mockito.verify(down, org.mockito.Mockito.times(1)).send(org.mockito.ArgumentMatchers.anyString(),
                    org.mockito.ArgumentMatchers.anyString(), org.mockito.ArgumentMatchers.anyString());
        } finally {
            relay.start();
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> listener.effectsFor(id) == 1);
    }

    @Test
    void kicksOfOneDocumentCoalesceAndWaitingKicksAreBounded() {
        relay.stop();
        OutboxRelay slow = new OutboxRelay(mongo, kafka, properties.topic(), List.of("parcels"),
                new MessagingProperties.Outbox(true, Duration.ofHours(1), 10, Duration.ofSeconds(5), 1, 5,
                        Duration.ofSeconds(1), false), new SimpleMeterRegistry());
        try {
            slow.start();
            for (int i = 0; i < 1000; i++) {
                slow.kick("parcels", "same-document");
            }
            assertThat(slow.waitingKicks()).isLessThanOrEqualTo(1);
            for (int i = 0; i < 1000; i++) {
                slow.kick("parcels", "document-" + i);
            }
            assertThat(slow.waitingKicks()).isLessThanOrEqualTo(5);
        } finally {
            slow.stop();
            relay.start();
        }
    }

    @Test
    void kicksThatPileUpLeaveTogetherInFewReadsAndEveryEventArrivesOnce() {
        relay.stop();
        CountingMarkerReads counting = new CountingMarkerReads(mongo);
        OutboxRelay oneThread = new OutboxRelay(counting, kafka, properties.topic(), List.of("parcels"),
                new MessagingProperties.Outbox(true, Duration.ofHours(1), 200, Duration.ofSeconds(5), 1, 1000,
                        Duration.ofSeconds(1), false), new SimpleMeterRegistry());
        List<String> ids = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) {
                String id = UUID.randomUUID().toString();
                parcels.save(new Parcel(id, "pile-" + i));
                ids.add(id);
            }
            oneThread.start();
            ids.forEach(id -> oneThread.kick("parcels", id));

            await().atMost(Duration.ofSeconds(15)).until(() -> ids.stream().allMatch(id -> listener.effectsFor(id) == 1));
            await().atMost(Duration.ofSeconds(5)).until(() -> ids.stream().allMatch(id -> pendingIn(id).isEmpty()
                    && mongo.findById("parcels/" + id, org.bson.Document.class, OutboxRelay.MARKERS) == null));
            assertThat(counting.markerReads.get()).as("markers read one by one would take 40 reads").isLessThan(20);
        } finally {
            oneThread.stop();
            relay.start();
        }
    }

    @Test
    void aThousandDocumentsInsertedAtOnceAllLeaveThoughThePollDroppedMarkersAheadOfThem() {
        insertAllAndAwaitEveryEvent(990, id -> { });
    }

    /** Kicks the full queue refuses are left to the poll, whose markers may already be gone: they are written again. */
    @Test
    void documentsWhoseKicksTheFullQueueRefusedStillLeave() {
        relay.stop();
        OutboxRelay smallQueue = new OutboxRelay(mongo, kafka, properties.topic(), List.of("parcels"),
                new MessagingProperties.Outbox(true, Duration.ofMillis(200), 50, Duration.ofSeconds(5), 1, 5,
                        Duration.ofSeconds(1), false), new SimpleMeterRegistry());
        try {
            smallQueue.start();
            insertAllAndAwaitEveryEvent(300, id -> smallQueue.kick("parcels", id));
        } finally {
            smallQueue.stop();
            relay.start();
        }
    }

    /**
     * An {@code insertAll} writes every marker before it inserts any document, so the poll may drop markers whose
     * documents do not exist yet; the kicks that follow the insert (the context's relay's, and {@code alsoKick})
     * must relay those documents all the same.
     */
    private void insertAllAndAwaitEveryEvent(int count, java.util.function.Consumer<String> alsoKick) {
        List<Parcel> many = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            many.add(new Parcel(UUID.randomUUID().toString(), "row-" + i));
        }

        mongo.insertAll(many);

        List<String> ids = many.stream().map(Parcel::id).toList();
        ids.forEach(alsoKick);
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.count(
                Query.query(Criteria.where("_id").in(ids).and("moves").is(1)), "parcel_effects") == ids.size());
        await().atMost(Duration.ofSeconds(10)).until(() -> mongo.count(
                Query.query(Criteria.where("_id").in(ids).and(AggregateRoot.OUTBOX_FIELD + ".0").exists(true)), "parcels") == 0);
    }

    @Test
    void aRelayThatCrashedAfterSendingSendsAgainAndTheEffectHappensOnce() {
        String id = UUID.randomUUID().toString();
        relay.stop();
        try {
            parcels.save(new Parcel(id, "before-crash"));
            OutboxRelay crashing = new OutboxRelay(new CrashBeforeClearing(mongo), kafka, properties.topic(),
                    List.of("parcels"), properties.outbox(), new SimpleMeterRegistry());
            assertThatThrownBy(() -> crashing.relayDocument("parcels", id)).hasMessageContaining("simulated crash");
            assertThat(pendingIn(id)).hasSize(1);
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> listener.deliveries.stream().anyMatch(json -> json.contains(id)));
        } finally {
            relay.start();
        }

        await().atMost(Duration.ofSeconds(15)).until(() -> pendingIn(id).isEmpty());
        await().atMost(Duration.ofSeconds(15))
                .until(() -> listener.deliveries.stream().filter(json -> json.contains(id)).count() == 2);
        assertThat(listener.effectsFor(id)).isEqualTo(1);
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAfterBoundedRetries() {
        String id = UUID.randomUUID().toString();
        parcels.save(new Parcel(id, "poison"));

        List<String> deadLetters = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", bootstrapServers, "group.id", "dlt-reader-" + id,
                "auto.offset.reset", "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.deadLetterOf(MessagingTestApplication.TOPIC)));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    deadLetters.add(record.value());
                }
                return deadLetters.stream().anyMatch(json -> json.contains(id));
            });
        }
        long tries = listener.deliveries.stream().filter(json -> json.contains(id)).count();
        assertThat(tries).isEqualTo(1 + properties.retry().attempts());
        assertThat(listener.effectsFor(id)).isZero();
    }

    @Test
    void anInvalidEventGoesToTheDeadLetterTopicAtOnceNamingTheConsumerGroupThatFailed() {
        String id = UUID.randomUUID().toString();
        parcels.save(new Parcel(id, "invalid"));

        ConsumerRecord<String, String> deadLetter = awaitDeadLetter(id);
        assertThat(new String(deadLetter.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP).value(),
                StandardCharsets.UTF_8)).isEqualTo("messaging-test");
        assertThat(new String(deadLetter.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_TOPIC).value(),
                StandardCharsets.UTF_8)).isEqualTo(MessagingTestApplication.TOPIC);
        assertThat(listener.deliveries.stream().filter(json -> json.contains(id)).count()).isEqualTo(1);
        assertThat(listener.effectsFor(id)).isZero();
    }

    @Test
    void aTransientFailureIsRetriedBeyondTheBoundedAttemptsAndNeverDeadLettered() {
        String id = UUID.randomUUID().toString();
        parcels.save(new Parcel(id, "flaky"));

        await().atMost(Duration.ofSeconds(30)).until(() -> listener.effectsFor(id) == 1);
        assertThat(listener.deliveries.stream().filter(json -> json.contains(id)).count())
                .isGreaterThan(1 + properties.retry().attempts());
        assertThat(deadLettersOf(id)).isEmpty();
    }

    @Test
    void aReplayedDeadLetterIsHandledOnlyByTheGroupItIsMeantFor() throws Exception {
        String forOthers = UUID.randomUUID().toString();
        String forUs = UUID.randomUUID().toString();
        kafka.send(replay(forOthers, "grid-service")).get();
        kafka.send(replay(forUs, "messaging-test")).get();

        await().atMost(Duration.ofSeconds(15)).until(() -> listener.effectsFor(forUs) == 1);
        assertThat(listener.deliveries.stream().filter(json -> json.contains(forOthers))).isEmpty();
        assertThat(listener.effectsFor(forOthers)).isZero();
    }

    private ProducerRecord<String, String> replay(String id, String group) {
        String json = EventJson.toWire(EventJson.pending(id, new Parcel.ParcelMoved(id, "replayed"),
                java.time.Instant.now(), 1));
        ProducerRecord<String, String> record = new ProducerRecord<>(MessagingTestApplication.TOPIC, id, json);
        record.headers().add(ProcessedEvents.REPLAY_FOR_HEADER, group.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private ConsumerRecord<String, String> awaitDeadLetter(String id) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            found.addAll(deadLettersOf(id));
            return !found.isEmpty();
        });
        return found.get(0);
    }

    private List<ConsumerRecord<String, String>> deadLettersOf(String id) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", bootstrapServers, "group.id", "dlt-reader-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.deadLetterOf(MessagingTestApplication.TOPIC)));
            for (int i = 0; i < 6; i++) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value().contains(id)) {
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }

    private double parkedCount() {
        io.micrometer.core.instrument.Counter counter = meters.find("linli.outbox.parked").counter();
        return counter == null ? 0 : counter.count();
    }

    @SuppressWarnings("unchecked")
    private List<Object> pendingIn(String id) {
        org.bson.Document doc = mongo.findById(id, org.bson.Document.class, "parcels");
        return doc == null ? List.of() : (List<Object>) doc.get(AggregateRoot.OUTBOX_FIELD, List.class);
    }

    /** Counts the reads of outbox markers, one marker by id or many at once. */
    private static final class CountingMarkerReads extends MongoTemplate {

        final java.util.concurrent.atomic.AtomicInteger markerReads = new java.util.concurrent.atomic.AtomicInteger();

        CountingMarkerReads(MongoTemplate delegate) {
            super(delegate.getMongoDatabaseFactory(), (MongoConverter) delegate.getConverter());
        }

        @Override
        public <T> T findById(Object id, Class<T> entityClass, String collectionName) {
            countMarkers(collectionName);
            return super.findById(id, entityClass, collectionName);
        }

        @Override
        public <T> List<T> find(Query query, Class<T> entityClass, String collectionName) {
            countMarkers(collectionName);
            return super.find(query, entityClass, collectionName);
        }

        private void countMarkers(String collectionName) {
            if (OutboxRelay.MARKERS.equals(collectionName)) {
                markerReads.incrementAndGet();
            }
        }
    }

    /** A store whose clearing write never happens: the process "dies" after the broker acknowledged. */
    private static final class CrashBeforeClearing extends MongoTemplate {

        CrashBeforeClearing(MongoTemplate delegate) {
            super(delegate.getMongoDatabaseFactory(), (MongoConverter) delegate.getConverter());
        }

        @Override
        public UpdateResult updateFirst(Query query, UpdateDefinition update, String collectionName) {
            throw crash();
        }

        /** The relay clears an aggregate's outbox with a bulk of {@code $pull}s: that bulk never lands. */
        @Override
        public org.springframework.data.mongodb.core.BulkOperations bulkOps(
                org.springframework.data.mongodb.core.BulkOperations.BulkMode mode, String collectionName) {
            if (OutboxRelay.MARKERS.equals(collectionName)) {
                return super.bulkOps(mode, collectionName);
            }
            org.springframework.data.mongodb.core.BulkOperations pulls = org.mockito.Mockito.mock(
                    org.springframework.data.mongodb.core.BulkOperations.class, org.mockito.Mockito.RETURNS_SELF);
            org.mockito.Mockito.when(pulls.execute()).thenThrow(crash());
            return pulls;
        }

        private static IllegalStateException crash() {
            return new IllegalStateException("simulated crash before the outbox was cleared");
        }
    }
}
