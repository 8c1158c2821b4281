package org.linli.issue.copies;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** issue-service's read copy of a building, from BuildingRegistered: QR reports name it. */
@Document("building_copies")
public record BuildingCopy(@Id String id, @Indexed String gridId, String communityUnitId, String name, Double lat,
                           Double lng, Instant updatedAt) {
}
