package org.linli.org.copies;

import io.github.springwolf.core.asyncapi.annotations.AsyncListener;
import io.github.springwolf.core.asyncapi.annotations.AsyncOperation;
import org.linli.events.Topics;
import org.linli.events.grid.HouseholdRegistered;
import org.linli.events.property.CompoundCreated;
import org.linli.events.property.ContractEnded;
import org.linli.events.property.ContractStarted;
import org.linli.events.property.PatrolAssignmentStarted;
import org.linli.events.property.PatrolRecorded;
import org.linli.org.dualregistration.PatrolDuties;
import org.linli.platform.messaging.EventHandlers;
import org.linli.platform.messaging.ProcessedEvents;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code grid.events} (households) and {@code property.events} (compounds, contracts) into the read
 * copies, once per event id and in order per aggregate; other types are dropped without touching the store.
 * Each listed type comes from one aggregate document per aggregate id (household, compound, contract).
 * The 包保 events (PatrolAssignmentStarted, PatrolRecorded) go to the dual-registration units' {@link PatrolDuties}
 * (one listener per topic, one consumer group): they are applied once per event id, in any order (not version-gated:
 * a late patrol still counts).
 */
@Component
class GridAndPropertyEventsListener {

    private final ProcessedEvents processed;
    private final EventHandlers handlers;

    GridAndPropertyEventsListener(ProcessedEvents processed, GridAndPropertyCopies copies, PatrolDuties patrolDuties) {
        this.processed = processed;
        this.handlers = EventHandlers.builder()
                .onInOrderWithTime(HouseholdRegistered.class, copies::apply)
                .onInOrderWithTime(CompoundCreated.class, copies::apply)
                .onInOrderWithTime(ContractStarted.class, copies::apply)
                .onInOrderWithTime(ContractEnded.class, copies::apply)
                .on(PatrolAssignmentStarted.class, patrolDuties::apply)
                .on(PatrolRecorded.class, patrolDuties::apply)
                .build();
    }

    @AsyncListener(operation = @AsyncOperation(channelName = Topics.GRID_EVENTS, payloadType = HouseholdRegistered.class))
    @KafkaListener(topics = Topics.GRID_EVENTS)
    void onGridEvent(String record) {
        processed.receive(record, handlers);
    }

    @AsyncListener(operation = @AsyncOperation(channelName = Topics.PROPERTY_EVENTS, payloadType = CompoundCreated.class))
    @AsyncListener(operation = @AsyncOperation(channelName = Topics.PROPERTY_EVENTS, payloadType = ContractStarted.class))
    @AsyncListener(operation = @AsyncOperation(channelName = Topics.PROPERTY_EVENTS, payloadType = ContractEnded.class))
    @AsyncListener(operation = @AsyncOperation(channelName = Topics.PROPERTY_EVENTS,
            payloadType = PatrolAssignmentStarted.class))
    @AsyncListener(operation = @AsyncOperation(channelName = Topics.PROPERTY_EVENTS, payloadType = PatrolRecorded.class))
    @KafkaListener(topics = Topics.PROPERTY_EVENTS)
    void onPropertyEvent(String record) {
        processed.receive(record, handlers);
    }
}
