package org.linli.platform.messaging;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.linli.events.DomainEvent;

/**
 * What a listener does with each event type it consumes, keyed by the contract record itself: the type
 * name is the record's {@link DomainEvent#typeOf simple name}, so a misspelt type cannot silently drop
 * events. Handed to {@link ProcessedEvents#receive(String, EventHandlers)}, which drops the types the
 * table does not name without touching the store.
 *
 * <pre>{@code
 * EventHandlers handlers = EventHandlers.builder()
 *         .on(IssueClosed.class, this::issueClosed)                     // an effect: every event counts
 *         .onInOrderWithTime(OrgUnitRenamed.class, copies::apply)       // a copy: (payload, occurredAt)
 *         .build();
 * }</pre>
 *
 * <p>A type registered in order is part of a read copy: an event of it whose aggregate version is not above
 * the one applied for its aggregate is skipped. Register in order only types that come from one aggregate
 * document per aggregate id (docs/events.md, "Monotonic read copies").
 */
public final class EventHandlers {

    private final Map<String, Handler> byType;

    private EventHandlers(Map<String, Handler> byType) {
        this.byType = Map.copyOf(byType);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The contract types this table handles. A listener documents each of them for AsyncAPI with an
     * {@code @AsyncListener}; test-support's {@code AsyncApiContract} checks the two agree.
     */
    public Set<Class<? extends DomainEvent>> types() {
        return byType.values().stream().map(Handler::contract).collect(Collectors.toUnmodifiableSet());
    }

    boolean handles(String type) {
        return byType.containsKey(type);
    }

    boolean inOrder(String type) {
        return handles(type) && byType.get(type).inOrder();
    }

    /** Whether events of this type are marked as processed (all but those registered {@code onIdempotent…}). */
    boolean marked(String type) {
        return handles(type) && byType.get(type).marked();
    }

    /** Reads the event's payload into its contract record and runs the handler registered for its type. */
    void dispatch(IncomingEvent event) {
        Handler handler = byType.get(event.type());
        if (handler == null) {
            throw new IllegalArgumentException("no handler for " + event.type());
        }
        handler.run().accept(event);
    }

    private record Handler(Class<? extends DomainEvent> contract, boolean inOrder, boolean marked,
                           Consumer<IncomingEvent> run) {
    }

    /** Registers one handler per contract type; a second one for a type is refused. */
    public static final class Builder {

        private final Map<String, Handler> byType = new HashMap<>();

        private Builder() {
        }

        /** An effect of each event of {@code contract}, whatever its aggregate version. */
        public <P extends DomainEvent> Builder on(Class<P> contract, Consumer<? super P> handler) {
            Objects.requireNonNull(handler, "handler");
            return register(contract, false, true, (payload, occurredAt) -> handler.accept(payload));
        }

        /** As {@link #on}, for a handler that also takes the time the event occurred. */
        public <P extends DomainEvent> Builder onWithTime(Class<P> contract, BiConsumer<? super P, Instant> handler) {
            return register(contract, false, true, handler);
        }

        /**
         * An effect that is idempotent by itself (an upsert by the event's aggregate id, say), with the time the event
         * occurred: no processed-event mark is read or written for it, since a mark would cost two store round trips
         * per event to spare an upsert on the rare redelivery. For busy topics (every issue report).
         */
        public <P extends DomainEvent> Builder onIdempotentWithTime(Class<P> contract,
                                                                    BiConsumer<? super P, Instant> handler) {
            return register(contract, false, false, handler);
        }

        /** A copy kept from events of {@code contract}: an event not newer than the one applied is skipped. */
        public <P extends DomainEvent> Builder onInOrder(Class<P> contract, Consumer<? super P> handler) {
            Objects.requireNonNull(handler, "handler");
            return register(contract, true, true, (payload, occurredAt) -> handler.accept(payload));
        }

        /** As {@link #onInOrder}, for a handler that also takes the time the event occurred. */
        public <P extends DomainEvent> Builder onInOrderWithTime(Class<P> contract,
                                                                 BiConsumer<? super P, Instant> handler) {
            return register(contract, true, true, handler);
        }

        public EventHandlers build() {
            return new EventHandlers(byType);
        }

        private <P extends DomainEvent> Builder register(Class<P> contract, boolean inOrder, boolean marked,
                                                         BiConsumer<? super P, Instant> handler) {
            Objects.requireNonNull(handler, "handler");
            String type = DomainEvent.typeOf(contract);
            Handler added = new Handler(contract, inOrder, marked,
                    event -> handler.accept(event.payload(contract), event.occurredAt()));
            if (byType.putIfAbsent(type, added) != null) {
                throw new IllegalArgumentException("a second handler for " + type);
            }
            return this;
        }
    }
}
