package org.linli.org.dualregistration;

import java.util.Set;
import io.github.springwolf.core.asyncapi.annotations.AsyncListener;
import io.github.springwolf.core.asyncapi.annotations.AsyncOperation;
import org.linli.events.Topics;
import org.linli.events.issue.MicroWishFulfilled;
import org.linli.platform.messaging.ProcessedEvents;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code issue.events}: a micro-wish fulfilled by a dual-registration unit is recorded on the
 * unit, once per event id (and once per wish whatever the event id); other types are ignored. An effect,
 * not a copy: plain {@code receive}, every event counts whatever its aggregate version.
 */
@Component
class MicroWishEventsListener {

    /** The events of the topic this listener acts on; others are dropped without touching the store. */
    private static final Set<String> HANDLED = Set.of("MicroWishFulfilled");

    private final ProcessedEvents processed;
    private final FulfilledWishes wishes;

    MicroWishEventsListener(ProcessedEvents processed, FulfilledWishes wishes) {
        this.processed = processed;
        this.wishes = wishes;
    }

    @KafkaListener(topics = Topics.ISSUE_EVENTS)
    @AsyncListener(operation = @AsyncOperation(channelName = Topics.ISSUE_EVENTS, payloadType = MicroWishFulfilled.class))
    void on(String record) {
        processed.receive(record, HANDLED, event -> {
            if ("MicroWishFulfilled".equals(event.type())) {
                wishes.record(event.payload(MicroWishFulfilled.class), event.occurredAt());
            }
        });
    }
}
