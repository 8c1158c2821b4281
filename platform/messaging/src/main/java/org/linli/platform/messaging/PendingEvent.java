package org.linli.platform.messaging;

import java.time.Instant;

/**
 * An event waiting in its aggregate's document to be relayed (the outbox entry). The payload is
 * kept as the JSON that will be published, so the relay never needs the payload's class.
 * {@code aggregateVersion} is the aggregate's event sequence number ({@code null} in entries stored
 * before it existed).
 */
public record PendingEvent(String eventId, String type, String aggregateId, Instant occurredAt,
                           int schemaVersion, String payload, Long aggregateVersion) {
}
