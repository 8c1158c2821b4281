package org.linli.e2e.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a county system checks a Linli webhook (docs/webhooks.md), written as a subscriber would, with the JDK only:
 * {@code Linli-Webhook-Signature: v1=<hex>} must be the HMAC-SHA256, keyed with the subscription's secret, of
 * {@code "<Linli-Webhook-Timestamp>.<raw body>"}, compared in constant time, and the timestamp must lie within the
 * tolerance of the receiver's clock (against replays).
 */
public final class WebhookSignature {

    /** The tolerance docs/webhooks.md recommends. */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private WebhookSignature() {
    }

    /** Whether the headers sign this raw body with the secret (any {@code v1=} entry of the header may match). */
    public static boolean verify(String secret, String timestamp, String body, String header) {
        if (secret == null || timestamp == null || body == null || header == null) {
            return false;
        }
        byte[] expected = hmac(secret, timestamp + "." + body);
        for (String part : header.split(",")) {
            String entry = part.strip();
            if (entry.startsWith("v1=") && isHex(entry.substring(3))
                    && MessageDigest.isEqual(expected, HexFormat.of().parseHex(entry.substring(3)))) {
                return true;
            }
        }
        return false;
    }

    /** {@link #verify} and a timestamp within {@link #TOLERANCE} of {@code now}. */
    public static boolean verify(String secret, String timestamp, String body, String header, Instant now) {
        return verify(secret, timestamp, body, header) && fresh(timestamp, now);
    }

    private static boolean fresh(String timestamp, Instant now) {
        try {
            Instant sent = Instant.ofEpochSecond(Long.parseLong(timestamp));
            return Duration.between(sent, now).abs().compareTo(TOLERANCE) <= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isHex(String text) {
        return text.length() == 64 && text.chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }

    private static byte[] hmac(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
