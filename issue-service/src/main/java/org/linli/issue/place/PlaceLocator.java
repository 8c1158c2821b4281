package org.linli.issue.place;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.linli.issue.copies.RoutingCopiesChanged;
import org.linli.issue.copies.CompoundCopy;
import org.linli.issue.copies.GridCopy;
import org.linli.issue.copies.OrgUnitCopy;
import org.linli.issue.copies.WorkerCopy;
import org.linli.platform.mongo.GenerationCounter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

/**
 * The in-memory {@link PlaceTree} of the copied grids and compounds and the {@link RoutingCopies}, rebuilt when a
 * {@link GenerationCounter} shows that a copy routing reads changed (own writes at once, another instance's within
 * {@code linli.issue.locate.max-staleness}). One thread rebuilds while the others wait for it.
 */
@Component
class PlaceLocator {

    private final MongoOperations mongo;
    private final GenerationCounter generations;
    private volatile Snapshot snapshot;

    PlaceLocator(MongoOperations mongo, @Value("${linli.issue.locate.max-staleness:250ms}") Duration maxStaleness) {
        this.mongo = mongo;
        this.generations = new GenerationCounter(mongo, "issue-place-copies", maxStaleness);
    }

    Optional<String> grid(double lat, double lng) {
        return current().tree().grid(lat, lng);
    }

    Optional<String> compound(double lat, double lng) {
        return current().tree().compound(lat, lng);
    }

    /** The copies routing reads, as of the last change this instance knows of. */
    RoutingCopies copies() {
        return current().copies();
    }

    @EventListener(RoutingCopiesChanged.class)
    void changed() {
        generations.bump();
    }

    private Snapshot current() {
        long generation = generations.current();
        Snapshot known = snapshot;
        if (known == null || known.generation() != generation) {
            synchronized (this) {
                known = snapshot;
                if (known == null || known.generation() != generation) {
                    List<GridCopy> grids = mongo.findAll(GridCopy.class);
                    List<CompoundCopy> compounds = mongo.findAll(CompoundCopy.class);
                    known = new Snapshot(generation, new PlaceTree(grids, compounds), new RoutingCopies(grids,
                            compounds, mongo.findAll(OrgUnitCopy.class), mongo.findAll(WorkerCopy.class)));
                    snapshot = known;
                }
            }
        }
        return known;
    }

    private record Snapshot(long generation, PlaceTree tree, RoutingCopies copies) {
    }
}
