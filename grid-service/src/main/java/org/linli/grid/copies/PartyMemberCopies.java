package org.linli.grid.copies;

import java.time.Instant;
import java.util.Optional;
import org.linli.events.org.PartyMemberRegistered;
import org.linli.events.org.PartyMemberTransferred;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Applies party-member events to the read copies. Every write sets exact fields, so applying an event
 * twice changes nothing; the branch and unit path are only taken from an event newer than the one that
 * set them ({@code branchAsOf}), so a transfer delivered before the registration is not undone by it.
 */
@Component
class PartyMemberCopies {

    private final MongoOperations mongo;

    PartyMemberCopies(MongoOperations mongo) {
        this.mongo = mongo;
    }

    void apply(PartyMemberRegistered registered, Instant occurredAt) {
        mongo.upsert(byId(registered.memberId()), new Update()
                .set("name", registered.name())
                .set("kind", registered.kind())
                .set("residenceCommunityId", registered.residenceCommunityId())
                .set("registered", true)
                .set("updatedAt", occurredAt), PartyMemberCopy.class);
        moveIfNewer(registered.memberId(), registered.branchId(), registered.unitPath(), occurredAt);
    }

    void apply(PartyMemberTransferred transferred, Instant occurredAt) {
        mongo.upsert(byId(transferred.memberId()), new Update().setOnInsert("registered", false), PartyMemberCopy.class);
        moveIfNewer(transferred.memberId(), transferred.toUnitId(), transferred.newPath(), occurredAt);
    }

    Optional<PartyMemberCopy> find(String id) {
        return Optional.ofNullable(mongo.findById(id, PartyMemberCopy.class));
    }

    private void moveIfNewer(String memberId, String branchId, String unitPath, Instant occurredAt) {
        Query olderBranch = Query.query(Criteria.where("_id").is(memberId).orOperator(
                Criteria.where("branchAsOf").exists(false), Criteria.where("branchAsOf").is(null),
                Criteria.where("branchAsOf").lt(occurredAt)));
        mongo.updateFirst(olderBranch, new Update().set("branchId", branchId).set("unitPath", unitPath)
                .set("branchAsOf", occurredAt).set("updatedAt", occurredAt), PartyMemberCopy.class);
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }
}
