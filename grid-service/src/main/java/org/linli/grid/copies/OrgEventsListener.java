package org.linli.grid.copies;

import io.github.springwolf.core.asyncapi.annotations.AsyncListener;
import io.github.springwolf.core.asyncapi.annotations.AsyncOperation;
import org.linli.events.Topics;
import org.linli.events.org.OrgUnitCreated;
import org.linli.events.org.OrgUnitDeactivated;
import org.linli.events.org.OrgUnitMoved;
import org.linli.events.org.OrgUnitRenamed;
import org.linli.events.org.PartyMemberRegistered;
import org.linli.events.org.PartyMemberTransferred;
import org.linli.platform.messaging.EventHandlers;
import org.linli.platform.messaging.ProcessedEvents;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code org.events} into the org-unit and party-member read copies, once per event id and in
 * order per aggregate (an event older than one applied changes nothing); other types are dropped without touching
 * the store.
 */
@Component
class OrgEventsListener {

    private final ProcessedEvents processed;
    private final EventHandlers handlers;

    OrgEventsListener(ProcessedEvents processed, OrgUnitCopies copies, PartyMemberCopies members) {
        this.processed = processed;
        this.handlers = EventHandlers.builder()
                .onInOrderWithTime(OrgUnitCreated.class, copies::apply)
                .onInOrderWithTime(OrgUnitRenamed.class, copies::apply)
                .onInOrderWithTime(OrgUnitMoved.class, copies::apply)
                .onInOrderWithTime(OrgUnitDeactivated.class, copies::apply)
                .onInOrderWithTime(PartyMemberRegistered.class, members::apply)
                .onInOrderWithTime(PartyMemberTransferred.class, members::apply)
                .build();
    }

    @KafkaListener(topics = Topics.ORG_EVENTS)
    @AsyncListener(operation = @AsyncOperation(channelName = Topics.ORG_EVENTS, payloadType = OrgUnitCreated.class))
    @AsyncListener(operation = @AsyncOperation(channelName = Topics.ORG_EVENTS, payloadType = OrgUnitRenamed.class))
    @AsyncListener(operation = @AsyncOperation(channelName = Topics.ORG_EVENTS, payloadType = OrgUnitMoved.class))
    @AsyncListener(operation = @AsyncOperation(channelName = Topics.ORG_EVENTS, payloadType = OrgUnitDeactivated.class))
    @AsyncListener(operation = @AsyncOperation(channelName = Topics.ORG_EVENTS, payloadType = PartyMemberRegistered.class))
    @AsyncListener(operation = @AsyncOperation(channelName = Topics.ORG_EVENTS, payloadType = PartyMemberTransferred.class))
    void on(String record) {
        processed.receive(record, handlers);
    }
}
