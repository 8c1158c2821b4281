package org.linli.grid.copies;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * grid-service's read copy of an org unit, kept from org-service's events: grids hang under
 * communities and are served by party branches, and grid-service needs their names and paths
 * without calling org-service.
 */
@Document("org_unit_copies")
record OrgUnitCopy(@Id String id, String unitType, String name, @Indexed String parentId, @Indexed String path,
                   boolean active, Instant updatedAt) {
}
