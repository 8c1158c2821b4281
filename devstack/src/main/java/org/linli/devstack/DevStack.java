package org.linli.devstack;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The infrastructure of a machine without Docker, in one process: a Kafka broker (KRaft) and a
 * MongoDB-wire store keeping their data on disk. Started by {@code ./linli up}; stops cleanly on
 * SIGTERM/Ctrl-C.
 *
 * <p>Settings (system properties): {@code linli.devstack.data} (default {@code .linli/data}; the store in {@code mongo/}, Kafka's log in {@code kafka/}),
 * {@code linli.devstack.mongo-port} (27017), {@code linli.devstack.kafka-port} (9092).
 */
public final class DevStack {

    private static final Logger log = LoggerFactory.getLogger(DevStack.class);

    private DevStack() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path data = Path.of(System.getProperty("linli.devstack.data", ".linli/data"));
        int mongoPort = Integer.getInteger("linli.devstack.mongo-port", 27017);
        int kafkaPort = Integer.getInteger("linli.devstack.kafka-port", 9092);

        EmbeddedMongo mongo = EmbeddedMongo.onDisk(data.resolve("mongo"), "127.0.0.1", mongoPort);
        log.info("MongoDB-wire store listening on 127.0.0.1:{}, data in {}", mongoPort, data.toAbsolutePath());
        EmbeddedKafka kafka;
        try {
            kafka = EmbeddedKafka.onPort(kafkaPort, data.resolve("kafka"));
        } catch (RuntimeException e) {
            log.error("Kafka broker failed to start; stopping the devstack", e);
            mongo.close();
            System.exit(1);
            return;
        }
        log.info("Kafka broker (KRaft) listening on {}", kafka.bootstrapServers());

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("stopping devstack");
            kafka.close();
            mongo.close();
            stopped.countDown();
        }, "devstack-shutdown"));
        log.info("devstack ready");
        stopped.await();
    }
}
