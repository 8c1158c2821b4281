package org.linli.grid.orgcopy;

import java.time.Instant;
import java.util.Optional;
import org.linli.events.org.OrgUnitCreated;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Applies org events to the read copies; every write is an upsert by id, so a repeat changes nothing. */
@Component
class OrgUnitCopies {

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
                .set("updatedAt", occurredAt);
        mongo.upsert(Query.query(Criteria.where("_id").is(created.unitId())), update, OrgUnitCopy.class);
    }

    Optional<OrgUnitCopy> find(String id) {
        return Optional.ofNullable(mongo.findById(id, OrgUnitCopy.class));
    }
}
