package org.linli.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import org.springframework.web.server.session.DefaultWebSessionManager;
import org.springframework.web.server.session.WebSessionManager;
import reactor.core.publisher.Mono;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "linli.gateway.timeout=1s")
@AutoConfigureWebTestClient
class GatewayRoutingTest {

    static final StubUpstream ORG_SERVICE = StubUpstream.started();
    static final AtomicInteger SESSIONS_ASKED_FOR = new AtomicInteger();

    @Autowired
    WebTestClient client;

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        registry.add("ORG_SERVICE_URI", ORG_SERVICE::uri);
        registry.add("GRID_SERVICE_URI", () -> "http://127.0.0.1:9");
        registry.add("ISSUE_SERVICE_URI", () -> "http://127.0.0.1:9");
        // not whatever runs on the default port (a developer's stack would answer for the code it was built from)
        registry.add("POINTS_SERVICE_URI", () -> "http://127.0.0.1:9");
    }

    @AfterAll
    static void stop() {
        ORG_SERVICE.close();
    }

    @Test
    void aProtectedRouteWithoutATokenAnswers401ProblemBeforeReachingTheService() {
        ORG_SERVICE.lastAuthorization = null;
        client.get().uri("/api/v1/org-units").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://linli.example/problems/unauthorized")
                .jsonPath("$.title").isEqualTo("未认证")
                .jsonPath("$.properties").doesNotExist();
        assertThat(ORG_SERVICE.lastAuthorization).isNull();
    }

    @Test
    void aValidTokenIsRoutedToTheOwningServiceWithTheTokenForwarded() {
        String token = ORG_SERVICE.token("acc-1", List.of("COUNTY_ADMIN"));
        client.get().uri("/api/v1/org-units").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.page.totalElements").isEqualTo(0);
        assertThat(ORG_SERVICE.lastAuthorization).isEqualTo("Bearer " + token);
    }

    @Test
    void aForgedTokenAnswers401InEnglishOnRequest() {
        client.get().uri("/api/v1/org-units").header(HttpHeaders.AUTHORIZATION, "Bearer not.a.jwt")
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en").exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.title").isEqualTo("Unauthorized");
    }

    @Test
    void aServiceThatIsDownAnswers503ProblemFromTheCircuitBreakerFallback() {
        String token = ORG_SERVICE.token("acc-1", List.of("COUNTY_ADMIN"));
        client.get().uri("/api/v1/grids/org-units/x").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                .expectBody().jsonPath("$.type").isEqualTo("https://linli.example/problems/service-unavailable");
    }

    @Test
    void thePersonalDataDownloadAndCorrectionsGoToOrgServiceAndEachServicesPartToItsOwner() {
        String token = ORG_SERVICE.token("acc-1", List.of("RESIDENT"));
        for (String orgPath : List.of("/api/v1/personal-data", "/api/v1/personal-data/correction-requests",
                "/api/v1/correction-requests/r-1/answer")) {
            client.get().uri(orgPath).header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.owner").isEqualTo("org-service");
        }
        // grid-service is down in this test: its part is routed there, not to org-service
        client.get().uri("/api/v1/personal-data/grid").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                .expectStatus().isEqualTo(503);
    }

    @Test
    void webhookSubscriptionsAreRoutedToIssueService() {
        String token = ORG_SERVICE.token("acc-1", List.of("COUNTY_ADMIN"));
        // issue-service is down in this test: a 503 from its circuit breaker, not a 404 for an unrouted path
        for (String path : List.of("/api/v1/webhook-subscriptions", "/api/v1/webhook-subscriptions/s-1/deliveries")) {
            client.get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                    .expectStatus().isEqualTo(503);
        }
    }

    @Test
    void publicRoutesAndApiDocsNeedNoToken() {
        client.get().uri("/.well-known/jwks.json").exchange().expectStatus().isOk();
        client.get().uri("/api-docs/org-service").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.openapi").isEqualTo("3.1.0");
        client.get().uri("/asyncapi/org-service/docs").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.asyncapi").isEqualTo("3.0.0");
        client.get().uri("/actuator/health").exchange().expectStatus().isOk();
    }

    @Test
    void whatResidentsAndTheMediaReadPassWithoutATokenAndNothingNextToIt() {
        for (String open : List.of("/api/v1/rankings/published", "/api/v1/sanctions/caution-list",
                "/api/v1/honour-lists/red", "/api/v1/meetings/published/m-1", "/open311/v2/requests.json",
                "/api/v1/branch-ratings/published/r-1", "/api/v1/community-lists/published",
                "/api/v1/community-lists/published/l-1")) {
            client.get().uri(open).exchange().expectStatus().value(status -> assertThat(status).as(open).isNotEqualTo(401));
        }
        client.get().uri("/api/v1/rankings").exchange().expectStatus().isUnauthorized();
        client.get().uri("/api/v1/sanctions").exchange().expectStatus().isUnauthorized();
        client.get().uri("/api/v1/community-lists/l-1").exchange().expectStatus().isUnauthorized();
        client.post().uri("/api/v1/community-lists").exchange().expectStatus().isUnauthorized();
        client.post().uri("/api/v1/rankings/published").exchange().expectStatus().isUnauthorized();
        // a visited resident rates with the one-time code alone; residents' own ratings need their token
        client.post().uri("/api/v1/branch-ratings/rounds/r-1/code-ratings").exchange().expectStatus()
                .value(status -> assertThat(status).isNotEqualTo(401));
        client.post().uri("/api/v1/branch-ratings/rounds/r-1/ratings").exchange().expectStatus().isUnauthorized();
        client.get().uri("/api/v1/branch-ratings/rounds/r-1/results").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void aCallBeyondTheTimeLimitIsCutWithTheFallback() {
        String token = ORG_SERVICE.token("acc-1", List.of("COUNTY_ADMIN"));
        client.get().uri("/api/v1/org-units/slow").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange().expectStatus().isEqualTo(503);
    }

    @Test
    void fortyConcurrentCallsToOneServiceAllGetThrough() throws Exception {
        String token = ORG_SERVICE.token("acc-1", List.of("COUNTY_ADMIN"));
        ExecutorService callers = Executors.newFixedThreadPool(40);
        try {
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                calls.add(callers.submit(() -> client.get().uri("/api/v1/org-units/busy")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                        .returnResult(String.class).getStatus().value()));
            }
            for (Future<Integer> call : calls) {
                assertThat(call.get(20, TimeUnit.SECONDS)).as("no bulkhead turns a burst away").isEqualTo(200);
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void answersCorsPreflightForBrowserFrontends() {
        client.options().uri("/api/v1/org-units")
                .header(HttpHeaders.ORIGIN, "http://localhost:5173")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://localhost:5173");
    }

    /** The gateway keeps no web session: the token is the whole state of a call. */
    @Test
    void routedAndRefusedCallsNeverAskForAWebSession() {
        String token = ORG_SERVICE.token("acc-1", List.of("COUNTY_ADMIN"));
        SESSIONS_ASKED_FOR.set(0);
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
