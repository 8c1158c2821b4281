package org.linli.grid.grid;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.linli.platform.mongo.GenerationCounter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Finds the grid a point lies in: every grid's boundary as a prepared geometry in an in-memory
 * STRtree. Every write to the grids bumps a {@link GenerationCounter} after the write; a locate
 * checks it and rebuilds the tree when it moved. This instance's own writes are seen at once;
 * another instance's within {@code linli.grid.locate.max-staleness} (250 ms by default), so that a
 * locate does not pay a database read each time. (An STRtree cannot take inserts once queried, so
 * own writes also cause a rebuild rather than an in-place update.)
 * One thread rebuilds while the others wait for its result. See {@link GridTree} for the rule on
 * shared borders.
 */
@Component
class GridLocator extends AbstractMongoEventListener<Grid> {

    private final MongoOperations mongo;
    private final GenerationCounter generations;
    private volatile Snapshot snapshot;

    GridLocator(MongoOperations mongo, @Value("${linli.grid.locate.max-staleness:250ms}") Duration maxStaleness) {
        this.mongo = mongo;
        this.generations = new GenerationCounter(mongo, "grids", maxStaleness);
    }

    /** The finest grid covering the point and its ancestors, root first; empty outside every grid. */
    Optional<List<GridTree.Located>> locate(double lat, double lng) {
        return current().tree().locate(lat, lng);
    }

    /** Marks the grids as changed; called after every write to them. */
    long changed() {
        return generations.bump();
    }

    @Override
    public void onAfterSave(AfterSaveEvent<Grid> event) {
        changed();
    }

    private Snapshot current() {
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
        return known;
    }

    /** Builds the tree; tagged with the generation read before, so a write during the load forces a rebuild. */
    private Snapshot load(long generation) {
        Query all = new Query();
        all.fields().include("level").include("name").include("path").include("boundary");
        return new Snapshot(generation, new GridTree(mongo.find(all, Grid.class)));
    }

    private record Snapshot(long generation, GridTree tree) {
    }
}
