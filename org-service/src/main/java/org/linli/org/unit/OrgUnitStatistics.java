package org.linli.org.unit;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Counts over a subtree of active units: the figures of the coverage dashboard come from here,
 * straight from the stored units (per-type counts through {@link UnitTypeIndex}, which is never stale).
 */
@Component
public class OrgUnitStatistics {

    private static final String COLLECTION = "org_units";

    private final MongoOperations mongo;
    private final UnitTypeIndex index;

    OrgUnitStatistics(MongoOperations mongo, UnitTypeIndex index) {
        this.mongo = mongo;
        this.index = index;
    }

    /** Active units per type in the subtree at {@code subtreePath} ({@code null}: the whole county). */
    public Map<OrgUnitType, Long> activeUnitsPerType(String subtreePath) {
        return index.countPerType(subtreePath);
    }

    /** Active units of one type in the subtree, as other features see them. */
    public List<OrgUnitDirectory.UnitView> activeUnitsOfType(String subtreePath, OrgUnitType type) {
        Query query = new Query(activeWithin(subtreePath).and("type").is(type.name()));
        return mongo.find(query, OrgUnit.class).stream().map(OrgUnitDirectory.UnitView::of).toList();
    }

    /** Compounds that an active unit in the subtree serves (its links). */
    public Set<String> linkedCompounds(String subtreePath) {
        return linked(subtreePath, "compoundIds");
    }

    /** Property companies that an active unit in the subtree serves (its links). */
    public Set<String> linkedPropertyCompanies(String subtreePath) {
        return linked(subtreePath, "propertyCompanyIds");
    }

    private Set<String> linked(String subtreePath, String field) {
        Query query = new Query(activeWithin(subtreePath).and("links." + field + ".0").exists(true));
        query.fields().include("links." + field);
        Set<String> ids = new TreeSet<>();
        for (Document unit : mongo.find(query, Document.class, COLLECTION)) {
            ids.addAll(unit.get("links", Document.class).getList(field, String.class, List.of()));
        }
        return ids;
    }

    private static Criteria activeWithin(String subtreePath) {
        Criteria active = Criteria.where("status").is(OrgUnit.Status.ACTIVE.name());
        return subtreePath == null ? active : active.and("path").regex("^" + Pattern.quote(subtreePath));
    }
}
