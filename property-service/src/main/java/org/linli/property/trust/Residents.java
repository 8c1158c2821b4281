package org.linli.property.trust;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Which resident accounts live in which compound, as far as property-service knows: a RESIDENT token names a
 * community ({@code org_unit_id}), never a compound or a household, and no register ties an account to a
 * compound yet. This register is the smallest honest stand-in: an admin covering the compound registers the
 * account (having checked the owner's or tenant's papers), and only registered residents read the compound's
 * trust account. When the owners' register (issue #16 item 1) links accounts to exclusive units, its owners
 * should count as residents here too.
 */
@Component
class Residents {

    private final MongoOperations mongo;

    Residents(MongoOperations mongo) {
        this.mongo = mongo;
    }

    boolean livesIn(String accountId, String compoundId) {
        return accountId != null && mongo.exists(Query.query(Criteria.where("_id").is(id(compoundId, accountId))),
                Resident.class);
    }

    Resident register(String compoundId, String accountId, String actor, Instant now) {
        Resident resident = new Resident(id(compoundId, accountId), compoundId, accountId, actor, now);
        mongo.save(resident);
        return resident;
    }

    boolean remove(String compoundId, String accountId) {
        return mongo.remove(Query.query(Criteria.where("_id").is(id(compoundId, accountId))), Resident.class)
                .getDeletedCount() > 0;
    }

    List<Resident> of(String compoundId) {
        return mongo.find(Query.query(Criteria.where("compoundId").is(compoundId)).with(Sort.by("registeredAt")),
                Resident.class);
    }

    private static String id(String compoundId, String accountId) {
        return compoundId + ":" + accountId;
    }

    /** A resident account registered in a compound. */
    @Document("compound_residents")
    record Resident(@Id String id, @Indexed String compoundId, String accountId, String registeredBy,
                    Instant registeredAt) {
    }
}
