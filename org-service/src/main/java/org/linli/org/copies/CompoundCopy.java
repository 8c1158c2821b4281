package org.linli.org.copies;

import java.time.Instant;
import org.linli.org.unit.ScopePath;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A compound property-service registered (CompoundCreated), counted by the coverage dashboard. Its
 * community's path is org-service's own: {@link ScopePath} lets a move of the community carry it along.
 *
 * @param id              the compound's id in property-service
 * @param name            its name
 * @param communityUnitId the community (an org unit) it belongs to
 * @param communityPath   that unit's path
 * @param updatedAt       the time of the last event applied
 */
@Document("compound_copies")
record CompoundCopy(@Id String id, String name, String communityUnitId, @Indexed @ScopePath String communityPath,
                    Instant updatedAt) {
}
