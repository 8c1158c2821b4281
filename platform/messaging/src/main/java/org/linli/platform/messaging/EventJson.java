package org.linli.platform.messaging;

import java.util.UUID;
import java.time.Instant;
import org.linli.events.DomainEvent;
import org.linli.events.EventEnvelope;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON form of events on the wire: envelope and payload as plain JSON, instants as
 * ISO-8601 strings. Consumers ignore fields they do not know (additive changes stay compatible).
 * Deserialisation only ever targets the envelope and the contract records a consumer names;
 * no type information is read from the message.
 */
public final class EventJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private EventJson() {
    }

    /** Wraps a payload into a new envelope with a fresh event id. */
    public static PendingEvent pending(String aggregateId, DomainEvent payload, Instant occurredAt) {
        return new PendingEvent(UUID.randomUUID().toString(), payload.type(), aggregateId, occurredAt,
                payload.schemaVersion(), MAPPER.writeValueAsString(payload));
    }

    /** The JSON sent to Kafka for a stored pending event. */
    public static String toWire(PendingEvent event) {
        EventEnvelope<JsonNode> envelope = new EventEnvelope<>(event.eventId(), event.type(), event.aggregateId(),
                event.occurredAt(), event.schemaVersion(), MAPPER.readTree(event.payload()));
        return MAPPER.writeValueAsString(envelope);
    }

    /** Reads an envelope from the wire, keeping the payload as a JSON tree. */
    public static IncomingEvent fromWire(String json) {
        try {
            JsonNode tree = MAPPER.readTree(json);
            EventEnvelope<JsonNode> envelope = new EventEnvelope<>(text(tree, "eventId"), text(tree, "type"),
                    text(tree, "aggregateId"), Instant.parse(text(tree, "occurredAt")),
                    tree.path("schemaVersion").asInt(1), tree.path("payload"));
            return new IncomingEvent(envelope);
        } catch (RuntimeException e) {
            throw new UndecodableEventException("not a Linli event envelope: " + e.getMessage(), e);
        }
    }

    static <P> P payload(JsonNode payload, Class<P> type) {
        try {
            return MAPPER.treeToValue(payload, type);
        } catch (JacksonException e) {
            throw new UndecodableEventException("payload does not match " + type.getSimpleName(), e);
        }
    }

    private static String text(JsonNode tree, String field) {
        JsonNode node = tree.get(field);
        if (node == null || node.isNull()) {
            throw new IllegalArgumentException("missing " + field);
        }
        return node.asString();
    }
}
