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
    }

    @Test
    void aRelayThatCrashedAfterSendingSendsAgainAndTheEffectHappensOnce() {
        String id = UUID.randomUUID().toString();
        relay.stop();
        try {
            parcels.save(new Parcel(id, "before-crash"));
            OutboxRelay crashing = new OutboxRelay(new CrashBeforeClearing(mongo), kafka, properties.topic(),
                    List.of("parcels"), properties.outbox());
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

    @SuppressWarnings("unchecked")
    private List<Object> pendingIn(String id) {
        org.bson.Document doc = mongo.findById(id, org.bson.Document.class, "parcels");
        return doc == null ? List.of() : (List<Object>) doc.get(AggregateRoot.OUTBOX_FIELD, List.class);
    }

    /** A store whose clearing write never happens: the process "dies" after the broker acknowledged. */
    private static final class CrashBeforeClearing extends MongoTemplate {

        CrashBeforeClearing(MongoTemplate delegate) {
            super(delegate.getMongoDatabaseFactory(), (MongoConverter) delegate.getConverter());
        }

        @Override
        public UpdateResult updateFirst(Query query, UpdateDefinition update, String collectionName) {
            throw new IllegalStateException("simulated crash before the outbox was cleared");
        }
    }
}
