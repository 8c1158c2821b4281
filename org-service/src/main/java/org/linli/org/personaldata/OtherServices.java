package org.linli.org.personaldata;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * Asks the other services, through the gateway ({@code linli.gateway.url}) and with the caller's own token, what
 * they hold about the caller and who read it unmasked. Short timeouts; no retries (the download is one GET the
 * resident can repeat). A part that does not answer is empty, and the caller lists it as missing.
 */
@Component
class OtherServices {

    private static final Logger log = LoggerFactory.getLogger(OtherServices.class);
    /** Pages of 200 reads each; a resident read more often than this gets the newest and a note in the docs. */
    private static final int MAX_READ_PAGES = 10;

    private final RestClient rest;

    OtherServices(@Value("${linli.gateway.url:http://localhost:8080}") String gatewayUrl,
                  @Value("${linli.personal-data.timeout:3s}") Duration timeout) {
        SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
        factory.setConnectTimeout(timeout);
        factory.setReadTimeout(timeout);
        this.rest = RestClient.builder().baseUrl(gatewayUrl).requestFactory(factory).build();
    }

    /** What the service behind {@code part} holds about the token's account; empty when it did not answer. */
    Optional<JsonNode> part(PersonalDataPart part, String bearerToken) {
        try {
            return Optional.ofNullable(get(part.path(), bearerToken));
        } catch (RuntimeException failure) {
            log.warn("personal data of {} not fetched ({})", part.audit(), failure.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /**
     * The unmasked reads of the token's account recorded by the service's audit trail, newest pages first; a 404
     * (no trail there yet) is no reads; empty when the service did not answer.
     */
    Optional<List<JsonNode>> readsOfMe(PersonalDataPart part, String bearerToken) {
        List<JsonNode> reads = new ArrayList<>();
        try {
            for (int page = 0; page < MAX_READ_PAGES; page++) {
                JsonNode answer = get("/api/v1/audit-trails/" + part.audit() + "/reads-of-me?size=200&page=" + page,
                        bearerToken);
                if (answer == null) {
                    break;
                }
                answer.path("content").forEach(reads::add);
                if (page + 1 >= answer.path("page").path("totalPages").asInt(0)) {
                    break;
                }
            }
            return Optional.of(reads);
        } catch (HttpClientErrorException failure) {
            if (failure.getStatusCode().isSameCodeAs(HttpStatus.NOT_FOUND)) {
                return Optional.of(reads);
            }
            log.warn("unmasked reads of {} not fetched ({})", part.audit(), failure.getStatusCode().value());
            return Optional.empty();
        } catch (RuntimeException failure) {
            log.warn("unmasked reads of {} not fetched ({})", part.audit(), failure.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    private JsonNode get(String path, String bearerToken) {
        return rest.get().uri(path)
                .headers(headers -> headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + bearerToken))
                .retrieve().body(JsonNode.class);
    }
}
