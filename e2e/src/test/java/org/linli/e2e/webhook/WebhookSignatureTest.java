package org.linli.e2e.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The subscriber's check against a signature made with openssl (docs/webhooks.md). */
class WebhookSignatureTest {

    // printf '%s' '1764927000.{"eventId":"e1"}' | openssl dgst -sha256 -hmac 'whsec_test' -hex
    private static final String SIGNED = "v1=3f7224869560f653042490186f4236c4a16bd727544149ef38ed7adad7b9fa2c";
    private static final String BODY = "{\"eventId\":\"e1\"}";

    @Test
    void acceptsTheSignatureOfTimestampDotBody() {
        assertThat(WebhookSignature.verify("whsec_test", "1764927000", BODY, SIGNED)).isTrue();
        assertThat(WebhookSignature.verify("whsec_test", "1764927000", BODY, "v0=abc, " + SIGNED)).isTrue();
    }

    @Test
    void refusesAnotherSecretBodyOrTimestampAndGarbage() {
        assertThat(WebhookSignature.verify("whsec_other", "1764927000", BODY, SIGNED)).isFalse();
        assertThat(WebhookSignature.verify("whsec_test", "1764927000", BODY + " ", SIGNED)).isFalse();
        assertThat(WebhookSignature.verify("whsec_test", "1764927001", BODY, SIGNED)).isFalse();
        assertThat(WebhookSignature.verify("whsec_test", "1764927000", BODY, "v1=zz")).isFalse();
        assertThat(WebhookSignature.verify("whsec_test", "1764927000", BODY, null)).isFalse();
    }

    @Test
    void refusesATimestampOutsideTheTolerance() {
        Instant sent = Instant.ofEpochSecond(1764927000L);

        assertThat(WebhookSignature.verify("whsec_test", "1764927000", BODY, SIGNED, sent.plusSeconds(299))).isTrue();
        assertThat(WebhookSignature.verify("whsec_test", "1764927000", BODY, SIGNED, sent.plusSeconds(301))).isFalse();
        assertThat(WebhookSignature.verify("whsec_test", "1764927000", BODY, SIGNED, sent.minusSeconds(301))).isFalse();
    }
}
