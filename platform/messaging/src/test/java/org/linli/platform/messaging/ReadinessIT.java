package org.linli.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.linli.devstack.EmbeddedKafka;
import org.linli.devstack.EmbeddedMongo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Readiness tells the truth: on a store and a broker of its own, the service is ready while both
 * answer, not ready while either is gone, and alive throughout (a restart would not bring them back).
 */
@SpringBootTest(classes = MessagingTestApplication.class, properties = {
        "linli.messaging.readiness.store-selection-timeout=500ms", "linli.messaging.readiness.broker-timeout=500ms",
        "linli.messaging.readiness.broker-cache-for=0s"})
@DirtiesContext
class ReadinessIT {

    private static final EmbeddedKafka KAFKA = EmbeddedKafka.onRandomPort();
    private static EmbeddedMongo mongo = EmbeddedMongo.inMemory();
    private static final int MONGO_PORT = mongo.port();
    private static boolean kafkaRunning = true;

    @Autowired
    HealthEndpoint health;
    @Autowired
    HealthEndpointGroups groups;

    @DynamicPropertySource
    static void ownStoreAndBroker(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", KAFKA::bootstrapServers);
        registry.add("spring.mongodb.uri", () -> mongo.uri("readiness"));
    }

    @AfterAll
    static void stop() {
        mongo.close();
        if (kafkaRunning) {
            KAFKA.close();
        }
    }

    @Test
    void readinessFollowsTheStoreAndTheBrokerWhileLivenessAndRoutingDoNot() throws Exception {
        assertThat(groups.get("readiness").isMember("mongo")).isTrue();
        assertThat(groups.get("readiness").isMember("kafka")).isTrue();
        assertThat(groups.get("liveness").isMember("mongo")).isFalse();
        assertThat(groups.get("liveness").isMember("kafka")).isFalse();
        assertThat(groups.get("routing").isMember("mongo")).isFalse();
        assertThat(groups.get("routing").isMember("kafka")).isFalse();
        awaitReadiness(Status.UP);

        mongo.close();
        awaitReadiness(Status.DOWN);
        assertThat(health.healthForPath("liveness").getStatus()).isEqualTo(Status.UP);
        assertThat(health.healthForPath("routing").getStatus()).isEqualTo(Status.UP);

        Path data = Files.createTempDirectory("readiness-store");
        mongo = EmbeddedMongo.onDisk(data, "127.0.0.1", MONGO_PORT);
        awaitReadiness(Status.UP);

        KAFKA.close();
        kafkaRunning = false;
        awaitReadiness(Status.DOWN);
        assertThat(health.healthForPath("liveness").getStatus()).isEqualTo(Status.UP);
    }

    private void awaitReadiness(Status expected) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(health.healthForPath("readiness").getStatus()).isEqualTo(expected));
    }
}
