package org.linli.org.identity;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A refresh token, stored only as the SHA-256 of its value; used once, then replaced (rotation).
 * Mongo's TTL index removes it at expiry.
 */
@Document("refresh_tokens")
record RefreshToken(@Id String hash, String accountId, @Indexed(expireAfter = "0s") Instant expiresAt) {
}
