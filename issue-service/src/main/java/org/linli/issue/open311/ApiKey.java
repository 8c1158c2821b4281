package org.linli.issue.open311;

import java.time.Instant;
import java.util.UUID;
import org.linli.platform.domain.BusinessRuleViolation;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An Open311 API key of a county system (INTEGRATION_CLIENT), created by a county admin. Only the
 * SHA-256 of the key is stored; the key itself is shown once, when created.
 */
@Document("open311_api_keys")
class ApiKey {

    @Id
    private String id;
    private String name;
    @Indexed(unique = true)
    private String keyHash;
    private String createdBy;
    private Instant createdAt;
    private Instant revokedAt;
    @Version
    private Long version;

    protected ApiKey() {
    }

    static ApiKey create(String name, String keyHash, String createdBy, Instant now) {
        ApiKey key = new ApiKey();
        key.id = UUID.randomUUID().toString();
        key.name = name.strip();
        key.keyHash = keyHash;
        key.createdBy = createdBy;
        key.createdAt = now;
        return key;
    }

    void revoke(Instant now) {
        if (revokedAt != null) {
            throw new BusinessRuleViolation("api-key-revoked", "the key is already revoked");
        }
        revokedAt = now;
    }

    boolean active() {
        return revokedAt == null;
    }

    String id() { return id; }
    String name() { return name; }
    String createdBy() { return createdBy; }
    Instant createdAt() { return createdAt; }
    Instant revokedAt() { return revokedAt; }
    Long version() { return version; }
}
