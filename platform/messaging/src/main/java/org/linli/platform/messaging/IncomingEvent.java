package org.linli.platform.messaging;

import java.time.Instant;
import org.linli.events.EventEnvelope;
import tools.jackson.databind.JsonNode;

/** An event as a consumer receives it: the envelope, with the payload read on demand into a contract record. */
public record IncomingEvent(EventEnvelope<JsonNode> envelope) {

    public String eventId() {
        return envelope.eventId();
    }

    public String type() {
        return envelope.type();
    }

    public String aggregateId() {
        return envelope.aggregateId();
    }

    public Instant occurredAt() {
        return envelope.occurredAt();
    }

    /** The aggregate's sequence number of this event, {@code null} for events published before it existed. */
    public Long aggregateVersion() {
        return envelope.aggregateVersion();
    }

    /**
     * The payload as a contract record; an {@link InvalidEventException} when it breaks the contract. Listeners
     * receive their payloads through {@link EventHandlers}; this is public for a producer's test that reads its
     * event back from the wire ({@link EventJson#fromWire}) as a consumer would.
     */
    public <P> P payload(Class<P> contract) {
        return EventJson.payload(envelope.payload(), contract);
    }
}
