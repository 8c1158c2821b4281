package org.linli.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real single-node Kafka broker in KRaft mode (combined broker and controller), in this process,
 * on a fixed port (its controller on the next one) or a free one, with its log on disk. Topics are created on first use, as on a
 * default broker. This is Kafka's own server class, not a test double.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private final KafkaRaftServer server;
    private final String bootstrapServers;

    private EmbeddedKafka(int port, Path logDir) {
        int brokerPort = port > 0 ? port : freePort();
        int controllerPort = port > 0 ? port + 1 : freePort();
        String dir = createDirectories(logDir).toAbsolutePath().toString();
        Properties config = new Properties();
        config.put("process.roles", "broker,controller");
        config.put("node.id", "1");
        config.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        config.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        config.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        config.put("controller.listener.names", "CONTROLLER");
        config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        config.put("inter.broker.listener.name", "PLAINTEXT");
        config.put("log.dirs", dir);
        config.put("num.partitions", "3");
        config.put("auto.create.topics.enable", "true");
        config.put("offsets.topic.replication.factor", "1");
        config.put("offsets.topic.num.partitions", "3");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("share.coordinator.state.topic.replication.factor", "1");
        config.put("group.initial.rebalance.delay.ms", "0");
        config.put("log.retention.hours", "168");
        // the active controller appends a no-op record to the metadata log this often so followers see it alive; a
        // single combined node has no followers, and the default 500 ms was most of an idle broker's own CPU
        config.put("metadata.max.idle.interval.ms", "5000");
        // the log cleaner (it compacts __consumer_offsets) keeps its offset map in one heap buffer of this size for
        // as long as the broker runs: the default 128 MB was half of this broker's 256 MB heap, which then sat at
        // 99 % old generation and collected in full several times an hour; 8 MB maps ~350,000 keys per pass
        config.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
        KafkaConfig kafkaConfig = new KafkaConfig(config);
        format(dir);
        this.server = new KafkaRaftServer(kafkaConfig, Time.SYSTEM);
        server.startup();
        this.bootstrapServers = "127.0.0.1:" + brokerPort;
    }

    /** A broker on a free port with its log in a fresh temporary folder. */
    public static EmbeddedKafka onRandomPort() {
        try {
            return new EmbeddedKafka(0, Files.createTempDirectory("linli-kafka"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A broker on the given port whose log survives restarts in {@code logDir}. */
    public static EmbeddedKafka onPort(int port, Path logDir) {
        return new EmbeddedKafka(port, logDir);
    }

    /** The value for {@code spring.kafka.bootstrap-servers}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }

    /** Formats the log directory on first use; a directory formatted before keeps its cluster id and data. */
    private static void format(String dir) {
        if (Files.exists(Path.of(dir, "meta.properties"))) {
            return;
        }
        try {
            new Formatter()
                    .setNodeId(1)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setControllerListenerName("CONTROLLER")
                    .setMetadataLogDirectory(dir)
                    .addDirectory(dir)
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setPrintStream(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()))
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("cannot format the Kafka log directory " + dir, e);
        }
    }

    private static Path createDirectories(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
