package org.linli.platform.protection;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mapping.PropertyHandler;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The startup pass over protected fields: every top-level {@link SensitiveText} field of every mapped
 * collection that holds a plain value (stored before protection) or a value sealed with an older key is
 * sealed with the newest key, and every {@link KeyedHashOf} field still missing is computed. Each collection is
 * read once; the updates go in pages of bulk writes, each conditional on the value read, so a save in between wins. A
 * completed pass leaves a marker in {@value #MARKERS} naming the key and the fields, so later starts skip
 * it until a rotation (a new key) or a newly protected field.
 */
public class ProtectedFieldsPass {

    static final String MARKERS = "protection_passes";
    private static final Logger log = LoggerFactory.getLogger(ProtectedFieldsPass.class);

    /** The protected fields of one collection: sealed fields, and hash field to its source field. */
    record Fields(List<String> sealed, Map<String, String> hashes) {
    }

    private final MongoOperations mongo;
    private final MongoMappingContext mapping;
    private final FieldCipher cipher;
    private final KeyedHash hash;
    private final int pageSize;

    public ProtectedFieldsPass(MongoOperations mongo, MongoMappingContext mapping, FieldCipher cipher, KeyedHash hash,
                               int pageSize) {
        this.mongo = mongo;
        this.mapping = mapping;
        this.cipher = cipher;
        this.hash = hash;
        this.pageSize = pageSize;
    }

    /** {@link #run()} on a background thread: a failure is logged, and the next start tries again. */
    void runLogged() {
        try {
            run();
        } catch (RuntimeException e) {
            log.error("protected fields pass failed; it runs again at the next start", e);
        }
    }

    /** Runs the pass unless a completed one left its marker; the number of documents changed. */
    public long run() {
        Map<String, Fields> collections = protectedCollections();
        if (collections.isEmpty()) {
            return 0;
        }
        String marker = "key " + cipher.currentKeyId() + " " + collections;
        if (mongo.exists(Query.query(Criteria.where("_id").is(marker)), MARKERS)) {
            return 0;
        }
        long changed = 0;
        for (Map.Entry<String, Fields> collection : collections.entrySet()) {
            changed += pass(collection.getKey(), collection.getValue());
        }
        mongo.save(new Document("_id", marker).append("completedAt", new Date()).append("changed", changed), MARKERS);
        log.info("protected fields pass with field key {}: {} documents re-encrypted or hashed", cipher.currentKeyId(),
                changed);
        return changed;
    }

    /** The collections with protected fields, from the mapped {@code @Document} classes. */
    Map<String, Fields> protectedCollections() {
        Map<String, Fields> collections = new TreeMap<>();
        for (MongoPersistentEntity<?> entity : mapping.getPersistentEntities()) {
            if (!entity.isAnnotationPresent(org.springframework.data.mongodb.core.mapping.Document.class)) {
                continue;
            }
            List<String> sealed = new ArrayList<>();
            Map<String, String> hashes = new LinkedHashMap<>();
            entity.doWithProperties((PropertyHandler<MongoPersistentProperty>) property -> {
                if (property.getType() == SensitiveText.class) {
                    sealed.add(property.getFieldName());
                }
                KeyedHashOf hashOf = property.findAnnotation(KeyedHashOf.class);
                if (hashOf != null) {
                    hashes.put(property.getFieldName(), entity.getRequiredPersistentProperty(hashOf.value()).getFieldName());
                }
            });
            if (!sealed.isEmpty()) {
                sealed.sort(null);
                collections.put(entity.getCollection(), new Fields(sealed, hashes));
            }
        }
        return collections;
    }

    /**
     * One reading of the collection (a cursor over the protected fields only) and the updates it calls for
     * sent {@code pageSize} at a time as one unordered bulk write: one store commit per page of changes, not per
     * document (the embedded devstack store commits every write command to disk).
     */
    private long pass(String collection, Fields fields) {
        Query all = new Query().cursorBatchSize(pageSize);
        fields.sealed().forEach(field -> all.fields().include(field));
        fields.hashes().keySet().forEach(field -> all.fields().include(field));
        long changed = 0;
        List<Query> conditions = new ArrayList<>();
        List<Update> updates = new ArrayList<>();
        try (Stream<Document> documents = mongo.stream(all, Document.class, collection)) {
            for (Iterator<Document> each = documents.iterator(); each.hasNext(); ) {
                Document document = each.next();
                Update update = update(fields, document, conditions);
                if (update != null) {
                    updates.add(update);
                }
                if (updates.size() == pageSize) {
                    changed += flush(collection, conditions, updates);
                }
            }
        }
        return changed + flush(collection, conditions, updates);
    }

    private long flush(String collection, List<Query> conditions, List<Update> updates) {
        if (updates.isEmpty()) {
            return 0;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
        for (int i = 0; i < updates.size(); i++) {
            bulk.updateOne(conditions.get(i), updates.get(i));
        }
        long modified = bulk.execute().getModifiedCount();
        conditions.clear();
        updates.clear();
        return modified;
    }

    /**
     * The update {@code document} needs, its condition (the values read: a save in between wins) added to
     * {@code conditions}; {@code null} when it needs none.
     */
    private Update update(Fields fields, Document document, List<Query> conditions) {
        Criteria unchanged = Criteria.where("_id").is(document.get("_id"));
        Update update = new Update();
        for (String field : fields.sealed()) {
            if (document.get(field) instanceof String stored && !cipher.isCurrent(stored)) {
                update.set(field, cipher.seal(cipher.open(stored)));
                unchanged.and(field).is(stored);
            }
        }
        fields.hashes().forEach((hashField, source) -> {
            if (document.get(hashField) == null && document.get(source) instanceof String stored) {
                update.set(hashField, hash.of(cipher.open(stored)));
            }
        });
        if (update.getUpdateObject().isEmpty()) {
            return null;
        }
        conditions.add(Query.query(unchanged));
        return update;
    }
}
