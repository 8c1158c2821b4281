package org.linli.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"linli.gateway.rate-limit.store=frozen-clock", "ORG_SERVICE_URI=http://127.0.0.1:9"})
@AutoConfigureWebTestClient
class GatewayRateLimitTest {

    /** Burst 3, one a second, on a clock that stands still: no token comes back however slow the machine is. */
    @TestConfiguration
    static class FrozenClockLimiter {
        @Bean
        @Primary
        RateLimiter<?> frozenClockRateLimiter() {
            return new InMemoryRateLimiter(1, 3, new MutableClock());
        }
    }

    @Autowired
    WebTestClient client;

    @Test
    void anAnonymousClientOverItsRateOnAPublicRouteGets429ProblemWithRetryAfter() {
        for (int i = 0; i < 3; i++) {
            client.post().uri("/api/v1/auth/token").exchange().expectStatus().isEqualTo(503);
        }
        client.post().uri("/api/v1/auth/token").exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                .expectBody().jsonPath("$.type").isEqualTo("https://linli.example/problems/too-many-requests");
    }
}
