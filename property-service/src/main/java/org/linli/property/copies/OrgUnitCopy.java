package org.linli.property.copies;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * property-service's read copy of an org unit, kept from org-service's events: a compound belongs to a
 * community and carries its path (which scopes who may see it); rankings and KPIs are for a county or street.
 */
@Document("org_unit_copies")
record OrgUnitCopy(@Id String id, String unitType, String name, String parentId, @Indexed String path,
                   boolean active, Instant updatedAt) {
}
