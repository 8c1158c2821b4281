package org.linli.events;

import java.time.Instant;
import java.util.Objects;

/**
 * The envelope every Linli event travels in, on every topic.
 *
 * @param eventId       unique id of this event; consumers deduplicate on it
 * @param type          past-tense PascalCase name of the payload ({@code OrgUnitCreated})
 * @param aggregateId   id of the aggregate that caused it; also the Kafka record key
 * @param occurredAt    when the state change happened
 * @param schemaVersion version of the payload's shape for this {@code type}
 * @param payload       the event's own fields
 * @param <P>           payload type: a contract record when producing, a JSON tree when consuming
 */
public record EventEnvelope<P>(String eventId, String type, String aggregateId, Instant occurredAt,
                               int schemaVersion, P payload) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schemaVersion must be >= 1");
        }
    }
}
