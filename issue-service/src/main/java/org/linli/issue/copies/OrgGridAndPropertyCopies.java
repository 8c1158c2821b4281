package org.linli.issue.copies;

import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.linli.events.grid.BuildingRegistered;
import org.linli.events.grid.GridBoundaryChanged;
import org.linli.events.grid.GridCreated;
import org.linli.events.grid.GridWorkerAppointed;
import org.linli.events.grid.GridWorkerReplaced;
import org.linli.events.org.OrgUnitCreated;
import org.linli.events.org.OrgUnitDeactivated;
import org.linli.events.org.OrgUnitMoved;
import org.linli.events.org.OrgUnitRenamed;
import org.linli.events.property.CompoundCreated;
import org.linli.events.property.ContractEnded;
import org.linli.events.property.ContractStarted;
import org.linli.issue.copies.CompoundCopy.Contract;
import org.linli.platform.mongo.SubtreePaths;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Applies grid, property and org events to the read copies. Every write is an upsert by id setting
 * exact fields (or a pull-then-push of one contract by its id), so an event applied twice changes
 * nothing; every write of a copy routing reads (grids, compounds and their contracts, org units, worker appointments)
 * publishes {@link RoutingCopiesChanged} after it, so the place locator rebuilds its in-memory index and copies.
 */
@Component
class OrgGridAndPropertyCopies {

    /** Collections whose documents carry their community's org path ({@code communityPath}), which scopes readers. */
    private static final List<String> SCOPED_BY_COMMUNITY_PATH = List.of("issues", "micro_wishes", "meetings",
            "compound_copies");

    private final MongoOperations mongo;
    private final ApplicationEventPublisher events;

    OrgGridAndPropertyCopies(MongoOperations mongo, ApplicationEventPublisher events) {
        this.mongo = mongo;
        this.events = events;
    }

    void apply(GridCreated created, Instant at) {
        mongo.upsert(byId(created.gridId()), new Update().set("level", created.level()).set("name", created.name())
                .set("parentId", created.parentId()).set("path", created.path())
                .set("communityUnitId", created.communityUnitId()).set("boundary", created.boundary())
                .set("updatedAt", at), GridCopy.class);
        events.publishEvent(new RoutingCopiesChanged());
    }

    void apply(GridBoundaryChanged changed, Instant at) {
        mongo.upsert(byId(changed.gridId()), new Update().set("path", changed.path())
                .set("boundary", changed.boundary()).set("updatedAt", at), GridCopy.class);
        events.publishEvent(new RoutingCopiesChanged());
    }

    void apply(BuildingRegistered building, Instant at) {
        mongo.upsert(byId(building.buildingId()), new Update().set("gridId", building.gridId())
                .set("communityUnitId", building.communityUnitId()).set("name", building.name())
                .set("lat", building.lat()).set("lng", building.lng()).set("updatedAt", at), BuildingCopy.class);
    }

    void apply(GridWorkerAppointed appointed, Instant at) {
        mongo.upsert(byId(appointed.appointmentId()), new Update().set("gridId", appointed.gridId())
                .set("role", appointed.role()).setOnInsert("active", true).set("from", appointed.from())
                .set("accountId", appointed.accountId())
                .set("updatedAt", at), WorkerCopy.class);
        events.publishEvent(new RoutingCopiesChanged());
    }

    void apply(GridWorkerReplaced replaced, Instant at) {
        mongo.upsert(byId(replaced.endedAppointmentId()), new Update().set("gridId", replaced.gridId())
                .set("role", replaced.role()).set("active", false).set("updatedAt", at), WorkerCopy.class);
        mongo.upsert(byId(replaced.newAppointmentId()), new Update().set("gridId", replaced.gridId())
                .set("role", replaced.role()).set("active", true).set("from", replaced.on())
                .set("updatedAt", at), WorkerCopy.class);
        events.publishEvent(new RoutingCopiesChanged());
    }

    void apply(CompoundCreated created, Instant at) {
        mongo.upsert(byId(created.compoundId()), new Update().set("name", created.name())
                .set("communityUnitId", created.communityUnitId()).set("communityPath", created.communityPath())
                .set("gridId", created.gridId()).set("lat", created.lat()).set("lng", created.lng())
                .set("boundary", created.boundary()).set("compoundClass", created.compoundClass())
                .set("responsibleUnitId", created.responsibleUnitId()).set("updatedAt", at), CompoundCopy.class);
        events.publishEvent(new RoutingCopiesChanged());
    }

    void apply(ContractStarted started, Instant at) {
        Query compound = byId(started.compoundId());
        mongo.upsert(compound, new Update().pull("contracts", new Document("contractId", started.contractId())),
                CompoundCopy.class);
        mongo.updateFirst(compound, new Update().push("contracts", new Contract(started.contractId(),
                started.companyId(), started.startsOn(), started.endsOn(), false)).set("updatedAt", at),
                CompoundCopy.class);
        events.publishEvent(new RoutingCopiesChanged());
    }

    void apply(ContractEnded ended, Instant at) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(ended.compoundId())
                        .and("contracts.contractId").is(ended.contractId())),
                new Update().set("contracts.$.ended", true).set("contracts.$.endsOn", ended.endedOn())
                        .set("updatedAt", at), CompoundCopy.class);
        events.publishEvent(new RoutingCopiesChanged());
    }

    void apply(OrgUnitCreated created, Instant at) {
        mongo.upsert(byId(created.unitId()), new Update().set("unitType", created.unitType())
                .set("name", created.name()).set("parentId", created.parentId()).set("path", created.path())
                .set("active", true).set("updatedAt", at), OrgUnitCopy.class);
        events.publishEvent(new RoutingCopiesChanged());
    }

    void apply(OrgUnitRenamed renamed, Instant at) {
        mongo.updateFirst(byId(renamed.unitId()), new Update().set("name", renamed.name()).set("updatedAt", at),
                OrgUnitCopy.class);
        events.publishEvent(new RoutingCopiesChanged());
    }

    void apply(OrgUnitDeactivated deactivated, Instant at) {
        mongo.updateFirst(byId(deactivated.unitId()), new Update().set("active", false).set("updatedAt", at),
                OrgUnitCopy.class);
        events.publishEvent(new RoutingCopiesChanged());
    }

    /**
     * The moved unit and every copy below it now start with the new path, and so do the issues,
     * micro-wishes, meetings and compound copies scoped by a path in the moved subtree, so scope checks
     * follow the move; a moved community's open issues escalate to its new street. Each rewrite is
     * conditional on the old value, so a replay changes nothing.
     */
    void apply(OrgUnitMoved moved, Instant at) {
        mongo.updateFirst(byId(moved.unitId()), new Update().set("parentId", moved.newParentId()), OrgUnitCopy.class);
        SubtreePaths.rebase(mongo, mongo.getCollectionName(OrgUnitCopy.class), "path", moved.oldPath(), moved.newPath(), at);
        for (String collection : SCOPED_BY_COMMUNITY_PATH) {
            SubtreePaths.rebase(mongo, collection, "communityPath", moved.oldPath(), moved.newPath());
        }
        SubtreePaths.rebase(mongo, "webhook_subscriptions", "scopePath", moved.oldPath(), moved.newPath());
        mongo.updateMulti(Query.query(Criteria.where("communityUnitId").is(moved.unitId())
                        .and("streetUnitId").is(moved.oldParentId())),
                new Update().set("streetUnitId", moved.newParentId()), "issues");
        events.publishEvent(new SubtreeMoved(moved.oldPath(), moved.newPath()));
        events.publishEvent(new RoutingCopiesChanged());
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }
}
