package org.linli.issue.copies;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** issue-service's read copy of an org unit, from org events: a community's path (scope) and parent (its street). */
@Document("org_unit_copies")
public record OrgUnitCopy(@Id String id, String unitType, String name, String parentId, @Indexed String path,
                          boolean active, Instant updatedAt) {
}
