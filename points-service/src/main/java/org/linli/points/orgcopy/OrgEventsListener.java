package org.linli.points.orgcopy;

import java.util.Set;
import io.github.springwolf.core.asyncapi.annotations.AsyncListener;
import io.github.springwolf.core.asyncapi.annotations.AsyncOperation;
import org.linli.events.Topics;
import org.linli.events.org.AccountOpened;
import org.linli.events.org.OrgUnitCreated;
import org.linli.events.org.OrgUnitDeactivated;
import org.linli.events.org.OrgUnitMoved;
import org.linli.events.org.OrgUnitRenamed;
import org.linli.events.org.PartyMemberRegistered;
import org.linli.platform.messaging.IncomingEvent;
import org.linli.platform.messaging.ProcessedEvents;
import org.linli.points.ledger.Accounts;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code org.events}: org-unit copies, party-member copies and the accounts that exist
 * ({@code AccountOpened} gives the account its summary, so it can be read and corrected), once per event id and
 * in order per aggregate (an event older than one applied changes nothing); other types are ignored.
 */
@Component
class OrgEventsListener {

    private static final Set<String> COPIED = Set.of("OrgUnitCreated", "OrgUnitRenamed", "OrgUnitMoved",
            "OrgUnitDeactivated", "PartyMemberRegistered", "AccountOpened");

    private final ProcessedEvents processed;
    private final OrgUnits units;
    private final MemberCopies members;
    private final Accounts accounts;

    OrgEventsListener(ProcessedEvents processed, OrgUnits units, MemberCopies members, Accounts accounts) {
        this.processed = processed;
        this.units = units;
        this.members = members;
        this.accounts = accounts;
    }

    @KafkaListener(topics = Topics.ORG_EVENTS)
    @AsyncListener(operation = @AsyncOperation(channelName = Topics.ORG_EVENTS, payloadType = OrgUnitCreated.class))
    @AsyncListener(operation = @AsyncOperation(channelName = Topics.ORG_EVENTS, payloadType = OrgUnitRenamed.class))
    @AsyncListener(operation = @AsyncOperation(channelName = Topics.ORG_EVENTS, payloadType = OrgUnitMoved.class))
    @AsyncListener(operation = @AsyncOperation(channelName = Topics.ORG_EVENTS, payloadType = OrgUnitDeactivated.class))
    @AsyncListener(operation = @AsyncOperation(channelName = Topics.ORG_EVENTS, payloadType = PartyMemberRegistered.class))
    @AsyncListener(operation = @AsyncOperation(channelName = Topics.ORG_EVENTS, payloadType = AccountOpened.class))
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
            case "AccountOpened" -> {
                AccountOpened opened = event.payload(AccountOpened.class);
                accounts.noteHolder(opened.accountId(), opened.displayName(), null);
            }
            default -> {
                // not needed by points-service
            }
        }
    }
}
