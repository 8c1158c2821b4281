package org.linli.issue.place;

import java.util.Set;
import io.github.springwolf.core.asyncapi.annotations.AsyncListener;
import java.util.Set;
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
import org.linli.platform.messaging.IncomingEvent;
import org.linli.platform.messaging.ProcessedEvents;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes grid, property and org events into the read copies, once per event id and in order per aggregate
 * (an event older than one applied changes nothing); other types are ignored.
 */
@Component
class PlaceEventsListener {

    private static final Set<String> COPIED = Set.of("GridCreated", "GridBoundaryChanged", "BuildingRegistered",
            "GridWorkerAppointed", "GridWorkerReplaced", "CompoundCreated", "ContractStarted", "ContractEnded",
            "OrgUnitCreated", "OrgUnitRenamed", "OrgUnitMoved", "OrgUnitDeactivated");

    private final ProcessedEvents processed;
    private final PlaceCopies copies;

    PlaceEventsListener(ProcessedEvents processed, PlaceCopies copies) {
        this.processed = processed;
        this.copies = copies;
    }

    /** Grid events have their own consumer, so a backlog of compounds after a demo load never delays them. */
    @AsyncListener(operation = @AsyncOperation(channelName = Topics.GRID_EVENTS, payloadType = GridCreated.class))
    @AsyncListener(operation = @AsyncOperation(channelName = Topics.GRID_EVENTS, payloadType = GridBoundaryChanged.class))
    @AsyncListener(operation = @AsyncOperation(channelName = Topics.GRID_EVENTS, payloadType = BuildingRegistered.class))
    @AsyncListener(operation = @AsyncOperation(channelName = Topics.GRID_EVENTS, payloadType = GridWorkerAppointed.class))
    @AsyncListener(operation = @AsyncOperation(channelName = Topics.GRID_EVENTS, payloadType = GridWorkerReplaced.class))
    @KafkaListener(topics = Topics.GRID_EVENTS)
    void onGridEvent(String record) {
        processed.receiveInOrder(record, COPIED, this::apply);
    }

    @AsyncListener(operation = @AsyncOperation(channelName = Topics.PROPERTY_EVENTS, payloadType = CompoundCreated.class))
    @AsyncListener(operation = @AsyncOperation(channelName = Topics.PROPERTY_EVENTS, payloadType = ContractStarted.class))
    @AsyncListener(operation = @AsyncOperation(channelName = Topics.PROPERTY_EVENTS, payloadType = ContractEnded.class))
    @KafkaListener(topics = Topics.PROPERTY_EVENTS)
    void onPropertyEvent(String record) {
        processed.receiveInOrder(record, COPIED, this::apply);
    }

    @AsyncListener(operation = @AsyncOperation(channelName = Topics.ORG_EVENTS, payloadType = OrgUnitCreated.class))
    @AsyncListener(operation = @AsyncOperation(channelName = Topics.ORG_EVENTS, payloadType = OrgUnitRenamed.class))
    @AsyncListener(operation = @AsyncOperation(channelName = Topics.ORG_EVENTS, payloadType = OrgUnitMoved.class))
    @AsyncListener(operation = @AsyncOperation(channelName = Topics.ORG_EVENTS, payloadType = OrgUnitDeactivated.class))
    @KafkaListener(topics = Topics.ORG_EVENTS)
    void onOrgEvent(String record) {
        processed.receiveInOrder(record, COPIED, this::apply);
    }

    private void apply(IncomingEvent event) {
        switch (event.type()) {
            case "GridCreated" -> copies.apply(event.payload(GridCreated.class), event.occurredAt());
            case "GridBoundaryChanged" -> copies.apply(event.payload(GridBoundaryChanged.class), event.occurredAt());
            case "BuildingRegistered" -> copies.apply(event.payload(BuildingRegistered.class), event.occurredAt());
            case "GridWorkerAppointed" -> copies.apply(event.payload(GridWorkerAppointed.class), event.occurredAt());
            case "GridWorkerReplaced" -> copies.apply(event.payload(GridWorkerReplaced.class), event.occurredAt());
            case "CompoundCreated" -> copies.apply(event.payload(CompoundCreated.class), event.occurredAt());
            case "ContractStarted" -> copies.apply(event.payload(ContractStarted.class), event.occurredAt());
            case "ContractEnded" -> copies.apply(event.payload(ContractEnded.class), event.occurredAt());
            case "OrgUnitCreated" -> copies.apply(event.payload(OrgUnitCreated.class), event.occurredAt());
            case "OrgUnitRenamed" -> copies.apply(event.payload(OrgUnitRenamed.class), event.occurredAt());
            case "OrgUnitMoved" -> copies.apply(event.payload(OrgUnitMoved.class), event.occurredAt());
            case "OrgUnitDeactivated" -> copies.apply(event.payload(OrgUnitDeactivated.class), event.occurredAt());
            default -> {
                // not needed by issue-service
            }
        }
    }
}
