package org.linli.grid.orgcopy;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bson.Document;
import org.linli.events.org.OrgUnitCreated;
import org.linli.events.org.OrgUnitDeactivated;
import org.linli.events.org.OrgUnitMoved;
import org.linli.events.org.OrgUnitRenamed;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Applies org events to the read copies. Every write sets exact fields (or rewrites a path prefix
 * that, once rewritten, no longer matches), so applying an event twice changes nothing.
 */
@Component
class OrgUnitCopies {

    private static final String COLLECTION = "org_unit_copies";

    private final MongoOperations mongo;

    OrgUnitCopies(MongoOperations mongo) {
        this.mongo = mongo;
    }

    void apply(OrgUnitCreated created, Instant occurredAt) {
        Update update = new Update()
                .set("unitType", created.unitType())
                .set("name", created.name())
                .set("parentId", created.parentId())
                .set("path", created.path())
                .set("active", true)
                .set("updatedAt", occurredAt);
        mongo.upsert(byId(created.unitId()), update, OrgUnitCopy.class);
    }

    void apply(OrgUnitRenamed renamed, Instant occurredAt) {
        mongo.updateFirst(byId(renamed.unitId()), new Update().set("name", renamed.name()).set("updatedAt", occurredAt),
                OrgUnitCopy.class);
    }

    void apply(OrgUnitDeactivated deactivated, Instant occurredAt) {
        mongo.updateFirst(byId(deactivated.unitId()), new Update().set("active", false).set("updatedAt", occurredAt),
                OrgUnitCopy.class);
    }

    /** The moved unit and every copy below it now start with the new path. */
    void apply(OrgUnitMoved moved, Instant occurredAt) {
        mongo.updateFirst(byId(moved.unitId()), new Update().set("parentId", moved.newParentId()), OrgUnitCopy.class);
        Query subtree = new Query(Criteria.where("path").regex("^" + Pattern.quote(moved.oldPath())));
        subtree.fields().include("path");
        for (Document copy : mongo.find(subtree, Document.class, COLLECTION)) {
            String path = copy.getString("path");
            mongo.updateFirst(new Query(Criteria.where("_id").is(copy.get("_id")).and("path").is(path)),
                    new Update().set("path", moved.newPath() + path.substring(moved.oldPath().length()))
                            .set("updatedAt", occurredAt), COLLECTION);
        }
    }

    Optional<OrgUnitCopy> find(String id) {
        return Optional.ofNullable(mongo.findById(id, OrgUnitCopy.class));
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }
}
