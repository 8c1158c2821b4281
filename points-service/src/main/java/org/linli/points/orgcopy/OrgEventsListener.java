package org.linli.points.orgcopy;

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
import org.linli.platform.messaging.IncomingEvent;
import org.linli.platform.messaging.ProcessedEvents;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code org.events}: org-unit copies and party-member copies, once per event id and in order per
 * aggregate (an event older than one applied changes nothing); other types are ignored.
 */
@Component
class OrgEventsListener {

    private static final Set<String> COPIED = Set.of("OrgUnitCreated", "OrgUnitRenamed", "OrgUnitMoved",
            "OrgUnitDeactivated", "PartyMemberRegistered");

    private final ProcessedEvents processed;
    private final OrgUnits units;
    private final MemberCopies members;

    OrgEventsListener(ProcessedEvents processed, OrgUnits units, MemberCopies members) {
        this.processed = processed;
        this.units = units;
        this.members = members;
    }

    @KafkaListener(topics = Topics.ORG_EVENTS)
    @AsyncListener(operation = @AsyncOperation(channelName = Topics.ORG_EVENTS, payloadType = OrgUnitCreated.class))
    @AsyncListener(operation = @AsyncOperation(channelName = Topics.ORG_EVENTS, payloadType = OrgUnitRenamed.class))
    @AsyncListener(operation = @AsyncOperation(channelName = Topics.ORG_EVENTS, payloadType = OrgUnitMoved.class))
    @AsyncListener(operation = @AsyncOperation(channelName = Topics.ORG_EVENTS, payloadType = OrgUnitDeactivated.class))
    @AsyncListener(operation = @AsyncOperation(channelName = Topics.ORG_EVENTS, payloadType = PartyMemberRegistered.class))
    void on(String record) {
        processed.receiveInOrder(record, COPIED, this::apply);
    }

    private void apply(IncomingEvent event) {
        switch (event.type()) {
            case "OrgUnitCreated" -> units.apply(event.payload(OrgUnitCreated.class));
            case "OrgUnitRenamed" -> units.apply(event.payload(OrgUnitRenamed.class));
            case "OrgUnitMoved" -> units.apply(event.payload(OrgUnitMoved.class));
            case "OrgUnitDeactivated" -> units.apply(event.payload(OrgUnitDeactivated.class));
            case "PartyMemberRegistered" -> members.apply(event.payload(PartyMemberRegistered.class), event.occurredAt());
            default -> {
                // not needed by points-service
            }
        }
    }
}
