package org.linli.platform.protection;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mapping.PropertyHandler;
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
 * sealed with the newest key, and every {@link KeyedHashOf} field still missing is computed. Documents are
 * read in pages by id; each update is conditional on the value read, so a save in between wins. A
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

    private long pass(String collection, Fields fields) {
        long changed = 0;
        Object last = null;
        while (true) {
            Query page = new Query().with(Sort.by("_id")).limit(pageSize);
            if (last != null) {
                page.addCriteria(Criteria.where("_id").gt(last));
            }
            fields.sealed().forEach(field -> page.fields().include(field));
            fields.hashes().keySet().forEach(field -> page.fields().include(field));
            List<Document> documents = mongo.find(page, Document.class, collection);
            for (Document document : documents) {
                if (update(collection, fields, document)) {
                    changed++;
                }
            }
            if (documents.size() < pageSize) {
                return changed;
            }
            last = documents.get(documents.size() - 1).get("_id");
        }
    }

    private boolean update(String collection, Fields fields, Document document) {
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
            return false;
        }
        return mongo.updateFirst(Query.query(unchanged), update, collection).getModifiedCount() > 0;
    }
}
