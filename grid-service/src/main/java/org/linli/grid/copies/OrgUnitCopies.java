package org.linli.grid.copies;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bson.Document;
import org.linli.events.org.OrgUnitCreated;
import org.linli.events.org.OrgUnitDeactivated;
import org.linli.events.org.OrgUnitMoved;
import org.linli.events.org.OrgUnitRenamed;
import org.linli.platform.mongo.MongoPages;
import org.linli.platform.mongo.SubtreePaths;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Applies org events to the read copies. Every write sets exact fields (or rewrites a path prefix
 * that, once rewritten, no longer matches), so applying an event twice changes nothing.
 */
@Component
class OrgUnitCopies {

    private static final String COLLECTION = "org_unit_copies";
    /** Collections whose documents carry their community's org path ({@code communityPath}), which scopes readers. */
    private static final List<String> SCOPED_BY_COMMUNITY_PATH = List.of("grids", "buildings", "households",
            "grid_worker_appointments", "stations", "notices", "notice_delivery_tasks", "campaign_cases");
    private static final String EMERGENCIES = "emergencies";
    private static final int EMERGENCY_ATTEMPTS = 5;

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
                .set("active", true)
                .set("updatedAt", occurredAt);
        mongo.upsert(byId(created.unitId()), update, OrgUnitCopy.class);
    }

    void apply(OrgUnitRenamed renamed, Instant occurredAt) {
        mongo.updateFirst(byId(renamed.unitId()), new Update().set("name", renamed.name()).set("updatedAt", occurredAt),
                OrgUnitCopy.class);
    }

    void apply(OrgUnitDeactivated deactivated, Instant occurredAt) {
        mongo.updateFirst(byId(deactivated.unitId()), new Update().set("active", false).set("updatedAt", occurredAt),
                OrgUnitCopy.class);
    }

    /**
     * The moved unit and every copy below it now start with the new path, and so does every record
     * scoped by a path in the moved subtree (grids, buildings, households, appointments, stations,
     * notices and their tasks, party members' unit paths, emergencies' sites, campaigns' area and launcher
     * paths and their cases), so scope checks follow
     * the move. Each rewrite is conditional on the old value, so a replay changes nothing.
     */
    void apply(OrgUnitMoved moved, Instant occurredAt) {
        mongo.updateFirst(byId(moved.unitId()), new Update().set("parentId", moved.newParentId()), OrgUnitCopy.class);
        SubtreePaths.rebase(mongo, COLLECTION, "path", moved.oldPath(), moved.newPath(), occurredAt);
        for (String collection : SCOPED_BY_COMMUNITY_PATH) {
            SubtreePaths.rebase(mongo, collection, "communityPath", moved.oldPath(), moved.newPath());
        }
        SubtreePaths.rebase(mongo, "party_member_copies", "unitPath", moved.oldPath(), moved.newPath());
        SubtreePaths.rebase(mongo, "campaigns", "areaPath", moved.oldPath(), moved.newPath());
        SubtreePaths.rebase(mongo, "campaigns", "launcherPath", moved.oldPath(), moved.newPath());
        rewriteEmergencies(moved.oldPath(), moved.newPath());
    }

    /** An emergency keeps its communities' paths in a list and on each site: rewritten together under its version. */
    private void rewriteEmergencies(String oldPath, String newPath) {
        Query touched = new Query(Criteria.where("communityPaths").regex("^" + Pattern.quote(oldPath)));
        for (Document emergency : mongo.find(touched, Document.class, EMERGENCIES)) {
            Object id = emergency.get("_id");
            for (int attempt = 0; attempt < EMERGENCY_ATTEMPTS && emergency != null; attempt++) {
                List<String> paths = emergency.getList("communityPaths", String.class, List.of()).stream()
                        .map(path -> SubtreePaths.rebase(path, oldPath, newPath)).toList();
                List<Document> sites = emergency.getList("sites", Document.class, List.of()).stream()
                        .map(site -> new Document(site).append("communityPath",
                                SubtreePaths.rebase(site.getString("communityPath"), oldPath, newPath))).toList();
                Object version = emergency.get("version");
                Update update = new Update().set("communityPaths", paths).set("sites", sites).inc("version", 1);
                if (mongo.updateFirst(new Query(Criteria.where("_id").is(id).and("version").is(version)), update,
                        EMERGENCIES).getModifiedCount() == 1) {
                    break;
                }
                emergency = mongo.findOne(new Query(Criteria.where("_id").is(id)), Document.class, EMERGENCIES);
            }
        }
    }

    Optional<OrgUnitCopy> find(String id) {
        return Optional.ofNullable(mongo.findById(id, OrgUnitCopy.class));
    }

    /** The copies whose parent is {@code parentId}, a page in id order (the client's sort is not used). */
    Page<OrgUnitCopy> children(String parentId, Pageable pageable) {
        Pageable byId = PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), Sort.by("_id"));
        return MongoPages.page(mongo, Query.query(Criteria.where("parentId").is(parentId)).with(byId), byId,
                OrgUnitCopy.class);
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }
}
