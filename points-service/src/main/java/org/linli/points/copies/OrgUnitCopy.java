package org.linli.points.copies;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** points-service's read copy of an org unit, kept from org events: enough to scope by path and show a name. */
@Document(OrgUnitCopies.COLLECTION)
record OrgUnitCopy(@Id String id, String unitType, String name, String parentId, @Indexed String path, boolean active) {
}
