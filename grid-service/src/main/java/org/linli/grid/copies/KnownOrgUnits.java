package org.linli.grid.copies;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Read-only view of the org-unit read copies for other features of grid-service. */
@Component
public class KnownOrgUnits {

    public static final String COMMUNITY_COMMITTEE = "COMMUNITY_COMMITTEE";

    private final OrgUnitCopies copies;
    private final MongoOperations mongo;

    KnownOrgUnits(OrgUnitCopies copies, MongoOperations mongo) {
        this.copies = copies;
        this.mongo = mongo;
    }

    /** The active unit with this id, if its events have arrived. */
    public Optional<KnownOrgUnit> find(String id) {
        return copies.find(id).filter(OrgUnitCopy::active).map(KnownOrgUnits::known);
    }

    /** The first {@code limit} active units of a type, by id. */
    public List<KnownOrgUnit> firstOfType(String unitType, int limit) {
        Query query = Query.query(Criteria.where("unitType").is(unitType).and("active").is(true))
                .with(Sort.by("_id")).limit(limit);
        return mongo.find(query, OrgUnitCopy.class).stream().map(KnownOrgUnits::known).toList();
    }

    private static KnownOrgUnit known(OrgUnitCopy copy) {
        return new KnownOrgUnit(copy.id(), copy.unitType(), copy.name(), copy.path());
    }

    /** An org unit as grid-service knows it: id, type ({@code COMMUNITY_COMMITTEE}, …), name and path. */
    public record KnownOrgUnit(String id, String unitType, String name, String path) {
    }
}
