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
 * overwriting a concurrent change.
 */
public abstract class AggregateRoot {

    public static final String OUTBOX_FIELD = "outbox";

    @Version
    private Long version;

    private List<PendingEvent> outbox = new ArrayList<>();

    /** Records an event caused by the change being made; it is stored with the next save. */
    protected void recordEvent(String aggregateId, DomainEvent event, Instant occurredAt) {
        outbox.add(EventJson.pending(aggregateId, event, occurredAt));
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
