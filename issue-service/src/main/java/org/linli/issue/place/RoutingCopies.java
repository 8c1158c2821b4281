package org.linli.issue.place;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.linli.issue.copies.CompoundCopy;
import org.linli.issue.copies.GridCopy;
import org.linli.issue.copies.OrgUnitCopy;
import org.linli.issue.copies.WorkerCopy;

/**
 * The read copies routing consults for every report, held in memory beside the {@link PlaceTree} and rebuilt with
 * it: grids, compounds (with their contracts), org units, and each grid's appointed grid worker (the active
 * appointment that started last). Routing a report then costs no store round trip; a copy not found here (its event
 * arrived after the last rebuild) is read from the store by the caller.
 */
final class RoutingCopies {

    static final String GRID_WORKER = "GRID_WORKER";

    private final Map<String, GridCopy> grids = new HashMap<>();
    private final Map<String, CompoundCopy> compounds = new HashMap<>();
    private final Map<String, List<CompoundCopy>> compoundsByGrid = new HashMap<>();
    private final Map<String, OrgUnitCopy> units = new HashMap<>();
    private final Map<String, WorkerCopy> workerByGrid = new HashMap<>();

    RoutingCopies(List<GridCopy> gridCopies, List<CompoundCopy> compoundCopies, List<OrgUnitCopy> unitCopies,
                  List<WorkerCopy> workerCopies) {
        gridCopies.forEach(grid -> grids.put(grid.id(), grid));
        for (CompoundCopy compound : compoundCopies) {
            compounds.put(compound.id(), compound);
            if (compound.gridId() != null) {
                compoundsByGrid.computeIfAbsent(compound.gridId(), grid -> new ArrayList<>()).add(compound);
            }
        }
        unitCopies.forEach(unit -> units.put(unit.id(), unit));
        workerCopies.stream()
                .filter(worker -> worker.active() && GRID_WORKER.equals(worker.role()) && worker.gridId() != null)
                .sorted(Comparator.comparing(WorkerCopy::from, Comparator.nullsFirst(Comparator.naturalOrder())))
                .forEach(worker -> workerByGrid.put(worker.gridId(), worker));
    }

    Optional<GridCopy> grid(String id) {
        return Optional.ofNullable(id == null ? null : grids.get(id));
    }

    Optional<CompoundCopy> compound(String id) {
        return Optional.ofNullable(id == null ? null : compounds.get(id));
    }

    /** The compounds whose copy names this grid (none when the grid is unknown). */
    List<CompoundCopy> compoundsIn(String gridId) {
        return gridId == null ? List.of() : compoundsByGrid.getOrDefault(gridId, List.of());
    }

    Optional<OrgUnitCopy> unit(String id) {
        return Optional.ofNullable(id == null ? null : units.get(id));
    }

    /** The grid's appointed grid worker: of its active appointments, the one that started last. */
    Optional<WorkerCopy> activeWorker(String gridId) {
        return Optional.ofNullable(gridId == null ? null : workerByGrid.get(gridId));
    }
}
