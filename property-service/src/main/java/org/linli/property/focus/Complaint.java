package org.linli.property.focus;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A complaint about a compound: a resident's issue from issue-service (id = the id, so a redelivered
 * IssueReported is stored once) or one registered by an admin from another channel such as the 12345 hotline.
 */
@Document("complaints")
// the focus list's count over the rolling window and a compound's newest complaints
@CompoundIndex(name = "compound_received", def = "{'compoundId': 1, 'receivedAt': 1}")
record Complaint(@Id String id, String compoundId, Instant receivedAt, String channel, String category) {
}
