package org.linli.property.copies;

import io.github.springwolf.core.asyncapi.annotations.AsyncListener;
import io.github.springwolf.core.asyncapi.annotations.AsyncOperation;
import org.linli.events.Topics;
import org.linli.events.grid.GridCreated;
import org.linli.events.org.DualRegistrationUnitRegistered;
import org.linli.events.org.OrgUnitCreated;
import org.linli.events.org.OrgUnitDeactivated;
import org.linli.events.org.OrgUnitMoved;
import org.linli.events.org.OrgUnitRenamed;
import org.linli.events.org.OwnersCommitteeFormed;
import org.linli.events.org.OwnersCommitteeReElected;
import org.linli.events.org.PropertyCompanyPartyStatusChanged;
import org.linli.platform.messaging.EventHandlers;
import org.linli.platform.messaging.ProcessedEvents;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code org.events} and {@code grid.events} into the read copies, once per event id and in order per
 * aggregate (an event older than one applied changes nothing); other types are dropped without touching the store.
 */
@Component
class OrgAndGridEventsListener {

    private final ProcessedEvents processed;
    private final EventHandlers handlers;

    OrgAndGridEventsListener(ProcessedEvents processed, OrgAndGridCopies copies) {
        this.processed = processed;
        this.handlers = EventHandlers.builder()
                .onInOrderWithTime(OrgUnitCreated.class, copies::apply)
                .onInOrderWithTime(OrgUnitRenamed.class, copies::apply)
                .onInOrderWithTime(OrgUnitMoved.class, copies::apply)
                .onInOrderWithTime(OrgUnitDeactivated.class, copies::apply)
                .onInOrder(OwnersCommitteeFormed.class, copies::apply)
                .onInOrder(OwnersCommitteeReElected.class, copies::apply)
                .onInOrderWithTime(PropertyCompanyPartyStatusChanged.class, copies::apply)
                .onInOrder(DualRegistrationUnitRegistered.class, copies::apply)
                .onInOrder(GridCreated.class, copies::apply)
                .build();
    }

    @AsyncListener(operation = @AsyncOperation(channelName = Topics.ORG_EVENTS, payloadType = OrgUnitCreated.class))
    @AsyncListener(operation = @AsyncOperation(channelName = Topics.ORG_EVENTS, payloadType = OrgUnitRenamed.class))
    @AsyncListener(operation = @AsyncOperation(channelName = Topics.ORG_EVENTS, payloadType = OrgUnitMoved.class))
    @AsyncListener(operation = @AsyncOperation(channelName = Topics.ORG_EVENTS, payloadType = OrgUnitDeactivated.class))
    @AsyncListener(operation = @AsyncOperation(channelName = Topics.ORG_EVENTS, payloadType = OwnersCommitteeFormed.class))
    @AsyncListener(operation = @AsyncOperation(channelName = Topics.ORG_EVENTS, payloadType = OwnersCommitteeReElected.class))
    @AsyncListener(operation = @AsyncOperation(channelName = Topics.ORG_EVENTS, payloadType = PropertyCompanyPartyStatusChanged.class))
    @AsyncListener(operation = @AsyncOperation(channelName = Topics.ORG_EVENTS, payloadType = DualRegistrationUnitRegistered.class))
    @KafkaListener(topics = Topics.ORG_EVENTS)
    void onOrgEvent(String record) {
        processed.receive(record, handlers);
    }

    @AsyncListener(operation = @AsyncOperation(channelName = Topics.GRID_EVENTS, payloadType = GridCreated.class))
    @KafkaListener(topics = Topics.GRID_EVENTS)
    void onGridEvent(String record) {
        processed.receive(record, handlers);
    }
}
