package org.linli.issue.open311;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.linli.platform.mongo.MongoPages;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.platform.domain.NotFoundException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Creates, lists, revokes and checks Open311 API keys. */
@Service
class ApiKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoOperations mongo;
    private final Clock clock;

    ApiKeys(MongoOperations mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** A new key: the stored record and the key itself, which is not kept. */
    Created create(String name, String createdBy) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String key = "l311_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiKey saved = mongo.insert(ApiKey.create(name, hash(key), createdBy, clock.instant()));
        return new Created(saved, key);
    }

    Page<ApiKey> list(Pageable pageable) {
        return MongoPages.page(mongo, new Query().with(pageable), pageable, ApiKey.class);
    }

    ApiKey revoke(String id) {
        ApiKey key = Optional.ofNullable(mongo.findById(id, ApiKey.class))
                .orElseThrow(() -> new NotFoundException("api-key", id));
        key.revoke(clock.instant());
        return mongo.save(key);
    }

    /** The active key with this value; 403 {@code invalid-api-key} otherwise. */
    ApiKey require(String key) {
        if (key == null || key.isBlank()) {
            throw new InvalidApiKey();
        }
        ApiKey found = mongo.findOne(Query.query(Criteria.where("keyHash").is(hash(key))), ApiKey.class);
        if (found == null || !found.active()) {
            throw new InvalidApiKey();
        }
        return found;
    }

    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    record Created(ApiKey apiKey, String key) {
    }

    /** A missing, unknown or revoked api_key. */
    static class InvalidApiKey extends BusinessRuleViolation {
        InvalidApiKey() {
            super("invalid-api-key", "the api_key is missing or not valid");
        }
    }
}
