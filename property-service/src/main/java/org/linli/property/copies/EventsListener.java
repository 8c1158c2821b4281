package org.linli.property.copies;

import java.util.Set;
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
import org.linli.platform.messaging.IncomingEvent;
import org.linli.platform.messaging.ProcessedEvents;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code org.events} and {@code grid.events} into the read copies, once per event id and in order per
 * aggregate (an event older than one applied changes nothing); other types are ignored.
 */
@Component
class EventsListener {

    private static final Set<String> COPIED = Set.of("OrgUnitCreated", "OrgUnitRenamed", "OrgUnitMoved",
            "OrgUnitDeactivated", "OwnersCommitteeFormed", "OwnersCommitteeReElected",
            "PropertyCompanyPartyStatusChanged", "GridCreated", "DualRegistrationUnitRegistered");

    private final ProcessedEvents processed;
    private final Copies copies;

    EventsListener(ProcessedEvents processed, Copies copies) {
        this.processed = processed;
        this.copies = copies;
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
        processed.receiveInOrder(record, COPIED, this::applyOrg);
    }

    @AsyncListener(operation = @AsyncOperation(channelName = Topics.GRID_EVENTS, payloadType = GridCreated.class))
    @KafkaListener(topics = Topics.GRID_EVENTS)
    void onGridEvent(String record) {
        processed.receiveInOrder(record, COPIED, event -> {
            if ("GridCreated".equals(event.type())) {
                copies.apply(event.payload(GridCreated.class));
            }
        });
    }

    private void applyOrg(IncomingEvent event) {
        switch (event.type()) {
            case "OrgUnitCreated" -> copies.apply(event.payload(OrgUnitCreated.class), event.occurredAt());
            case "OrgUnitRenamed" -> copies.apply(event.payload(OrgUnitRenamed.class), event.occurredAt());
            case "OrgUnitMoved" -> copies.apply(event.payload(OrgUnitMoved.class), event.occurredAt());
            case "OrgUnitDeactivated" -> copies.apply(event.payload(OrgUnitDeactivated.class), event.occurredAt());
            case "OwnersCommitteeFormed" -> copies.apply(event.payload(OwnersCommitteeFormed.class));
            case "OwnersCommitteeReElected" -> copies.apply(event.payload(OwnersCommitteeReElected.class));
            case "PropertyCompanyPartyStatusChanged" ->
                    copies.apply(event.payload(PropertyCompanyPartyStatusChanged.class), event.occurredAt());
            case "DualRegistrationUnitRegistered" -> copies.apply(event.payload(DualRegistrationUnitRegistered.class));
            default -> {
                // not needed by property-service
            }
        }
    }
}
