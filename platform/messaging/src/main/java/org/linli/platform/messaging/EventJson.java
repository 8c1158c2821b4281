package org.linli.platform.messaging;

import java.time.Instant;
import java.util.UUID;
import org.linli.events.DomainEvent;
import org.linli.events.EventEnvelope;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

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

    /** Wraps a payload into a new envelope with a fresh event id and the aggregate's sequence number. */
    public static PendingEvent pending(String aggregateId, DomainEvent payload, Instant occurredAt, long aggregateVersion) {
        return new PendingEvent(UUID.randomUUID().toString(), payload.type(), aggregateId, occurredAt,
                payload.schemaVersion(), MAPPER.writeValueAsString(payload), aggregateVersion);
    }

    /** The JSON sent to Kafka for a stored pending event ({@code aggregateVersion} only when it has one). */
    public static String toWire(PendingEvent event) {
        ObjectNode envelope = MAPPER.createObjectNode();
        envelope.put("eventId", event.eventId());
        envelope.put("type", event.type());
        envelope.put("aggregateId", event.aggregateId());
        envelope.put("occurredAt", event.occurredAt().toString());
        envelope.put("schemaVersion", event.schemaVersion());
        if (event.aggregateVersion() != null) {
            envelope.put("aggregateVersion", event.aggregateVersion());
        }
        envelope.set("payload", MAPPER.readTree(event.payload()));
        return MAPPER.writeValueAsString(envelope);
    }

    /** Reads an envelope from the wire, keeping the payload as a JSON tree. */
    public static IncomingEvent fromWire(String json) {
        try {
            JsonNode tree = MAPPER.readTree(json);
            EventEnvelope<JsonNode> envelope = new EventEnvelope<>(text(tree, "eventId"), text(tree, "type"),
                    text(tree, "aggregateId"), Instant.parse(text(tree, "occurredAt")),
                    tree.path("schemaVersion").asInt(1), aggregateVersion(tree), tree.path("payload"));
            return new IncomingEvent(envelope);
        } catch (RuntimeException e) {
            throw new UndecodableEventException("not a Linli event envelope: " + e.getMessage(), e);
        }
    }

    static <P> P payload(JsonNode payload, Class<P> type) {
        try {
            return MAPPER.treeToValue(payload, type);
        } catch (JacksonException e) {
            throw new InvalidEventException("payload does not match " + type.getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    private static Long aggregateVersion(JsonNode tree) {
        JsonNode node = tree.get("aggregateVersion");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber()) {
            throw new IllegalArgumentException("aggregateVersion is not a whole number");
        }
        return node.asLong();
    }

    private static String text(JsonNode tree, String field) {
        JsonNode node = tree.get(field);
        if (node == null || node.isNull() || node.asString().isBlank()) {
            throw new IllegalArgumentException("missing " + field);
        }
        return node.asString();
    }
}
