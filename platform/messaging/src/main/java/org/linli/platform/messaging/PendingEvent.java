package org.linli.platform.messaging;

import java.time.Instant;
import org.springframework.data.mongodb.core.index.Indexed;

/**
 * An event waiting in its aggregate's document to be relayed (the outbox entry). The payload is
 * kept as the JSON that will be published, so the relay never needs the payload's class.
 * {@code aggregateVersion} is the aggregate's event sequence number ({@code null} in entries stored
 * before it existed).
 *
 * <p>{@code eventId} is indexed, sparse, in every aggregate's collection ({@code outbox.eventId}): the
 * index holds only the documents with pending events, so the relay's adoption at start reads those and not
 * the collection.
 */
public record PendingEvent(@Indexed(sparse = true) String eventId, String type, String aggregateId, Instant occurredAt,
                           int schemaVersion, String payload, Long aggregateVersion) {
}
