package org.linli.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * A slow report does not take a service's other routes down with it: issue statistics have a circuit breaker of
 * their own, so once they keep outrunning the time limit only they are refused (the scale benchmark of session 15
 * saw every issue route answer 503 after the statistics case).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"linli.gateway.timeout=1s", "linli.gateway.rate-limit.replenish-rate=100000",
                "linli.gateway.rate-limit.burst-capacity=100000"})
@AutoConfigureWebTestClient
class GatewayBreakersTest {

    /** Beyond the breaker's minimum number of calls (10), all of them cut by the time limit. */
    private static final int SLOW_CALLS = 12;

    static final StubUpstream ISSUE_SERVICE = StubUpstream.started();

    @Autowired
    WebTestClient client;

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        registry.add("ORG_SERVICE_URI", ISSUE_SERVICE::uri); // the signing keys
        registry.add("ISSUE_SERVICE_URI", ISSUE_SERVICE::uri);
    }

    @AfterAll
    static void stop() {
        ISSUE_SERVICE.close();
    }

    @Test
    void statisticsThatKeepTimingOutOpenTheirOwnBreakerAndTheIssueListIsStillServed() throws Exception {
        String token = ISSUE_SERVICE.token("acc-1", List.of("COUNTY_ADMIN"));
        ExecutorService callers = Executors.newFixedThreadPool(SLOW_CALLS);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < SLOW_CALLS; i++) {
                calls.add(callers.submit(() -> get("/api/v1/issues/statistics", token).expectStatus().isEqualTo(503)));
            }
            for (Future<?> call : calls) {
                call.get();
            }
        } finally {
            callers.shutdownNow();
        }
        int reachedBefore = ISSUE_SERVICE.statisticsCalls.get();

        get("/api/v1/issues/statistics", token).expectStatus().isEqualTo(503);
        assertThat(ISSUE_SERVICE.statisticsCalls.get()).as("refused by the open breaker, not sent").isEqualTo(reachedBefore);
        get("/api/v1/issues", token).expectStatus().isOk();
    }

    private WebTestClient.ResponseSpec get(String path, String token) {
        return client.get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
    }
}
