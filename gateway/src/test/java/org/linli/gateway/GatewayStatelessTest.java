package org.linli.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import org.springframework.web.server.session.DefaultWebSessionManager;
import org.springframework.web.server.session.WebSessionManager;
import reactor.core.publisher.Mono;

/** The gateway keeps no web session: the token is the whole state of a call. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class GatewayStatelessTest {

    static final StubUpstream ORG_SERVICE = StubUpstream.started();
    static final AtomicInteger SESSIONS_ASKED_FOR = new AtomicInteger();

    @Autowired
    WebTestClient client;

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        registry.add("ORG_SERVICE_URI", ORG_SERVICE::uri);
        registry.add("GRID_SERVICE_URI", () -> "http://127.0.0.1:9");
        registry.add("ISSUE_SERVICE_URI", () -> "http://127.0.0.1:9");
        registry.add("POINTS_SERVICE_URI", () -> "http://127.0.0.1:9");
    }

    @AfterAll
    static void stop() {
        ORG_SERVICE.close();
    }

    @Test
    void routedAndRefusedCallsNeverAskForAWebSession() {
        String token = ORG_SERVICE.token("acc-1", List.of("COUNTY_ADMIN"));
        client.get().uri("/api/v1/org-units").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                .expectStatus().isOk();
        client.get().uri("/api/v1/org-units").exchange().expectStatus().isUnauthorized();
        client.get().uri("/api/v1/org-units").header(HttpHeaders.ACCEPT, "text/html").exchange()
                .expectStatus().isUnauthorized();

        assertThat(SESSIONS_ASKED_FOR).hasValue(0);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class CountingSessions {

        @Bean(WebHttpHandlerBuilder.WEB_SESSION_MANAGER_BEAN_NAME)
        WebSessionManager countingSessionManager() {
            DefaultWebSessionManager sessions = new DefaultWebSessionManager();
            // every exchange holds the (lazy) session Mono; what counts is a filter subscribing to it
            return exchange -> Mono.defer(() -> {
                SESSIONS_ASKED_FOR.incrementAndGet();
                return sessions.getSession(exchange);
            });
        }
    }
}
