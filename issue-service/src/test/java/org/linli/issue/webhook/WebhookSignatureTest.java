package org.linli.issue.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    @Test
    void signsTimestampDotBodyWithHmacSha256AsOpensslDoes() {
        // printf '%s' '1764927000.{"eventId":"e1"}' | openssl dgst -sha256 -hmac 'whsec_test' -hex
        assertThat(WebhookSignature.sign("whsec_test", 1764927000L, "{\"eventId\":\"e1\"}"))
                .isEqualTo("v1=3f7224869560f653042490186f4236c4a16bd727544149ef38ed7adad7b9fa2c");
    }

    @Test
    void anotherTimestampOrBodyOrSecretGivesAnotherSignature() {
        String signed = WebhookSignature.sign("whsec_test", 1764927000L, "{}");

        assertThat(WebhookSignature.sign("whsec_test", 1764927001L, "{}")).isNotEqualTo(signed);
        assertThat(WebhookSignature.sign("whsec_test", 1764927000L, "{ }")).isNotEqualTo(signed);
        assertThat(WebhookSignature.sign("whsec_other", 1764927000L, "{}")).isNotEqualTo(signed);
    }

    @Test
    void newSecretsAreLongRandomAndPrefixed() {
        String one = WebhookSignature.newSecret();

        assertThat(one).startsWith("whsec_").hasSize("whsec_".length() + 43);
        assertThat(WebhookSignature.newSecret()).isNotEqualTo(one);
    }
}
