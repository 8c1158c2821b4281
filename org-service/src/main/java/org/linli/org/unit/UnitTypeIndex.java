package org.linli.org.unit;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.bson.Document;
import org.linli.platform.mongo.GenerationCounter;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Active units' paths and types in memory, so a subtree count is a sorted-map range instead of a
 * collection scan. It is never served stale: every write to the units bumps a generation counter
 * in the database (after the write), and a count first reads that counter (one lookup by id) and
 * reloads the map when it moved, whichever instance wrote. This instance's own saves are applied
 * to the map directly when nothing else changed in between, so only foreign writes and subtree
 * moves cost a reload.
 */
@Component
class UnitTypeIndex extends AbstractMongoEventListener<OrgUnit> {

    private final MongoOperations mongo;
    private final GenerationCounter generations;
    private volatile Snapshot snapshot;

    UnitTypeIndex(MongoOperations mongo) {
        this.mongo = mongo;
        this.generations = new GenerationCounter(mongo, "org_units", Duration.ZERO);
    }

    /** Active units per type whose path starts with the prefix ({@code null}: all). */
    Map<OrgUnitType, Long> countPerType(String pathPrefix) {
        Snapshot current = current();
        NavigableMap<String, OrgUnitType> range = pathPrefix == null ? current.types()
                : current.types().subMap(pathPrefix, true, pathPrefix + Character.MAX_VALUE, false);
        Map<OrgUnitType, Long> counts = new EnumMap<>(OrgUnitType.class);
        range.values().forEach(type -> counts.merge(type, 1L, Long::sum));
        return counts;
    }

    /** Marks the units as changed; called after every write to them that is not a plain save. */
    long changed() {
        return generations.bump();
    }

    @Override
    public void onAfterSave(AfterSaveEvent<OrgUnit> event) {
        long generation = changed();
        OrgUnit unit = event.getSource();
        synchronized (this) {
            Snapshot known = snapshot;
            if (known != null && known.generation() == generation - 1 && unit.rebaseFrom() == null) {
                if (unit.isActive()) {
                    known.types().put(unit.path(), unit.type());
                } else {
                    known.types().remove(unit.path());
                }
                snapshot = new Snapshot(generation, known.types());
            }
        }
    }

    private Snapshot current() {
        long generation = generations.current();
        Snapshot known = snapshot;
        if (known == null || known.generation() != generation) {
            known = load(generation);
            snapshot = known;
        }
        return known;
    }

    /**
     * Loads the map; tagged with the generation read before, so a write during the load forces a reload. It reads
     * every unit (the few inactive ones are skipped here): a load of nearly the whole collection gains nothing from
     * an index, and a read without a condition says so (the query-plan tests leave such reads out).
     */
    private Snapshot load(long generation) {
        Query all = new Query();
        all.fields().include("path").include("type").include("status");
        ConcurrentNavigableMap<String, OrgUnitType> types = new ConcurrentSkipListMap<>();
        for (Document unit : mongo.find(all, Document.class, "org_units")) {
            if (OrgUnit.Status.ACTIVE.name().equals(unit.getString("status"))) {
                types.put(unit.getString("path"), OrgUnitType.valueOf(unit.getString("type")));
            }
        }
        return new Snapshot(generation, types);
    }

    private record Snapshot(long generation, ConcurrentNavigableMap<String, OrgUnitType> types) {
    }
}
