package org.linli.issue.copies;

import java.time.Instant;
import org.linli.events.grid.GeoJsonPolygon;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** issue-service's read copy of a grid, from GridCreated / GridBoundaryChanged (never written by its API). */
@Document("grid_copies")
public record GridCopy(@Id String id, String level, String name, String parentId, String path, String communityUnitId,
                       GeoJsonPolygon boundary, Instant updatedAt) {
}
