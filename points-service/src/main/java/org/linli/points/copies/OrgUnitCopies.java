package org.linli.points.copies;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.linli.events.org.OrgUnitCreated;
import org.linli.events.org.OrgUnitDeactivated;
import org.linli.events.org.OrgUnitMoved;
import org.linli.events.org.OrgUnitRenamed;
import org.linli.platform.mongo.SubtreePaths;
import org.linli.platform.domain.NotFoundException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The org units points-service knows of (from {@code org.events}): communities are where points are
 * earned and goods are kept, and their paths scope who may read accounts, rewards and lists.
 */
@Component
public class OrgUnitCopies {

    static final String COLLECTION = "org_unit_copies";
    /**
     * Collections whose documents carry their community's org path ({@code communityPath}), which scopes
     * readers. Ledger entries keep the path they were written with: they are never changed, and no scope
     * check reads it (an account is scoped by its summary in {@code points_accounts}).
     */
    private static final List<String> SCOPED_BY_COMMUNITY_PATH = List.of("points_accounts", "activities", "rewards",
            "redemptions", "black_list", "scoring_standards");
    public static final String COMMUNITY_COMMITTEE = "COMMUNITY_COMMITTEE";
    private static final Set<String> STREET_TYPES = Set.of("STREET_COMMITTEE", "TOWNSHIP_COMMITTEE");

    private final MongoOperations mongo;

    OrgUnitCopies(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /** The active community with this id, or 404 {@code community}. */
    public Community community(String id) {
        return find(id).filter(unit -> COMMUNITY_COMMITTEE.equals(unit.unitType()))
                .map(unit -> new Community(unit.id(), unit.name(), unit.path()))
                .orElseThrow(() -> new NotFoundException("community", id));
    }

    /** The active community with this id, if its events have arrived. */
    public Optional<Community> findCommunity(String id) {
        return id == null ? Optional.empty() : find(id).filter(unit -> COMMUNITY_COMMITTEE.equals(unit.unitType()))
                .map(unit -> new Community(unit.id(), unit.name(), unit.path()));
    }

    /** The first {@code limit} active communities, by id. */
    public List<Community> firstCommunities(int limit) {
        Query query = Query.query(Criteria.where("unitType").is(COMMUNITY_COMMITTEE).and("active").is(true))
                .with(Sort.by("_id")).limit(limit);
        return mongo.find(query, OrgUnitCopy.class).stream()
                .map(unit -> new Community(unit.id(), unit.name(), unit.path())).toList();
    }

    /** The active street or township (街道党工委, 乡镇党委) with this id, if its events have arrived. */
    public Optional<Street> findStreet(String id) {
        return find(id).filter(unit -> STREET_TYPES.contains(unit.unitType()))
                .map(unit -> new Street(unit.id(), unit.name(), unit.path()));
    }

    /** The active communities whose path starts with {@code path} ("" for the whole county), by the path index. */
    public List<Community> communitiesUnder(String path) {
        String prefix = path.isEmpty() ? "^" : "^" + Pattern.quote(path);
        Query query = Query.query(Criteria.where("path").regex(prefix).and("unitType").is(COMMUNITY_COMMITTEE)
                .and("active").is(true));
        return mongo.find(query, OrgUnitCopy.class).stream()
                .map(unit -> new Community(unit.id(), unit.name(), unit.path())).toList();
    }

    private Optional<OrgUnitCopy> find(String id) {
        return Optional.ofNullable(mongo.findById(id, OrgUnitCopy.class)).filter(OrgUnitCopy::active);
    }

    void apply(OrgUnitCreated created) {
        mongo.upsert(byId(created.unitId()), new Update().set("unitType", created.unitType()).set("name", created.name())
                .set("parentId", created.parentId()).set("path", created.path()).set("active", true), OrgUnitCopy.class);
    }

    void apply(OrgUnitRenamed renamed) {
        mongo.updateFirst(byId(renamed.unitId()), new Update().set("name", renamed.name()), OrgUnitCopy.class);
    }

    void apply(OrgUnitDeactivated deactivated) {
        mongo.updateFirst(byId(deactivated.unitId()), new Update().set("active", false), OrgUnitCopy.class);
    }

    /**
     * The moved unit and every copy below it now start with the new path, and so do the accounts,
     * activities, rewards, redemptions, black-list entries, scoring standards and party members scoped
     * by a path in the moved subtree, so scope checks follow the move. Each rewrite is conditional on
     * the old value, so a replay changes nothing.
     */
    void apply(OrgUnitMoved moved) {
        mongo.updateFirst(byId(moved.unitId()), new Update().set("parentId", moved.newParentId()), OrgUnitCopy.class);
        SubtreePaths.rebase(mongo, COLLECTION, "path", moved.oldPath(), moved.newPath());
        for (String collection : SCOPED_BY_COMMUNITY_PATH) {
            SubtreePaths.rebase(mongo, collection, "communityPath", moved.oldPath(), moved.newPath());
        }
        SubtreePaths.rebase(mongo, "party_members", "unitPath", moved.oldPath(), moved.newPath());
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }

    /** A street or township party committee as points-service knows it. */
    public record Street(String id, String name, String path) {
    }

    /** A community party committee (社区党委) as points-service knows it. */
    public record Community(String id, String name, String path) {
    }
}
