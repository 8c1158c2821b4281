package org.linli.e2e.scale;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * {@code lag-watch}: samples every consumer group's lag (end offset minus committed offset, summed over its
 * partitions) on the broker every {@code interval} for {@code duration}, and the events not yet on the broker at
 * all (documents with a pending-outbox marker, per service database), one line per sample:
 * {@code LAG <seconds since start> total=<n> <group>=<n> … unpublished=<n> unpublished.<service>=<n> …}. Consumer
 * lag alone would look fine while a relay falls behind. The broker from {@code LINLI_KAFKA} (default
 * localhost:9092), the store from {@code LINLI_MONGO} (default mongodb://localhost:27017). Reads only; fails when
 * the broker does not answer within 10 s.
 */
public final class LagWatch {

    private static final long TIMEOUT_SECONDS = 10;
    private static final List<String> SERVICES = List.of("org-service", "grid-service", "property-service",
            "issue-service", "points-service");

    private final String bootstrap;
    private final PrintStream out;

    public LagWatch(String bootstrap, PrintStream out) {
        this.bootstrap = bootstrap;
        this.out = out;
    }

    public static String bootstrapFromEnvironment() {
        String value = System.getenv("LINLI_KAFKA");
        return value == null || value.isBlank() ? "localhost:9092" : value;
    }

    public void watch(Duration duration, Duration interval) {
        Properties settings = new Properties();
        settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
        settings.put(AdminClientConfig.CLIENT_ID_CONFIG, "linli-lag-watch");
        long started = System.nanoTime();
        long samples = duration.toMillis() / Math.max(1, interval.toMillis()) + 1;
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
        Admin admin = Admin.create(settings);
        try (MongoClient store = MongoClients.create(mongoFromEnvironment())) {
            for (long sample = 0; sample < samples; sample++) {
                long due = started + sample * interval.toNanos();
                sleepUntil(due);
                Map<String, Long> lags = lags(admin);
                long total = lags.values().stream().mapToLong(Long::longValue).sum();
                StringBuilder line = new StringBuilder(String.format("LAG %.0f total=%d",
                        (System.nanoTime() - started) / 1e9, total));
                lags.forEach((group, lag) -> line.append(' ').append(group).append('=').append(lag));
                Map<String, Long> unpublished = unpublished(store);
                line.append(" unpublished=").append(unpublished.values().stream().mapToLong(Long::longValue).sum());
                unpublished.forEach((service, count) -> line.append(" unpublished.").append(service).append('=')
                        .append(count));
                out.println(line);
                out.flush();
            }
        } finally {
            admin.close(Duration.ofSeconds(TIMEOUT_SECONDS));
        }
    }

    private static String mongoFromEnvironment() {
        String value = System.getenv("LINLI_MONGO");
        return value == null || value.isBlank() ? "mongodb://localhost:27017" : value;
    }

    /** Documents whose events wait for the outbox relay, per service. */
    private static Map<String, Long> unpublished(MongoClient store) {
        Map<String, Long> counts = new TreeMap<>();
        for (String service : SERVICES) {
            counts.put(service, store.getDatabase(service).getCollection("outbox_pending").countDocuments());
        }
        return counts;
    }

    /** Every group's lag, by group id. */
    Map<String, Long> lags(Admin admin) {
        try {
            Map<String, Long> lags = new TreeMap<>();
            for (ConsumerGroupListing group : admin.listConsumerGroups().all()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin
                        .listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata()
                        .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                committed.forEach((partition, offset) -> {
                    if (offset != null) {
                        latest.put(partition, OffsetSpec.latest());
                    }
                });
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = latest.isEmpty() ? Map.of()
                        : admin.listOffsets(latest).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                long lag = 0;
                for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end : ends.entrySet()) {
                    lag += Math.max(0, end.getValue().offset() - committed.get(end.getKey()).offset());
                }
                lags.put(group.groupId(), lag);
            }
            return lags;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the broker at " + bootstrap + " did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void sleepUntil(long nanoTime) {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }
}
