package org.linli.platform.messaging;

import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;

/** Kicks the relay right after an aggregate with pending events is saved, so events leave within milliseconds. */
class OutboxKicker extends AbstractMongoEventListener<AggregateRoot> {

    private final OutboxRelay relay;

    OutboxKicker(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public void onAfterSave(AfterSaveEvent<AggregateRoot> event) {
        if (!event.getSource().pendingEvents().isEmpty() && event.getDocument() != null) {
            relay.kick(event.getCollectionName(), event.getDocument().get("_id"));
        }
    }

}
