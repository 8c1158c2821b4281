package org.linli.issue.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Posts one signed delivery to its subscriber with short timeouts and without following redirects (a redirect
 * would bypass {@link TargetPolicy}); any answer is an attempt with its status, no answer an attempt with an error.
 */
@Component
class WebhookClient {

    private static final int MAX_ERROR = 200;

    private final RestClient rest;
    private final Clock clock;

    WebhookClient(WebhookSettings settings, Clock clock) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(settings.readTimeout());
        this.rest = RestClient.builder().requestFactory(factory).build();
        this.clock = clock;
    }

    WebhookDelivery.WebhookAttempt post(URI target, String deliveryId, String secret, String body) {
        Instant at = clock.instant();
        long timestamp = at.getEpochSecond();
        long started = System.nanoTime();
        try {
            int status = rest.post().uri(target).contentType(MediaType.APPLICATION_JSON)
                    .header("User-Agent", "Linli-Webhooks/1")
                    .header(WebhookSignature.ID_HEADER, deliveryId)
                    .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                    .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secret, timestamp, body))
                    .body(body)
                    .exchange((request, response) -> response.getStatusCode().value());
            return WebhookDelivery.attempt(at, status, null, since(started));
        } catch (RuntimeException failed) {
            return WebhookDelivery.attempt(at, null, describe(failed), since(started));
        }
    }

    /** A failed attempt that was not sent: the target is no longer allowed. */
    WebhookDelivery.WebhookAttempt refused(String reason) {
        return WebhookDelivery.attempt(clock.instant(), null, reason, Duration.ZERO);
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    /** The root cause's kind and message, short: what the subscriber's operators need ("ConnectException: …"). */
    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        return text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR) : text;
    }
}
