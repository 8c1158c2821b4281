package org.linli.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's own refusals are problem+json with status, title and code: before issue #15 a refused URL and a
 * too long one had empty bodies, and an API-docs route to a service that is down answered a raw 500.
 * Sent with a plain HTTP client, so the URL reaches the gateway exactly as written.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayErrorsTest {

    static final StubUpstream ORG_SERVICE = StubUpstream.started();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        registry.add("ORG_SERVICE_URI", ORG_SERVICE::uri);
        registry.add("GRID_SERVICE_URI", () -> "http://127.0.0.1:9");
    }

    @AfterAll
    static void stop() {
        ORG_SERVICE.close();
    }


    private HttpResponse<String> get(String rawPath, boolean withToken) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + rawPath));
        if (withToken) {
            request.header("Authorization", "Bearer " + ORG_SERVICE.token("acc-1", List.of("COUNTY_ADMIN")));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("title").asString()).isNotBlank();
        assertThat(body.path("code").asString()).isEqualTo(code);
    }

    @Test
    void aUrlTheFirewallRefusesAnswers400ProblemNotAnEmptyBody() throws Exception {
        assertProblem(get("/api/v1/org-units/a%2Fb", true), 400, "invalid-url");
        assertProblem(get("/api/v1/org-units/%2e%2e/accounts", false), 400, "invalid-url");
    }

    @Test
    void aTooLongUrlAnswers414Problem() throws Exception {
        assertProblem(get("/api/v1/org-units/" + "x".repeat(5_000), true), 414, "uri-too-long");
        assertProblem(get("/api/v1/org-units?name=" + "y".repeat(20_000), false), 414, "uri-too-long");
        assertProblem(get("/api/v1/org-units?name=" + "z".repeat(200_000), false), 414, "uri-too-long");
    }

    @Test
    void tooLargeHeadersAnswer431Problem() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/org-units"))
                .header("X-Padding", "p".repeat(40_000)).build();
        assertProblem(http.send(request, HttpResponse.BodyHandlers.ofString()), 431, "headers-too-large");
    }

    @Test
    void aPathNoRouteServesAnswers404Problem() throws Exception {
        assertProblem(get("/api/v1/no-such-things", true), 404, "not-found");
    }

    @Test
    void theApiDocsOfAServiceThatIsDownAnswer503ProblemNotARaw500() throws Exception {
        HttpResponse<String> response = get("/api-docs/grid-service", false);
        assertProblem(response, 503, "service-unavailable");
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertProblem(get("/asyncapi/grid-service/docs/unknown", false), 503, "service-unavailable");
    }

    @Test
    void theGatewaysAuthenticationAndFallbackProblemsCarryACode() throws Exception {
        assertProblem(get("/api/v1/org-units", false), 401, "unauthorized");
        assertProblem(get("/api/v1/grids", true), 503, "service-unavailable");
    }
}
