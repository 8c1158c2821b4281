package org.linli.grid.orgcopy;

import java.util.Set;
import io.github.springwolf.core.asyncapi.annotations.AsyncListener;
import java.util.Set;
import io.github.springwolf.core.asyncapi.annotations.AsyncOperation;
import org.linli.events.Topics;
import org.linli.events.org.OrgUnitCreated;
import org.linli.events.org.OrgUnitDeactivated;
import org.linli.events.org.OrgUnitMoved;
import org.linli.events.org.OrgUnitRenamed;
import org.linli.events.org.PartyMemberRegistered;
import org.linli.events.org.PartyMemberTransferred;
import org.linli.platform.messaging.IncomingEvent;
import org.linli.platform.messaging.ProcessedEvents;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code org.events} into the org-unit and party-member read copies, once per event id and in
 * order per aggregate (an event older than one applied changes nothing); other types are ignored.
 */
@Component
class OrgEventsListener {

    private static final Set<String> COPIED = Set.of("OrgUnitCreated", "OrgUnitRenamed", "OrgUnitMoved",
            "OrgUnitDeactivated", "PartyMemberRegistered", "PartyMemberTransferred");

    private final ProcessedEvents processed;
    private final OrgUnitCopies copies;
    private final PartyMemberCopies members;

    OrgEventsListener(ProcessedEvents processed, OrgUnitCopies copies, PartyMemberCopies members) {
        this.processed = processed;
        this.copies = copies;
        this.members = members;
    }

    @KafkaListener(topics = Topics.ORG_EVENTS)
    @AsyncListener(operation = @AsyncOperation(channelName = Topics.ORG_EVENTS, payloadType = OrgUnitCreated.class))
    @AsyncListener(operation = @AsyncOperation(channelName = Topics.ORG_EVENTS, payloadType = OrgUnitRenamed.class))
    @AsyncListener(operation = @AsyncOperation(channelName = Topics.ORG_EVENTS, payloadType = OrgUnitMoved.class))
    @AsyncListener(operation = @AsyncOperation(channelName = Topics.ORG_EVENTS, payloadType = OrgUnitDeactivated.class))
    @AsyncListener(operation = @AsyncOperation(channelName = Topics.ORG_EVENTS, payloadType = PartyMemberRegistered.class))
    @AsyncListener(operation = @AsyncOperation(channelName = Topics.ORG_EVENTS, payloadType = PartyMemberTransferred.class))
    void on(String record) {
        processed.receiveInOrder(record, COPIED, this::apply);
    }

    private void apply(IncomingEvent event) {
        switch (event.type()) {
            case "OrgUnitCreated" -> copies.apply(event.payload(OrgUnitCreated.class), event.occurredAt());
            case "OrgUnitRenamed" -> copies.apply(event.payload(OrgUnitRenamed.class), event.occurredAt());
            case "OrgUnitMoved" -> copies.apply(event.payload(OrgUnitMoved.class), event.occurredAt());
            case "OrgUnitDeactivated" -> copies.apply(event.payload(OrgUnitDeactivated.class), event.occurredAt());
            case "PartyMemberRegistered" -> members.apply(event.payload(PartyMemberRegistered.class), event.occurredAt());
            case "PartyMemberTransferred" -> members.apply(event.payload(PartyMemberTransferred.class),
                    event.occurredAt());
            default -> {
                // not needed by grid-service
            }
        }
    }
}
