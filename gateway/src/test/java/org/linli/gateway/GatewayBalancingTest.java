package org.linli.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Two instances of a service behind the gateway (issue #18): requests are shared between them, an instance whose
 * readiness fails is taken out of rotation within seconds, and it serves again once it is ready; when none is ready,
 * none is taken out.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"linli.gateway.timeout=1s", "linli.gateway.rate-limit.replenish-rate=100000",
                "linli.gateway.rate-limit.burst-capacity=100000"})
@AutoConfigureWebTestClient
class GatewayBalancingTest {

    static final StubUpstream FIRST = StubUpstream.started();
    static final StubUpstream SECOND = StubUpstream.started();

    @Autowired
    WebTestClient client;

    @DynamicPropertySource
    static void twoOrgServiceInstances(DynamicPropertyRegistry registry) {
        registry.add("ORG_SERVICE_URI", FIRST::uri);
        registry.add("spring.cloud.discovery.client.simple.instances.org-service[0].uri", FIRST::uri);
        registry.add("spring.cloud.discovery.client.simple.instances.org-service[1].uri", SECOND::uri);
    }

    @AfterAll
    static void stop() {
        FIRST.close();
        SECOND.close();
    }

    @Test
    void requestsAreSharedAndAnInstanceThatIsNotReadyIsTakenOutOfRotationUntilItIsReadyAgain() {
        String token = FIRST.token("acc-1", List.of("COUNTY_ADMIN"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            int first = FIRST.listCalls.get();
            int second = SECOND.listCalls.get();
            listOrgUnits(token, 10);
            assertThat(FIRST.listCalls.get()).as("first instance served").isGreaterThan(first);
            assertThat(SECOND.listCalls.get()).as("second instance served").isGreaterThan(second);
        });

        SECOND.readiness = 503;
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            int second = SECOND.listCalls.get();
            listOrgUnits(token, 10);
            assertThat(SECOND.listCalls.get()).as("no call to the instance that is not ready").isEqualTo(second);
        });

        SECOND.readiness = 200;
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            int second = SECOND.listCalls.get();
            listOrgUnits(token, 10);
            assertThat(SECOND.listCalls.get()).as("ready again, back in rotation").isGreaterThan(second);
        });
    }

    @Test
    void whenNoInstanceIsReadyEveryInstanceStaysInRotationRatherThanNone() {
        String token = FIRST.token("acc-1", List.of("COUNTY_ADMIN"));
        FIRST.readiness = 503;
        SECOND.readiness = 503;
        try {
            await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                int first = FIRST.listCalls.get();
                int second = SECOND.listCalls.get();
                listOrgUnits(token, 10);
                assertThat(FIRST.listCalls.get()).as("first instance served").isGreaterThan(first);
                assertThat(SECOND.listCalls.get()).as("second instance served").isGreaterThan(second);
            });
        } finally {
            FIRST.readiness = 200;
            SECOND.readiness = 200;
        }
    }

    private void listOrgUnits(String token, int times) {
        for (int i = 0; i < times; i++) {
            client.get().uri("/api/v1/org-units").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                    .expectStatus().isOk();
        }
    }
}
