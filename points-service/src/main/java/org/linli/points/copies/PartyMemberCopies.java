package org.linli.points.copies;

import java.time.Instant;
import org.linli.events.org.PartyMemberRegistered;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Keeps the party-member copies (used by the contribution records) from org events: an upsert on exact fields, so a replay changes nothing. */
@Component
class PartyMemberCopies {

    private final MongoOperations mongo;

    PartyMemberCopies(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /** The account named at registration is taken as the member's; an admin's later link is never undone by a replay. */
    void apply(PartyMemberRegistered registered, Instant occurredAt) {
        Update update = new Update().set("name", registered.name()).set("kind", registered.kind())
                .set("branchId", registered.branchId()).set("unitPath", registered.unitPath())
                .setOnInsert("registeredAt", occurredAt);
        if (registered.accountId() != null) {
            update.setOnInsert("accountId", registered.accountId());
        }
        mongo.upsert(Query.query(Criteria.where("_id").is(registered.memberId())), update, PartyMemberCopy.class);
    }
}
