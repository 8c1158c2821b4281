package org.linli.platform.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a producer's integration test needs to pin its events: read what was really published on a
 * topic, and check it has exactly the fields of the contract's example in {@code contracts/}.
 */
public final class PublishedEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PublishedEvents() {
    }

    /** The first event of {@code type} for this aggregate on the topic, waiting up to 20 seconds. */
    public static JsonNode awaitFirst(String bootstrapServers, String topic, String aggregateId, String type) {
        List<JsonNode> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrapServers,
                "group.id", "published-events-" + UUID.randomUUID(), "auto.offset.reset", "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(300))) {
                    JsonNode event = JSON.readTree(record.value());
                    if (aggregateId.equals(record.key()) && type.equals(event.path("type").asString())) {
                        found.add(event);
                    }
                }
                return !found.isEmpty();
            });
        }
        return found.get(0);
    }

    /**
     * Asserts that envelope and payload have exactly the fields of {@code contracts/<folder>/<type>.json}; the
     * envelope's {@code aggregateVersion}, optional in the examples, must be a positive number when published.
     */
    public static void assertMatchesExample(JsonNode published, String folder) {
        JsonNode example = example(folder, published.get("type").asString());
        List<String> envelope = fieldNames(published);
        if (envelope.remove("aggregateVersion")) {
            assertThat(published.get("aggregateVersion").asLong()).isPositive();
        }
        List<String> expected = fieldNames(example);
        expected.remove("aggregateVersion");
        assertThat(envelope).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(fieldNames(published.get("payload"))).containsExactlyInAnyOrderElementsOf(fieldNames(example.get("payload")));
    }

    /** The pinned example of an event type, e.g. {@code example("org-events", "OrgUnitCreated")}. */
    public static JsonNode example(String folder, String type) {
        String resource = "/contracts/" + folder + "/" + type + ".json";
        try (InputStream in = PublishedEvents.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no contract example " + resource);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }
}
