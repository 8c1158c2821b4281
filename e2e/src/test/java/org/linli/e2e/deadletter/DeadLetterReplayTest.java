package org.linli.e2e.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linli.devstack.EmbeddedKafka;
import org.linli.events.Topics;

/** The replay command against a real (in-process) broker: dead letters go back for exactly the group that failed them. */
class DeadLetterReplayTest {

    private static EmbeddedKafka kafka;
    private final String topic = "replay-" + UUID.randomUUID() + ".events";
    private final String deadLetters = Topics.deadLetterOf(topic);
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafka.onRandomPort();
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @Test
    void sendsBackOnlyTheGroupsDeadLettersToTheOriginalTopicMarkedForThatGroup() throws Exception {
        deadLetter("e-grid-1", "grid-service");
        deadLetter("e-issue-1", "issue-service");
        deadLetter("e-grid-2", "grid-service");

        int replayed = replay(new DeadLetterReplay.Request(deadLetters, "grid-service", null, false));

        assertThat(replayed).isEqualTo(2);
        List<ConsumerRecord<String, String>> sent = readAll(topic, 2);
        assertThat(sent).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("agg-e-grid-1", "agg-e-grid-2");
        assertThat(sent).allSatisfy(record -> assertThat(new String(record.headers()
                .lastHeader(Topics.REPLAY_FOR_HEADER).value(), StandardCharsets.UTF_8)).isEqualTo("grid-service"));
        assertThat(sent).extracting(ConsumerRecord::value).allSatisfy(value -> assertThat(value).contains("\"eventId\""));
    }

    @Test
    void aDryRunListsAndSendsNothingAndAnEventIdNarrowsTheReplayToThatEvent() throws Exception {
        deadLetter("e-1", "grid-service");
        deadLetter("e-2", "grid-service");

        assertThat(replay(new DeadLetterReplay.Request(deadLetters, "grid-service", null, true))).isEqualTo(2);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("would replay").contains("e-1").contains("e-2")
                .doesNotContain("secret payload");
        assertThat(readAll(topic, 0)).isEmpty();

        assertThat(replay(new DeadLetterReplay.Request(deadLetters, "grid-service", "e-2", false))).isEqualTo(1);
        assertThat(readAll(topic, 1)).singleElement().satisfies(record -> assertThat(record.key()).isEqualTo("agg-e-2"));
    }

    private int replay(DeadLetterReplay.Request request) {
        return new DeadLetterReplay(kafka.bootstrapServers(), new PrintStream(printed, true, StandardCharsets.UTF_8))
                .replay(request);
    }

    /** A dead letter as Spring Kafka's DeadLetterPublishingRecoverer writes it. */
    private void deadLetter(String eventId, String group) throws Exception {
        String value = "{\"eventId\":\"" + eventId + "\",\"type\":\"OrgUnitMoved\",\"aggregateId\":\"agg-" + eventId
                + "\",\"occurredAt\":\"2026-12-01T00:00:00Z\",\"schemaVersion\":1,\"payload\":{\"note\":\"secret payload\"}}";
        ProducerRecord<String, String> record = new ProducerRecord<>(deadLetters, "agg-" + eventId, value);
        record.headers().add(DeadLetterReplay.ORIGINAL_TOPIC, topic.getBytes(StandardCharsets.UTF_8));
        record.headers().add(DeadLetterReplay.ORIGINAL_GROUP, group.getBytes(StandardCharsets.UTF_8));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                kafka.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            producer.send(record).get();
        }
    }

    /** What the topic holds, polling until {@code expected} records arrived (or a few empty polls for none). */
    private List<ConsumerRecord<String, String>> readAll(String name, int expected) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers",
                kafka.bootstrapServers(), "group.id", "reader-" + UUID.randomUUID(), "auto.offset.reset", "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(name));
            for (int polls = 0; polls < 40 && (records.size() < expected || (expected == 0 && polls < 6)); polls++) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }
}
