package org.linli.events.grid;

import org.linli.events.Contracts;
import org.linli.events.DomainEvent;

/**
 * A grid (网格: level 1 community, level 2 area, level 3 buildings, or a micro-grid 微网格) was created.
 *
 * @param gridId          id of the new grid
 * @param level           {@code LEVEL_1}, {@code LEVEL_2}, {@code LEVEL_3} or {@code MICRO}
 * @param name            display name, e.g. 青羊一网格
 * @param parentId        id of the parent grid, {@code null} for a level-1 grid
 * @param path            grid ids from the root down to this grid, {@code /root/…/gridId/}
 * @param communityUnitId the community party committee (org unit) the grid belongs to
 * @param branchUnitId    the party branch (org unit) serving it, {@code null} when none is set
 * @param boundary        its boundary as a GeoJSON Polygon
 */
public record GridCreated(String gridId, String level, String name, String parentId, String path,
                          String communityUnitId, String branchUnitId, GeoJsonPolygon boundary) implements DomainEvent {

    public GridCreated {
        Contracts.required(gridId, "gridId");
        Contracts.required(path, "path");
    }
}
