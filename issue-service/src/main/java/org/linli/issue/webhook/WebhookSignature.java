package org.linli.issue.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature scheme of Linli's webhooks (docs/webhooks.md), as Stripe and GitHub sign theirs: HMAC-SHA256 with
 * the subscription's secret over {@code "<timestamp>.<body>"}, sent as {@code Linli-Webhook-Signature: v1=<hex>}
 * beside {@code Linli-Webhook-Timestamp} (Unix seconds) and {@code Linli-Webhook-Id}.
 */
final class WebhookSignature {

    static final String ID_HEADER = "Linli-Webhook-Id";
    static final String TIMESTAMP_HEADER = "Linli-Webhook-Timestamp";
    static final String SIGNATURE_HEADER = "Linli-Webhook-Signature";
    private static final String SCHEME = "v1=";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {
    }

    /** The header value for a body sent at {@code timestamp} (Unix seconds). */
    static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return SCHEME + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** A new secret: 32 random bytes, URL-safe Base64 with the prefix {@code whsec_}. */
    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
