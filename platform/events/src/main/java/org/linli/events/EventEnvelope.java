package org.linli.events;

import java.time.Instant;
import java.util.Objects;

/**
 * The envelope every Linli event travels in, on every topic.
 *
 * @param eventId          unique id of this event; consumers deduplicate on it
 * @param type             past-tense PascalCase name of the payload ({@code OrgUnitCreated})
 * @param aggregateId      id of the aggregate that caused it; also the Kafka record key
 * @param occurredAt       when the state change happened
 * @param schemaVersion    version of the payload's shape for this {@code type}
 * @param aggregateVersion position of this event in its aggregate's own sequence (1, 2, 3… strictly increasing
 *                         per aggregate document); {@code null} in events published before it was added. Consumers
 *                         that keep a read copy skip an event older than one they applied.
 * @param payload          the event's own fields
 * @param <P>              payload type: a contract record when producing, a JSON tree when consuming
 */
public record EventEnvelope<P>(String eventId, String type, String aggregateId, Instant occurredAt,
                               int schemaVersion, Long aggregateVersion, P payload) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schemaVersion must be >= 1");
        }
        if (aggregateVersion != null && aggregateVersion < 1) {
            throw new IllegalArgumentException("aggregateVersion must be >= 1");
        }
    }

    /** An envelope without an aggregate version (as every event published before the field existed). */
    public EventEnvelope(String eventId, String type, String aggregateId, Instant occurredAt, int schemaVersion,
                         P payload) {
        this(eventId, type, aggregateId, occurredAt, schemaVersion, null, payload);
    }
}
