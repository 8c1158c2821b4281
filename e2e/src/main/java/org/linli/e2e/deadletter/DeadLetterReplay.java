package org.linli.e2e.deadletter;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.linli.events.Topics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends dead letters back to the consumer group that failed them: reads a dead-letter topic from its
 * beginning to its current end (no consumer group, nothing committed), keeps the records whose
 * {@code kafka_dlt-original-consumer-group} header names {@code group} (and, when given, whose envelope has
 * {@code eventId}), and publishes each one's key and value to its original topic
 * ({@code kafka_dlt-original-topic}) with the header {@value Topics#REPLAY_FOR_HEADER}{@code : <group>}.
 * Every other group skips such a record; the group it is for runs it like any other, and its processed-event
 * marks make a replay of an event it did process harmless. Prints one line per dead letter (position,
 * event id, type, never the payload).
 */
public final class DeadLetterReplay {

    static final String ORIGINAL_GROUP = "kafka_dlt-original-consumer-group";
    static final String ORIGINAL_TOPIC = "kafka_dlt-original-topic";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration READ_LIMIT = Duration.ofSeconds(60);

    private final String bootstrapServers;
    private final PrintStream out;

    public DeadLetterReplay(String bootstrapServers, PrintStream out) {
        this.bootstrapServers = bootstrapServers;
        this.out = out;
    }

    /**
     * @param deadLetterTopic e.g. {@code org.events.DLT}
     * @param group           the consumer group whose failures are replayed, e.g. {@code grid-service}
     * @param eventId         only this event, or {@code null} for all of the group's
     * @param dryRun          list, send nothing
     */
    public record Request(String deadLetterTopic, String group, String eventId, boolean dryRun) {
    }

    /** Replays (or, dry, lists) the matching dead letters; returns how many matched. */
    public int replay(Request request) {
        List<ConsumerRecord<String, String>> matching = read(request.deadLetterTopic()).stream()
                .filter(record -> request.group().equals(header(record, ORIGINAL_GROUP)))
                .filter(record -> request.eventId() == null || request.eventId().equals(eventId(record.value())))
                .toList();
        if (request.dryRun()) {
            matching.forEach(record -> out.println("would replay " + describe(record) + " to " + originalTopic(record)));
            out.println(matching.size() + " dead letter(s) of " + request.group() + " would be replayed (dry run)");
            return matching.size();
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrapServers,
                "acks", "all", "enable.idempotence", "true"), new StringSerializer(), new StringSerializer())) {
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            for (ConsumerRecord<String, String> record : matching) {
                ProducerRecord<String, String> again = new ProducerRecord<>(originalTopic(record), record.key(), record.value());
                again.headers().add(Topics.REPLAY_FOR_HEADER, request.group().getBytes(StandardCharsets.UTF_8));
                acks.add(producer.send(again));
                out.println("replayed " + describe(record) + " to " + again.topic());
            }
            for (Future<RecordMetadata> ack : acks) {
                ack.get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the broker did not acknowledge a replayed dead letter", e);
        }
        out.println(matching.size() + " dead letter(s) of " + request.group() + " replayed");
        return matching.size();
    }

    /** Every record of the topic, from the beginning to the end offsets read at the start. */
    private List<ConsumerRecord<String, String>> read(String topic) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrapServers,
                "enable.auto.commit", "false"), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
            long deadline = System.nanoTime() + READ_LIMIT.toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end within " + READ_LIMIT);
                }
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }

    private static String originalTopic(ConsumerRecord<String, String> record) {
        String original = header(record, ORIGINAL_TOPIC);
        if (original != null) {
            return original;
        }
        String topic = record.topic();
        return topic.endsWith(Topics.DEAD_LETTER_SUFFIX)
                ? topic.substring(0, topic.length() - Topics.DEAD_LETTER_SUFFIX.length()) : topic;
    }

    private static String describe(ConsumerRecord<String, String> record) {
        JsonNode envelope = envelope(record.value());
        String type = envelope == null ? "?" : envelope.path("type").asString("?");
        return record.topic() + "-" + record.partition() + "@" + record.offset() + " event " + eventId(record.value())
                + " (" + type + ")";
    }

    private static String eventId(String value) {
        JsonNode envelope = envelope(value);
        return envelope == null || !envelope.hasNonNull("eventId") ? null : envelope.get("eventId").asString();
    }

    private static JsonNode envelope(String value) {
        try {
            return value == null ? null : JSON.readTree(value);
        } catch (RuntimeException undecodable) {
            return null;
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
