package org.linli.events.grid;

import org.linli.events.Contracts;
import org.linli.events.DomainEvent;

/**
 * A grid's boundary was redrawn (still inside its parent, not overlapping its siblings).
 *
 * @param gridId   the grid
 * @param path     grid ids from the root down to this grid
 * @param boundary the new boundary as a GeoJSON Polygon
 */
public record GridBoundaryChanged(String gridId, String path, GeoJsonPolygon boundary) implements DomainEvent {

    public GridBoundaryChanged {
        Contracts.required(gridId, "gridId");
    }
}
