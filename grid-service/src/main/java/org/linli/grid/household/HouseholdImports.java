package org.linli.grid.household;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import io.github.springwolf.core.asyncapi.annotations.AsyncOperation;
import io.github.springwolf.core.asyncapi.annotations.AsyncPublisher;
import org.linli.events.Topics;
import org.linli.events.grid.HouseholdRegistered;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.platform.web.Caller;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Imports households from an external register in batches: each entry is checked on its own (its building
 * must exist and lie in the caller's scope; the household rules of {@link Household#register}), and the
 * batch's new households are inserted with one {@code insertAll}, each with its HouseholdRegistered in its
 * outbox. Idempotent by the register id: an entry seen before, or twice in a batch, is a duplicate.
 */
@Service
class HouseholdImports {

    private final MongoOperations mongo;
    private final Clock clock;

    HouseholdImports(MongoOperations mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** One register entry as sent. */
    record Entry(String registerId, String buildingId, String buildingUnit, String room, Integer residents,
                 String headName, String phone, Set<SpecialGroup> specialGroups) {

        @Override
        public String toString() {
            return "Entry[registerId=" + registerId + ", building=" + buildingId + "]";
        }
    }

    /** Why an entry was not imported. */
    record RowError(int index, String registerId, String code, String detail) {
    }

    /** What happened to one entry: {@code imported}, {@code duplicate} or {@code error}. */
    record RowResult(int index, String registerId, String outcome, String householdId) {
    }

    /** The answer for a batch. */
    record Result(int imported, int duplicates, List<RowError> errors, List<RowResult> rows) {
    }

    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.GRID_EVENTS, payloadType = HouseholdRegistered.class,
            description = "a household of an external register was imported"))
    Result importEntries(Caller caller, List<Entry> entries) {
        Instant now = clock.instant();
        String batchId = UUID.randomUUID().toString();
        Map<String, Building> buildings = buildings(entries);
        Set<String> existing = existing(entries);
        Set<String> seen = new HashSet<>();
        List<RowError> errors = new ArrayList<>();
        List<RowResult> rows = new ArrayList<>();
        List<Household> fresh = new ArrayList<>();
        for (int index = 0; index < entries.size(); index++) {
            Entry entry = entries.get(index);
            String registerId = entry == null ? null : entry.registerId();
            try {
                requireRegisterId(registerId);
                String id = Household.idForRegister(registerId);
                if (!seen.add(id) || existing.contains(id)) {
                    rows.add(new RowResult(index, registerId, "duplicate", id));
                    continue;
                }
                Building building = buildings.get(entry.buildingId());
                if (building == null) {
                    throw new BusinessRuleViolation("unknown-building", "no building " + entry.buildingId());
                }
                if (!caller.covers(building.communityPath())) {
                    throw new BusinessRuleViolation("outside-scope", "building " + building.id()
                            + " is outside the caller's scope");
                }
                fresh.add(Household.fromRegister(registerId, batchId, building, entry.buildingUnit(), entry.room(),
                        entry.residents() == null ? 0 : entry.residents(), entry.headName(), entry.phone(),
                        entry.specialGroups(), now));
                rows.add(new RowResult(index, registerId, "imported", id));
            } catch (BusinessRuleViolation refused) {
                errors.add(new RowError(index, registerId, refused.code(), refused.getMessage()));
                rows.add(new RowResult(index, registerId, "error", null));
            }
        }
        Set<String> raced = insert(fresh, batchId);
        rows.replaceAll(row -> "imported".equals(row.outcome()) && raced.contains(row.householdId())
                ? new RowResult(row.index(), row.registerId(), "duplicate", row.householdId()) : row);
        rows.sort(Comparator.comparingInt(RowResult::index));
        int imported = (int) rows.stream().filter(row -> "imported".equals(row.outcome())).count();
        int duplicates = (int) rows.stream().filter(row -> "duplicate".equals(row.outcome())).count();
        return new Result(imported, duplicates, errors, rows);
    }

    private static void requireRegisterId(String registerId) {
        if (registerId == null || registerId.isBlank() || registerId.length() > 64) {
            throw new BusinessRuleViolation("invalid-field", "registerId must have 1 to 64 characters", "registerId");
        }
    }

    private Map<String, Building> buildings(List<Entry> entries) {
        Set<String> ids = new HashSet<>();
        entries.stream().filter(entry -> entry != null && entry.buildingId() != null)
                .forEach(entry -> ids.add(entry.buildingId()));
        Map<String, Building> found = new HashMap<>();
        mongo.find(Query.query(Criteria.where("_id").in(ids)), Building.class)
                .forEach(building -> found.put(building.id(), building));
        return found;
    }

    private Set<String> existing(List<Entry> entries) {
        List<String> ids = entries.stream().filter(entry -> entry != null && entry.registerId() != null
                && !entry.registerId().isBlank()).map(entry -> Household.idForRegister(entry.registerId())).toList();
        Query query = Query.query(Criteria.where("_id").in(ids));
        query.fields().include("_id");
        Set<String> found = new HashSet<>();
        mongo.find(query, org.bson.Document.class, "households").forEach(doc -> found.add(doc.get("_id").toString()));
        return found;
    }

    /**
     * One {@code insertAll}; when another request stored some of the same entries meanwhile, whatever is not
     * stored goes in one by one, and a stored household counts as this batch's only when it carries its id.
     */
    private Set<String> insert(List<Household> households, String batchId) {
        if (households.isEmpty()) {
            return Set.of();
        }
        try {
            mongo.insertAll(households);
            return Set.of();
        } catch (DuplicateKeyException race) {
            Set<String> raced = new HashSet<>();
            for (Household household : households) {
                org.bson.Document stored = mongo.findById(household.id(), org.bson.Document.class, "households");
                if (stored == null) {
                    try {
                        mongo.insert(household);
                    } catch (DuplicateKeyException again) {
                        raced.add(household.id());
                    }
                } else if (!batchId.equals(stored.getString("importBatchId"))) {
                    raced.add(household.id());
                }
            }
            return raced;
        }
    }
}
