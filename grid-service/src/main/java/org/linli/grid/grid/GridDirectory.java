package org.linli.grid.grid;

import java.util.List;
import java.util.Optional;
import org.linli.platform.web.Caller;
import org.linli.platform.domain.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * What other features of grid-service (households, workers, stations, notices, emergencies, campaigns) may
 * know about grids: a read-only view, without reaching into the grid package's repository.
 */
@Component
public class GridDirectory {

    private final GridRepository grids;
    private final GridLocator locator;

    GridDirectory(GridRepository grids, GridLocator locator) {
        this.grids = grids;
        this.locator = locator;
    }

    public Optional<GridView> find(String gridId) {
        return grids.findById(gridId).map(GridView::of);
    }

    /** The finest grid covering the point (the locator's border rule applies); empty outside every grid. */
    public Optional<GridView> locate(double lat, double lng) {
        return locator.locate(lat, lng).flatMap(chain -> find(chain.get(chain.size() - 1).id()));
    }

    /** The grid when the caller's scope covers its community: 404 when unknown, 403 outside the scope. */
    public GridView visibleTo(Caller caller, String gridId) {
        GridView grid = find(gridId).orElseThrow(() -> new NotFoundException("grid", gridId));
        if (!caller.covers(grid.communityPath())) {
            throw new AccessDeniedException("grid " + gridId + " is outside the caller's scope");
        }
        return grid;
    }

    /** The grid and every grid below it. */
    public List<GridView> subtree(GridView root) {
        return grids.findByPathStartingWith(root.path()).stream().map(GridView::of).toList();
    }

    /** A grid as other features see it. */
    public record GridView(String id, GridLevel level, String name, String parentId, String path,
                           String communityUnitId, String communityPath, long residents, long households) {

        static GridView of(Grid grid) {
            return new GridView(grid.id(), grid.level(), grid.name(), grid.parentId(), grid.path(),
                    grid.communityUnitId(), grid.communityPath(), grid.residents(), grid.households());
        }
    }
}
