package org.linli.org.dualregistration;

import io.github.springwolf.core.asyncapi.annotations.AsyncListener;
import io.github.springwolf.core.asyncapi.annotations.AsyncOperation;
import org.linli.events.Topics;
import org.linli.events.issue.MicroWishFulfilled;
import org.linli.platform.messaging.EventHandlers;
import org.linli.platform.messaging.ProcessedEvents;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code issue.events}: a micro-wish fulfilled by a dual-registration unit is recorded on the
 * unit, once per event id (and once per wish whatever the event id); other types are ignored. An effect,
 * not a copy: registered plainly, not in order, every event counts whatever its aggregate version.
 */
@Component
class MicroWishEventsListener {

    private final ProcessedEvents processed;
    /** The events of the topic this listener acts on; others are dropped without touching the store. */
    private final EventHandlers handlers;

    MicroWishEventsListener(ProcessedEvents processed, FulfilledWishes wishes) {
        this.processed = processed;
        this.handlers = EventHandlers.builder().onWithTime(MicroWishFulfilled.class, wishes::record).build();
    }

    @KafkaListener(topics = Topics.ISSUE_EVENTS)
    @AsyncListener(operation = @AsyncOperation(channelName = Topics.ISSUE_EVENTS, payloadType = MicroWishFulfilled.class))
    void on(String record) {
        processed.receive(record, handlers);
    }
}
