package org.linli.points.copies;

import io.github.springwolf.core.asyncapi.annotations.AsyncListener;
import io.github.springwolf.core.asyncapi.annotations.AsyncOperation;
import org.linli.events.Topics;
import org.linli.events.org.AccountOpened;
import org.linli.events.org.OrgUnitCreated;
import org.linli.events.org.OrgUnitDeactivated;
import org.linli.events.org.OrgUnitMoved;
import org.linli.events.org.OrgUnitRenamed;
import org.linli.events.org.PartyMemberRegistered;
import org.linli.platform.messaging.EventHandlers;
import org.linli.platform.messaging.ProcessedEvents;
import org.linli.points.ledger.Accounts;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code org.events}: org-unit copies, party-member copies and the accounts that exist
 * ({@code AccountOpened} gives the account its summary, so it can be read and corrected), once per event id and
 * in order per aggregate (an event older than one applied changes nothing); other types are dropped without
 * touching the store.
 */
@Component
class OrgEventsListener {

    private final ProcessedEvents processed;
    private final EventHandlers handlers;

    OrgEventsListener(ProcessedEvents processed, OrgUnitCopies units, PartyMemberCopies members, Accounts accounts) {
        this.processed = processed;
        this.handlers = EventHandlers.builder()
                .onInOrder(OrgUnitCreated.class, units::apply)
                .onInOrder(OrgUnitRenamed.class, units::apply)
                .onInOrder(OrgUnitMoved.class, units::apply)
                .onInOrder(OrgUnitDeactivated.class, units::apply)
                .onInOrderWithTime(PartyMemberRegistered.class, members::apply)
                .onInOrder(AccountOpened.class,
                        opened -> accounts.noteHolder(opened.accountId(), opened.displayName(), null))
                .build();
    }

    @KafkaListener(topics = Topics.ORG_EVENTS)
    @AsyncListener(operation = @AsyncOperation(channelName = Topics.ORG_EVENTS, payloadType = OrgUnitCreated.class))
    @AsyncListener(operation = @AsyncOperation(channelName = Topics.ORG_EVENTS, payloadType = OrgUnitRenamed.class))
    @AsyncListener(operation = @AsyncOperation(channelName = Topics.ORG_EVENTS, payloadType = OrgUnitMoved.class))
    @AsyncListener(operation = @AsyncOperation(channelName = Topics.ORG_EVENTS, payloadType = OrgUnitDeactivated.class))
    @AsyncListener(operation = @AsyncOperation(channelName = Topics.ORG_EVENTS, payloadType = PartyMemberRegistered.class))
    @AsyncListener(operation = @AsyncOperation(channelName = Topics.ORG_EVENTS, payloadType = AccountOpened.class))
    void on(String record) {
        processed.receive(record, handlers);
    }
}
