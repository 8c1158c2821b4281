package org.linli.property.focus;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A complaint about a compound: a resident's issue from issue-service (id = the id, so a redelivered
 * IssueReported is stored once) or one registered by an admin from another channel such as the 12345 hotline.
 */
@Document("complaints")
record Complaint(@Id String id, @Indexed String compoundId, Instant receivedAt, String channel, String category) {
}
