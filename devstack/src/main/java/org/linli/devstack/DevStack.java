package org.linli.devstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The infrastructure of a machine without Docker: a Kafka broker (KRaft) and a MongoDB-wire store keeping
 * their data on disk. {@code ./linli up} starts each as its own process ({@code DevStack store},
 * {@code DevStack kafka}) so that either can be stopped, killed or restarted alone; with no argument both run
 * in this process. Stops cleanly on SIGTERM/Ctrl-C.
 *
 * <p>Settings (system properties): {@code linli.devstack.data} (default {@code .linli/data}; the store in
 * {@code mongo/}, Kafka's log in {@code kafka/}), {@code linli.devstack.mongo-port} (27017),
 * {@code linli.devstack.kafka-port} (9092), {@code linli.devstack.store-cache-mb} (the store's page cache in megabytes, 64).
 */
public final class DevStack {

    private static final Logger log = LoggerFactory.getLogger(DevStack.class);
    private static final Set<String> PARTS = Set.of("store", "kafka");

    private DevStack() {
    }

    public static void main(String[] args) throws InterruptedException {
        List<String> parts = args.length == 0 ? List.of("store", "kafka") : List.of(args);
        if (!PARTS.containsAll(parts)) {
            System.err.println("usage: DevStack [store] [kafka]");
            System.exit(2);
        }
        Path data = Path.of(System.getProperty("linli.devstack.data", ".linli/data"));
        List<AutoCloseable> running = new ArrayList<>();
        try {
            if (parts.contains("store")) {
                running.add(startStore(data));
            }
            if (parts.contains("kafka")) {
                running.add(startKafka(data));
            }
        } catch (RuntimeException e) {
            log.error("{} failed to start; stopping", parts, e);
            closeAll(running);
            System.exit(1);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("stopping {}", parts);
            closeAll(running);
            stopped.countDown();
        }, "devstack-shutdown"));
        log.info("devstack ready: {}", parts);
        stopped.await();
    }

    private static EmbeddedMongo startStore(Path data) {
        int port = Integer.getInteger("linli.devstack.mongo-port", 27017);
        int cacheMb = Integer.getInteger("linli.devstack.store-cache-mb", 64);
        EmbeddedMongo mongo = EmbeddedMongo.onDisk(data.resolve("mongo"), "127.0.0.1", port, cacheMb);
        log.info("MongoDB-wire store listening on 127.0.0.1:{}, data in {}", port, data.toAbsolutePath());
        return mongo;
    }

    private static EmbeddedKafka startKafka(Path data) {
        int port = Integer.getInteger("linli.devstack.kafka-port", 9092);
        EmbeddedKafka kafka = EmbeddedKafka.onPort(port, data.resolve("kafka"));
        log.info("Kafka broker (KRaft) listening on {}", kafka.bootstrapServers());
        return kafka;
    }

    /** Closes in reverse order of starting. */
    private static void closeAll(List<AutoCloseable> running) {
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).close();
            } catch (Exception e) {
                log.warn("could not stop cleanly: {}", e.getMessage());
            }
        }
    }
}
