package org.linli.platform.web;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Remembered answers for {@code Idempotency-Key}, in the service's own database
 * ({@value #COLLECTION}). Claiming a key is an insert on a unique id, so two concurrent first
 * requests cannot both run. Expired entries count as absent (and are replaced).
 */
class IdempotencyStore {

    static final String COLLECTION = "idempotency_keys";

    private final MongoOperations mongo;

    IdempotencyStore(MongoOperations mongo) {
        this.mongo = mongo;
    }

    Optional<Entry> find(String id, Instant now) {
        Document found = mongo.findById(id, Document.class, COLLECTION);
        if (found == null || found.getDate("expiresAt").toInstant().isBefore(now)) {
            return Optional.empty();
        }
        Binary body = found.get("body", Binary.class);
        return Optional.of(new Entry(found.getString("bodyHash"), found.getBoolean("completed", false),
                found.getInteger("status", 0), found.getString("contentType"), found.getString("location"),
                body == null ? new byte[0] : body.getData()));
    }

    /** Claims the key; {@code false} when someone else holds an unexpired claim. */
    boolean begin(String id, String bodyHash, Instant now, Instant expiresAt) {
        mongo.remove(Query.query(Criteria.where("_id").is(id).and("expiresAt").lt(Date.from(now))), COLLECTION);
        try {
            mongo.insert(new Document("_id", id).append("bodyHash", bodyHash).append("completed", false)
                    .append("expiresAt", Date.from(expiresAt)), COLLECTION);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    void complete(String id, int status, String contentType, String location, byte[] body) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("completed", true)
                .set("status", status).set("contentType", contentType).set("location", location)
                .set("body", new Binary(body)), COLLECTION);
    }

    void forget(String id) {
        mongo.remove(Query.query(Criteria.where("_id").is(id)), COLLECTION);
    }

    record Entry(String bodyHash, boolean completed, int status, String contentType, String location, byte[] body) {
    }
}
