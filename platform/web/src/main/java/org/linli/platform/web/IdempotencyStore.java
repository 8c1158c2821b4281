package org.linli.platform.web;

import java.time.Instant;
import java.util.Date;
import java.util.Iterator;
import java.util.Optional;
import java.util.stream.Stream;
import org.bson.Document;
import org.bson.types.Binary;
import org.linli.platform.protection.FieldCipher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Remembered answers for {@code Idempotency-Key}, in the service's own database
 * ({@value #COLLECTION}). Claiming a key is an insert on a unique id, so two concurrent first
 * requests cannot both run. A claim is a lease held by an {@code owner} (one per request run):
 * its {@code expiresAt} is pushed forward while the request runs ({@link #renew}); once it has
 * passed, the entry counts as absent and a retry takes the key over. Only the owner completes or
 * forgets its claim, so a run that lost its lease cannot disturb the one that took over. A completed
 * answer expires at the end of its retention. The answer's body is stored sealed ({@link FieldCipher}): it
 * may hold an unmasked ID or phone number.
 */
class IdempotencyStore {

    static final String COLLECTION = "idempotency_keys";
    private static final String MARKERS = "protection_passes";
    private static final String LEGACY_MARKER = "idempotency answers sealed";
    private static final int LEGACY_PAGE = 1000;

    private final MongoOperations mongo;
    private final FieldCipher cipher;

    IdempotencyStore(MongoOperations mongo, FieldCipher cipher) {
        this.mongo = mongo;
        this.cipher = cipher;
    }

    Optional<Entry> find(String id, Instant now) {
        Document found = mongo.findById(id, Document.class, COLLECTION);
        if (found == null || found.getDate("expiresAt").toInstant().isBefore(now)) {
            return Optional.empty();
        }
        Binary sealed = found.get("sealedBody", Binary.class);
        Binary legacy = found.get("body", Binary.class); // kept before answers were sealed
        byte[] body = sealed != null ? cipher.open(sealed.getData()) : legacy != null ? legacy.getData() : new byte[0];
        return Optional.of(new Entry(found.getString("bodyHash"), found.getBoolean("completed", false),
                found.getInteger("status", 0), found.getString("contentType"), found.getString("location"), body));
    }

    /**
     * Claims the key for {@code owner} until {@code leaseUntil}, replacing an expired entry (a claim
     * whose run died, or an old answer); {@code false} when another claim or answer is still alive.
     */
    boolean begin(String id, String bodyHash, String owner, Instant now, Instant leaseUntil) {
        mongo.remove(Query.query(Criteria.where("_id").is(id).and("expiresAt").lt(Date.from(now))), COLLECTION);
        return claim(id, bodyHash, owner, leaseUntil);
    }

    /** Claims a key no entry holds (one insert); {@code false} when any entry, alive or expired, holds it. */
    boolean claim(String id, String bodyHash, String owner, Instant leaseUntil) {
        try {
            mongo.insert(new Document("_id", id).append("bodyHash", bodyHash).append("completed", false)
                    .append("owner", owner).append("expiresAt", Date.from(leaseUntil)), COLLECTION);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** Extends the owner's running claim; {@code false} when it is no longer the owner's. */
    boolean renew(String id, String owner, Instant leaseUntil) {
        return mongo.updateFirst(claim(id, owner), new Update().set("expiresAt", Date.from(leaseUntil)), COLLECTION)
                .getMatchedCount() > 0;
    }

    /** Keeps the owner's answer until {@code expiresAt}; {@code false} when the claim was taken over meanwhile. */
    boolean complete(String id, String owner, Instant expiresAt, int status, String contentType, String location,
                     byte[] body) {
        return mongo.updateFirst(claim(id, owner), new Update().set("completed", true).unset("owner")
                .set("expiresAt", Date.from(expiresAt)).set("status", status).set("contentType", contentType)
                .set("location", location).set("sealedBody", new Binary(cipher.seal(body))), COLLECTION).getMatchedCount() > 0;
    }

    /** Drops the owner's claim (its request failed), so the client may retry at once. */
    void forget(String id, String owner) {
        mongo.remove(claim(id, owner), COLLECTION);
    }

    /**
     * Seals the answers kept in plain before answers were sealed (the embedded store has no TTL, so they
     * would stay for good); once, guarded by a marker beside the protected-fields pass's, one reading of the
     * collection and a bulk write per page (one store commit per page). The number sealed.
     */
    int sealLegacyBodies() {
        Query marker = Query.query(Criteria.where("_id").is(LEGACY_MARKER));
        if (mongo.exists(marker, MARKERS)) {
            return 0;
        }
        int sealed = 0;
        BulkOperations page = null;
        int inPage = 0;
        Query legacy = Query.query(Criteria.where("body").exists(true)).cursorBatchSize(LEGACY_PAGE);
        try (Stream<Document> entries = mongo.stream(legacy, Document.class, COLLECTION)) {
            for (Iterator<Document> each = entries.iterator(); each.hasNext(); ) {
                Document entry = each.next();
                Binary body = entry.get("body", Binary.class);
                Update update = new Update().unset("body");
                if (body != null) {
                    update.set("sealedBody", new Binary(cipher.seal(body.getData())));
                }
                page = page != null ? page : mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
                page.updateOne(Query.query(Criteria.where("_id").is(entry.get("_id"))), update);
                if (++inPage == LEGACY_PAGE) {
                    sealed += page.execute().getModifiedCount();
                    page = null;
                    inPage = 0;
                }
            }
        }
        if (page != null) {
            sealed += page.execute().getModifiedCount();
        }
        mongo.save(new Document("_id", LEGACY_MARKER).append("changed", sealed), MARKERS);
        return sealed;
    }

    private static Query claim(String id, String owner) {
        return Query.query(Criteria.where("_id").is(id).and("owner").is(owner).and("completed").is(false));
    }

    record Entry(String bodyHash, boolean completed, int status, String contentType, String location, byte[] body) {
    }
}
