package org.linli.org.copies;

import java.time.Instant;
import org.linli.events.grid.HouseholdRegistered;
import org.linli.events.property.CompoundCreated;
import org.linli.events.property.ContractEnded;
import org.linli.events.property.ContractStarted;
import org.linli.org.unit.OrgUnitDirectory;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Writes the read copies of grid-service's households and property-service's compounds and contracts.
 * Every write is an upsert by id with {@code $set} on exact fields, so a redelivered event changes nothing.
 */
@Component
class GridAndPropertyCopies {

    private final MongoOperations mongo;
    private final OrgUnitDirectory units;

    GridAndPropertyCopies(MongoOperations mongo, OrgUnitDirectory units) {
        this.mongo = mongo;
        this.units = units;
    }

    void apply(HouseholdRegistered registered, Instant at) {
        mongo.upsert(byId(registered.householdId()), new Update().set("buildingId", registered.buildingId())
                .set("gridId", registered.gridId()).set("registeredAt", at), HouseholdCopy.class);
    }

    /** The community's path is taken from org-service's own unit when known (it is current), else the event's. */
    void apply(CompoundCreated created, Instant at) {
        String path = units.find(created.communityUnitId()).map(OrgUnitDirectory.UnitView::path)
                .orElse(created.communityPath());
        mongo.upsert(byId(created.compoundId()), new Update().set("name", created.name())
                .set("communityUnitId", created.communityUnitId()).set("communityPath", path).set("updatedAt", at),
                CompoundCopy.class);
    }

    void apply(ContractStarted started, Instant at) {
        mongo.upsert(byId(started.contractId()), new Update().set("compoundId", started.compoundId())
                .set("companyId", started.companyId()).set("ended", false).set("updatedAt", at), ContractCopy.class);
    }

    void apply(ContractEnded ended, Instant at) {
        mongo.upsert(byId(ended.contractId()), new Update().set("compoundId", ended.compoundId())
                .set("companyId", ended.companyId()).set("ended", true).set("updatedAt", at), ContractCopy.class);
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }
}
