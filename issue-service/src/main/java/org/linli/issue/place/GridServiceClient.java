package org.linli.issue.place;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * Asks grid-service which grid a point lies in, when the local copy cannot answer: a short timeout
 * behind a Resilience4j circuit breaker (after half the last 10 calls failed it stays open for 30 s
 * and answers at once). A 4xx (404 outside every grid, 401 without a token) is an answer, not a failure. Any failure answers
 * empty: the caller routes to a queue instead.
 */
@Component
class GridServiceClient {

    private static final Logger log = LoggerFactory.getLogger(GridServiceClient.class);

    private final RestClient rest;
    private final CircuitBreaker breaker;

    GridServiceClient(@Value("${linli.issue.grid-service.url:http://localhost:8082}") String baseUrl,
                      @Value("${linli.issue.grid-service.timeout:800ms}") Duration timeout) {
        SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
        factory.setConnectTimeout(timeout);
        factory.setReadTimeout(timeout);
        this.rest = RestClient.builder().baseUrl(baseUrl).requestFactory(factory).build();
        this.breaker = CircuitBreaker.of("grid-service", CircuitBreakerConfig.custom()
                .slidingWindowSize(10).minimumNumberOfCalls(4).failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(30)).permittedNumberOfCallsInHalfOpenState(2)
                .build());
    }

    /** The finest grid's id, or empty when outside every grid, unreachable, slow, or the breaker is open. */
    Optional<String> locate(double lat, double lng, String bearerToken) {
        try {
            return breaker.executeSupplier(() -> call(lat, lng, bearerToken));
        } catch (CallNotPermittedException open) {
            return Optional.empty();
        } catch (RuntimeException failure) {
            log.warn("grid-service locate failed ({}): routing to a queue", failure.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    CircuitBreaker.State state() {
        return breaker.getState();
    }

    private Optional<String> call(double lat, double lng, String bearerToken) {
        try {
            JsonNode answer = rest.get()
                    .uri(uri -> uri.path("/api/v1/grids/locate").queryParam("lat", lat).queryParam("lng", lng).build())
                    .headers(headers -> {
                        if (bearerToken != null) {
                            headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + bearerToken);
                        }
                    })
                    .retrieve().body(JsonNode.class);
            return Optional.ofNullable(answer).map(body -> body.path("grid").path("id").asString(null));
        } catch (HttpClientErrorException outsideOrRefused) {
            // 404 outside every grid; 401/403 without a usable token: an answer, not an outage
            return Optional.empty();
        }
    }
}
