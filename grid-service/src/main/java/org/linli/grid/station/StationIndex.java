package org.linli.grid.station;

import org.linli.platform.mongo.GenerationCounter;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterDeleteEvent;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Keeps the {@link StationTree} current, like the grid locator: every write to the stations bumps a
 * {@link GenerationCounter} ({@code stations}) after the write; a query checks it and rebuilds the tree
 * when it moved. This instance's own writes are seen at once, another instance's within
 * {@code linli.grid.stations.max-staleness}. One thread rebuilds while the others wait for its result.
 */
@Component
class StationIndex extends AbstractMongoEventListener<Station> {

    private final MongoOperations mongo;
    private final GenerationCounter generations;
    private volatile Snapshot snapshot;

    StationIndex(MongoOperations mongo, StationSettings settings) {
        this.mongo = mongo;
        this.generations = new GenerationCounter(mongo, "stations", settings.maxStaleness());
    }

    /** The current tree of every station. */
    StationTree tree() {
        long generation = generations.current();
        Snapshot known = snapshot;
        if (known == null || known.generation() != generation) {
            synchronized (this) {
                known = snapshot;
                if (known == null || known.generation() != generation) {
                    known = load(generation);
                    snapshot = known;
                }
            }
        }
        return known.tree();
    }

    /** Marks the stations as changed; called after every save and delete through the mapping events. */
    long changed() {
        return generations.bump();
    }

    @Override
    public void onAfterSave(AfterSaveEvent<Station> event) {
        changed();
    }

    @Override
    public void onAfterDelete(AfterDeleteEvent<Station> event) {
        changed();
    }

    /** Builds the tree; tagged with the generation read before, so a write during the load forces a rebuild. */
    private Snapshot load(long generation) {
        Query all = new Query();
        all.fields().include("name").include("kind").include("gridId").include("communityUnitId").include("location")
                .include("address").include("stars").include("openingHours").include("services");
        return new Snapshot(generation, new StationTree(mongo.find(all, Station.class).stream()
                .filter(station -> station.location() != null).map(IndexedStation::of).toList()));
    }

    private record Snapshot(long generation, StationTree tree) {
    }
}
