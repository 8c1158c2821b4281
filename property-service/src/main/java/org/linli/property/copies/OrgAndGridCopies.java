package org.linli.property.copies;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.linli.events.grid.GridCreated;
import org.linli.events.org.DualRegistrationUnitRegistered;
import org.linli.events.org.OrgUnitCreated;
import org.linli.events.org.OrgUnitDeactivated;
import org.linli.events.org.OrgUnitMoved;
import org.linli.events.org.OrgUnitRenamed;
import org.linli.events.org.OwnersCommitteeFormed;
import org.linli.events.org.OwnersCommitteeReElected;
import org.linli.events.org.PropertyCompanyPartyStatusChanged;
import org.linli.platform.mongo.SubtreePaths;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The read copies property-service keeps of other services' data, and the read-only view the other
 * features use. Every write sets exact fields keyed by the producer's id (or rewrites a path prefix that,
 * once rewritten, no longer matches), so applying an event twice changes nothing.
 */
@Component
public class OrgAndGridCopies {

    public static final String COMMUNITY_COMMITTEE = "COMMUNITY_COMMITTEE";
    static final String ORG_UNITS = "org_unit_copies";
    static final String GRIDS = "grid_copies";
    static final String COMMITTEES = "committee_copies";
    static final String PARTY_STATUSES = "company_party_statuses";
    static final String DUAL_REGISTRATION_UNITS = "dual_registration_unit_copies";
    /** Collections whose documents carry a compound's {@code communityPath}. */
    private static final List<String> SCOPED_BY_COMMUNITY_PATH = List.of("compounds", "sanctions", "focus_entries",
            "inspections", "surveys", "organisation_scores", "patrol_assignments", "property_supervisors");

    private final MongoOperations mongo;

    OrgAndGridCopies(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /**
     * The indexes of the copies kept as plain documents (no mapped class declares them): committees by the end
     * of their term (the KPIs' committees in office). Org unit copies declare theirs on {@link OrgUnitCopy}.
     */
    @EventListener(ContextRefreshedEvent.class)
    void ensureIndexes() {
        mongo.indexOps(COMMITTEES).createIndex(new Index("endsOn", Sort.Direction.ASC).named("endsOn"));
    }

    void apply(OrgUnitCreated created, Instant occurredAt) {
        mongo.upsert(byId(created.unitId()), new Update().set("unitType", created.unitType()).set("name", created.name())
                .set("parentId", created.parentId()).set("path", created.path()).set("active", true)
                .set("updatedAt", occurredAt), ORG_UNITS);
    }

    void apply(OrgUnitRenamed renamed, Instant occurredAt) {
        mongo.updateFirst(byId(renamed.unitId()), new Update().set("name", renamed.name()).set("updatedAt", occurredAt),
                ORG_UNITS);
    }

    void apply(OrgUnitDeactivated deactivated, Instant occurredAt) {
        mongo.updateFirst(byId(deactivated.unitId()), new Update().set("active", false).set("updatedAt", occurredAt),
                ORG_UNITS);
    }

    /**
     * The moved unit and every copy below it now start with the new path. Compounds, and the records
     * scoped by a compound's community, carry that path too: they are rewritten the same way, so scope
     * checks follow the move; so are the areas of couriers' registrations.
     */
    void apply(OrgUnitMoved moved, Instant occurredAt) {
        mongo.updateFirst(byId(moved.unitId()), new Update().set("parentId", moved.newParentId()), ORG_UNITS);
        SubtreePaths.rebase(mongo, ORG_UNITS, "path", moved.oldPath(), moved.newPath());
        for (String collection : SCOPED_BY_COMMUNITY_PATH) {
            SubtreePaths.rebase(mongo, collection, "communityPath", moved.oldPath(), moved.newPath());
        }
        SubtreePaths.rebase(mongo, "courier_registrations", "areaPath", moved.oldPath(), moved.newPath());
    }

    void apply(GridCreated created) {
        mongo.upsert(byId(created.gridId()), new Update().set("name", created.name()).set("level", created.level())
                .set("communityUnitId", created.communityUnitId()), GRIDS);
    }

    /** A committee's current term; a redelivered older term never overwrites a newer one. */
    private void applyCommittee(String committeeId, String compoundId, String kind, String communityUnitId,
                                int termNumber, LocalDate endsOn) {
        Document current = mongo.findOne(byId(committeeId), Document.class, COMMITTEES);
        if (current != null && current.getInteger("termNumber", 0) > termNumber) {
            return;
        }
        mongo.upsert(byId(committeeId), new Update().set("compoundId", compoundId).set("kind", kind)
                .set("communityUnitId", communityUnitId).set("termNumber", termNumber).set("endsOn", endsOn.toString()),
                COMMITTEES);
    }

    void apply(OwnersCommitteeFormed formed) {
        applyCommittee(formed.committeeId(), formed.compoundId(), formed.kind(), formed.communityUnitId(),
                formed.termNumber(), formed.endsOn());
    }

    void apply(OwnersCommitteeReElected reElected) {
        applyCommittee(reElected.committeeId(), reElected.compoundId(), reElected.kind(), reElected.communityUnitId(),
                reElected.termNumber(), reElected.endsOn());
    }

    void apply(PropertyCompanyPartyStatusChanged changed, Instant occurredAt) {
        Query olderOrAbsent = Query.query(Criteria.where("_id").is(changed.companyId()));
        Document current = mongo.findOne(olderOrAbsent, Document.class, PARTY_STATUSES);
        if (current != null && current.getDate("changedAt") != null
                && current.getDate("changedAt").toInstant().isAfter(occurredAt)) {
            return;
        }
        mongo.upsert(olderOrAbsent, new Update().set("mode", changed.mode()).set("branchUnitId", changed.branchUnitId())
                .set("unitId", changed.unitId()).set("changedAt", occurredAt), PARTY_STATUSES);
    }

    /** A dual-registration unit (双报到单位), which may be assigned to a difficult compound (包保). */
    void apply(DualRegistrationUnitRegistered registered) {
        mongo.upsert(byId(registered.unitId()), new Update().set("name", registered.name())
                .set("pairedCommunityIds", registered.pairedCommunityIds()), DUAL_REGISTRATION_UNITS);
    }

    /** The name of the dual-registration unit with this id, if its DualRegistrationUnitRegistered has arrived. */
    public Optional<String> dualRegistrationUnitName(String unitId) {
        return Optional.ofNullable(mongo.findOne(byId(unitId), Document.class, DUAL_REGISTRATION_UNITS))
                .map(doc -> doc.getString("name"));
    }

    /** The active org unit with this id, if its events have arrived. */
    public Optional<OrgUnit> orgUnit(String id) {
        return Optional.ofNullable(mongo.findById(id, OrgUnitCopy.class)).filter(OrgUnitCopy::active)
                .map(OrgAndGridCopies::view);
    }

    /** Active community party committees, by id. */
    public List<OrgUnit> communities() {
        Query query = Query.query(Criteria.where("unitType").is(COMMUNITY_COMMITTEE).and("active").is(true))
                .with(Sort.by("_id"));
        return mongo.find(query, OrgUnitCopy.class).stream().map(OrgAndGridCopies::view).toList();
    }

    /** The grid with this id, if its GridCreated has arrived: its community's unit id. */
    public Optional<String> gridCommunity(String gridId) {
        Document grid = mongo.findOne(byId(gridId), Document.class, GRIDS);
        return Optional.ofNullable(grid).map(doc -> doc.getString("communityUnitId"));
    }

    /** Ids of the compounds that have an owners' committee (or interim committee) whose term has not ended by {@code on}. */
    public Set<String> compoundsWithCommittee(LocalDate on) {
        Query current = Query.query(Criteria.where("endsOn").gte(on.toString()));
        current.fields().include("compoundId");
        Set<String> compounds = new HashSet<>();
        for (Document committee : mongo.find(current, Document.class, COMMITTEES)) {
            compounds.add(committee.getString("compoundId"));
        }
        return compounds;
    }

    /** How the party organisation covers a company (OWN_BRANCH, …, NONE), as org-service last said. */
    public Optional<String> partyStatus(String companyId) {
        return Optional.ofNullable(mongo.findOne(byId(companyId), Document.class, PARTY_STATUSES))
                .map(doc -> doc.getString("mode"));
    }

    private static OrgUnit view(OrgUnitCopy copy) {
        return new OrgUnit(copy.id(), copy.unitType(), copy.name(), copy.path());
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }

    /** An org unit as property-service knows it. */
    public record OrgUnit(String id, String unitType, String name, String path) {
    }
}
