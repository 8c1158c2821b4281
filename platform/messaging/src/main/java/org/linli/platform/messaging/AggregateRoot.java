package org.linli.platform.messaging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.linli.events.DomainEvent;
import org.springframework.data.annotation.Version;

/**
 * Base of every aggregate that publishes events. The events it records are kept in its own
 * document ({@value #OUTBOX_FIELD}) and written by the same single-document save as the state
 * change, which is atomic on every MongoDB topology, the embedded store included. The
 * {@link OutboxRelay} publishes them afterwards and removes them by event id.
 *
 * <p>{@code @Version} gives optimistic locking: a save from a stale copy fails instead of
 * overwriting a concurrent change. {@value #SEQUENCE_FIELD} numbers the events of this document
 * (1, 2, 3…); it is stored by the same save, so the numbers are strictly increasing and travel in the
 * envelope as {@code aggregateVersion}, letting read copies skip an event older than one they applied.
 */
public abstract class AggregateRoot {

    public static final String OUTBOX_FIELD = "outbox";
    public static final String SEQUENCE_FIELD = "eventSequence";

    @Version
    private Long version;

    private long eventSequence;

    private List<PendingEvent> outbox = new ArrayList<>();

    /** Records an event caused by the change being made; it is stored with the next save. */
    protected void recordEvent(String aggregateId, DomainEvent event, Instant occurredAt) {
        eventSequence++;
        outbox.add(EventJson.pending(aggregateId, event, occurredAt, eventSequence));
    }

    /** The version of the stored state this object was read from ({@code null} before the first save). */
    public Long version() {
        return version;
    }

    /** Events recorded and not yet known to be published. */
    public List<PendingEvent> pendingEvents() {
        return Collections.unmodifiableList(outbox);
    }
}
