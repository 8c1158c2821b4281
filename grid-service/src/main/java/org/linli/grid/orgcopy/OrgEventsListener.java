package org.linli.grid.orgcopy;

import org.linli.events.Topics;
import org.linli.events.org.OrgUnitCreated;
import org.linli.platform.messaging.ProcessedEvents;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Consumes {@code org.events} into the org-unit read copies, once per event id. */
@Component
class OrgEventsListener {

    private final ProcessedEvents processed;
    private final OrgUnitCopies copies;

    OrgEventsListener(ProcessedEvents processed, OrgUnitCopies copies) {
        this.processed = processed;
        this.copies = copies;
    }

    @KafkaListener(topics = Topics.ORG_EVENTS)
    void on(String record) {
        processed.receive(record, event -> {
            if ("OrgUnitCreated".equals(event.type())) {
                copies.apply(event.payload(OrgUnitCreated.class), event.occurredAt());
            }
        });
    }
}
