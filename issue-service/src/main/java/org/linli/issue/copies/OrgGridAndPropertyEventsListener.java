package org.linli.issue.copies;

import io.github.springwolf.core.asyncapi.annotations.AsyncListener;
import io.github.springwolf.core.asyncapi.annotations.AsyncOperation;
import org.linli.events.Topics;
import org.linli.events.grid.BuildingRegistered;
import org.linli.events.grid.GridBoundaryChanged;
import org.linli.events.grid.GridCreated;
import org.linli.events.grid.GridWorkerAppointed;
import org.linli.events.grid.GridWorkerReplaced;
import org.linli.events.org.OrgUnitCreated;
import org.linli.events.org.OrgUnitDeactivated;
import org.linli.events.org.OrgUnitMoved;
import org.linli.events.org.OrgUnitRenamed;
import org.linli.events.property.CompoundCreated;
import org.linli.events.property.ContractEnded;
import org.linli.events.property.ContractStarted;
import org.linli.platform.messaging.EventHandlers;
import org.linli.platform.messaging.ProcessedEvents;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes grid, property and org events into the read copies, once per event id and in order per aggregate
 * (an event older than one applied changes nothing); other types are dropped without touching the store.
 */
@Component
class OrgGridAndPropertyEventsListener {

    private final ProcessedEvents processed;
    private final EventHandlers handlers;

    OrgGridAndPropertyEventsListener(ProcessedEvents processed, OrgGridAndPropertyCopies copies) {
        this.processed = processed;
        this.handlers = EventHandlers.builder()
                .onInOrderWithTime(GridCreated.class, copies::apply)
                .onInOrderWithTime(GridBoundaryChanged.class, copies::apply)
                .onInOrderWithTime(BuildingRegistered.class, copies::apply)
                .onInOrderWithTime(GridWorkerAppointed.class, copies::apply)
                .onInOrderWithTime(GridWorkerReplaced.class, copies::apply)
                .onInOrderWithTime(CompoundCreated.class, copies::apply)
                .onInOrderWithTime(ContractStarted.class, copies::apply)
                .onInOrderWithTime(ContractEnded.class, copies::apply)
                .onInOrderWithTime(OrgUnitCreated.class, copies::apply)
                .onInOrderWithTime(OrgUnitRenamed.class, copies::apply)
                .onInOrderWithTime(OrgUnitMoved.class, copies::apply)
                .onInOrderWithTime(OrgUnitDeactivated.class, copies::apply)
                .build();
    }

    /** Grid events have their own consumer, so a backlog of compounds after a demo load never delays them. */
    @AsyncListener(operation = @AsyncOperation(channelName = Topics.GRID_EVENTS, payloadType = GridCreated.class))
    @AsyncListener(operation = @AsyncOperation(channelName = Topics.GRID_EVENTS, payloadType = GridBoundaryChanged.class))
    @AsyncListener(operation = @AsyncOperation(channelName = Topics.GRID_EVENTS, payloadType = BuildingRegistered.class))
    @AsyncListener(operation = @AsyncOperation(channelName = Topics.GRID_EVENTS, payloadType = GridWorkerAppointed.class))
    @AsyncListener(operation = @AsyncOperation(channelName = Topics.GRID_EVENTS, payloadType = GridWorkerReplaced.class))
    @KafkaListener(topics = Topics.GRID_EVENTS)
    void onGridEvent(String record) {
        processed.receive(record, handlers);
    }

    @AsyncListener(operation = @AsyncOperation(channelName = Topics.PROPERTY_EVENTS, payloadType = CompoundCreated.class))
    @AsyncListener(operation = @AsyncOperation(channelName = Topics.PROPERTY_EVENTS, payloadType = ContractStarted.class))
    @AsyncListener(operation = @AsyncOperation(channelName = Topics.PROPERTY_EVENTS, payloadType = ContractEnded.class))
    @KafkaListener(topics = Topics.PROPERTY_EVENTS)
    void onPropertyEvent(String record) {
        processed.receive(record, handlers);
    }

    @AsyncListener(operation = @AsyncOperation(channelName = Topics.ORG_EVENTS, payloadType = OrgUnitCreated.class))
    @AsyncListener(operation = @AsyncOperation(channelName = Topics.ORG_EVENTS, payloadType = OrgUnitRenamed.class))
    @AsyncListener(operation = @AsyncOperation(channelName = Topics.ORG_EVENTS, payloadType = OrgUnitMoved.class))
    @AsyncListener(operation = @AsyncOperation(channelName = Topics.ORG_EVENTS, payloadType = OrgUnitDeactivated.class))
    @KafkaListener(topics = Topics.ORG_EVENTS)
    void onOrgEvent(String record) {
        processed.receive(record, handlers);
    }
}
