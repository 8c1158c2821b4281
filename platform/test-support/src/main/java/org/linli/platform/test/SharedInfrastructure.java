package org.linli.platform.test;

import org.linli.devstack.EmbeddedKafka;
import org.linli.devstack.EmbeddedMongo;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/** The infrastructure shared by every test of one JVM, started on first use and stopped at exit. */
final class SharedInfrastructure {

    private SharedInfrastructure() {
    }

    /** Kafka bootstrap servers and a Mongo URI prefix ({@code mongodb://host:port/}). */
    record Endpoints(String kafkaBootstrapServers, String mongoUriPrefix) {
    }

    static Endpoints embedded() {
        return Embedded.ENDPOINTS;
    }

    static Endpoints containers() {
        return Containers.ENDPOINTS;
    }

    private static final class Embedded {
        static final Endpoints ENDPOINTS = start();

        private static Endpoints start() {
            EmbeddedKafka kafka = EmbeddedKafka.onRandomPort();
            EmbeddedMongo mongo = EmbeddedMongo.inMemory();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                mongo.close();
                closeWithin(kafka, 3_000);
            }));
            return new Endpoints(kafka.bootstrapServers(), mongo.uri(""));
        }
    }

    /**
     * A broker shutting down while the test contexts' consumers close at the same time can wait for
     * them a long while; the JVM is exiting anyway, so it gets a few seconds and no more.
     */
    private static void closeWithin(AutoCloseable resource, long millis) {
        Thread closer = new Thread(() -> {
            try {
                resource.close();
            } catch (Exception ignored) {
                // exiting
            }
        }, "close-" + resource.getClass().getSimpleName());
        closer.setDaemon(true);
        closer.start();
        try {
            closer.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class Containers {
        static final Endpoints ENDPOINTS = start();

        @SuppressWarnings("resource")
        private static Endpoints start() {
            MongoDBContainer mongo = new MongoDBContainer("mongo:8.0");
            KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.0");
            mongo.start();
            kafka.start();
            String replicaSetUrl = mongo.getReplicaSetUrl("x");
            return new Endpoints(kafka.getBootstrapServers(), replicaSetUrl.substring(0, replicaSetUrl.lastIndexOf('/') + 1));
        }
    }
}
