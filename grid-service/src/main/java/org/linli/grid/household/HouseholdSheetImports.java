package org.linli.grid.household;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import io.github.springwolf.core.asyncapi.annotations.AsyncOperation;
import io.github.springwolf.core.asyncapi.annotations.AsyncPublisher;
import org.bson.Document;
import org.linli.events.Topics;
import org.linli.events.grid.HouseholdRegistered;
import org.linli.platform.sheets.RowProblem;
import org.linli.platform.sheets.RowReasons;
import org.linli.platform.sheets.SheetReader;
import org.linli.platform.sheets.SheetRow;
import org.linli.platform.sheets.SheetImport;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.platform.web.Caller;
import org.linli.platform.domain.NewIds;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Imports the households roster from an xlsx sheet: every row goes through the rules of a single registration
 * ({@link Household#register}, or {@link Household#fromRegister} when it has a register id), the whole sheet is
 * checked before anything is written, and the households are inserted a page at a time, each with its
 * HouseholdRegistered in its outbox. By default one bad row refuses the sheet (nothing stored);
 * {@code validRowsOnly} stores the good rows and answers the bad ones. A building outside the caller's scope
 * refuses the whole upload (403), as a single registration there would.
 */
@Service
class HouseholdSheetImports {

    static final int MAX_ROWS = 5000;
    static final int PAGE = 500;

    private final MongoOperations mongo;
    private final RowReasons reasons;
    private final Clock clock;

    HouseholdSheetImports(MongoOperations mongo, RowReasons reasons, Clock clock) {
        this.mongo = mongo;
        this.reasons = reasons;
        this.clock = clock;
    }

    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.GRID_EVENTS, payloadType = HouseholdRegistered.class,
            description = "a household of an imported roster sheet was registered"))
    SheetImport importSheet(Caller caller, InputStream upload, boolean validRowsOnly) {
        List<SheetRow> rows = SheetReader.read(upload, HouseholdSheet.LAYOUT, MAX_ROWS);
        String batchId = NewIds.next();
        Map<String, Building> buildings = buildings(caller, rows);
        Set<String> taken = registeredElsewhere(rows, batchId);
        List<RowProblem> problems = new ArrayList<>();
        List<Household> households = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Instant now = clock.instant();
        for (SheetRow row : rows) {
            Household household = reasons.build(HouseholdSheet.LAYOUT, row, problems,
                    valid -> household(valid, buildings, taken, seen, batchId, now), HouseholdSheet::fieldOf);
            if (household != null) {
                households.add(household);
            }
        }
        SheetImport.refuseBadRows(HouseholdSheet.LAYOUT, rows, problems, validRowsOnly);
        insert(households, batchId);
        return new SheetImport(HouseholdSheet.LAYOUT, rows.size(), households.size(), rows, problems);
    }

    private static Household household(SheetRow row, Map<String, Building> buildings, Set<String> taken,
                                       Set<String> seen, String batchId, Instant now) {
        String registerId = row.text("registerId");
        if (registerId != null && registerId.length() > 64) {
            throw new BusinessRuleViolation("invalid-field", "registerId must have 1 to 64 characters", "registerId");
        }
        if (registerId != null && taken.contains(registerId)) {
            throw new BusinessRuleViolation("already-registered", "register id already registered");
        }
        if (registerId != null && !seen.add(registerId)) {
            throw new BusinessRuleViolation("duplicate-in-sheet", "register id twice in the sheet");
        }
        Building building = buildings.get(row.text("buildingId"));
        if (building == null) {
            throw new BusinessRuleViolation("unknown-building", "no such building", row.text("buildingId"));
        }
        Set<SpecialGroup> groups = HouseholdSheet.groups(row.text("specialGroups"));
        int residents = Objects.requireNonNull(row.integer("residents"));
        return registerId == null
                ? Household.imported(batchId, building, row.text("buildingUnit"), row.text("room"), residents,
                        row.text("headName"), row.text("phone"), groups, row.text("linkedMemberId"), now)
                : Household.fromRegister(registerId, batchId, building, row.text("buildingUnit"), row.text("room"),
                        residents, row.text("headName"), row.text("phone"), groups, row.text("linkedMemberId"), now);
    }

    /** The sheet's buildings in one query; one outside the caller's scope refuses the upload (403). */
    private Map<String, Building> buildings(Caller caller, List<SheetRow> rows) {
        Set<String> ids = new HashSet<>();
        rows.forEach(row -> ids.add(row.text("buildingId")));
        ids.remove(null);
        Map<String, Building> found = new HashMap<>();
        for (Building building : mongo.find(Query.query(Criteria.where("_id").in(ids)), Building.class)) {
            if (!caller.covers(building.communityPath())) {
                throw new AccessDeniedException("a building of the sheet is outside the caller's scope");
            }
            found.put(building.id(), building);
        }
        return found;
    }

    /**
     * Register ids of the sheet that name a stored household (as its register id or its Linli id, which is what an
     * export writes), except the households an earlier run of this very request stored ({@code batchId}).
     */
    private Set<String> registeredElsewhere(List<SheetRow> rows, String batchId) {
        Set<String> registerIds = new HashSet<>();
        rows.forEach(row -> registerIds.add(row.text("registerId")));
        registerIds.remove(null);
        if (registerIds.isEmpty()) {
            return Set.of();
        }
        // two queries, each served by its index (registerId, _id): the embedded store reads a whole collection for
        // an $or, a county's 100,000 households per upload
        Set<String> taken = new HashSet<>();
        for (String field : List.of("registerId", "_id")) {
            Query query = Query.query(Criteria.where(field).in(registerIds));
            query.fields().include("_id").include("registerId").include("importBatchId");
            for (Document stored : mongo.find(query, Document.class, "households")) {
                if (!batchId.equals(stored.getString("importBatchId"))) {
                    taken.add(stored.getString("registerId"));
                    taken.add(String.valueOf(stored.get("_id")));
                }
            }
        }
        return taken;
    }

    /**
     * One {@code insertAll} per page of {@link #PAGE}; households an earlier run of the same keyed request stored
     * (same ids, same batch) are not inserted twice.
     */
    private void insert(List<Household> households, String batchId) {
        Set<String> stored = storedBy(batchId);
        List<Household> fresh = households.stream().filter(household -> !stored.contains(household.id())).toList();
        for (int from = 0; from < fresh.size(); from += PAGE) {
            mongo.insertAll(fresh.subList(from, Math.min(fresh.size(), from + PAGE)));
        }
    }

    private Set<String> storedBy(String batchId) {
        Query query = Query.query(Criteria.where("importBatchId").is(batchId));
        query.fields().include("_id");
        Set<String> ids = new HashSet<>();
        mongo.find(query, Document.class, "households").forEach(doc -> ids.add(String.valueOf(doc.get("_id"))));
        return ids;
    }
}
