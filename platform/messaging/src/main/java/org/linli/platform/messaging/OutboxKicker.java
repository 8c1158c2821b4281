package org.linli.platform.messaging;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;
import org.springframework.data.mongodb.core.mapping.event.BeforeSaveEvent;

/**
 * Hooks the relay into every save of an aggregate with pending events: before the save it writes the
 * document's pending marker (so no saved event is ever without one), after the save it kicks the relay
 * for that document, so events leave within milliseconds.
 */
class OutboxKicker extends AbstractMongoEventListener<AggregateRoot> {

    private final OutboxRelay relay;
    private final MongoOperations mongo;

    OutboxKicker(OutboxRelay relay, MongoOperations mongo) {
        this.relay = relay;
        this.mongo = mongo;
    }

    @Override
    public void onBeforeSave(BeforeSaveEvent<AggregateRoot> event) {
        Document document = event.getDocument();
        if (event.getSource().pendingEvents().isEmpty() || document == null) {
            return;
        }
        if (document.get("_id") == null) {
            document.put("_id", new ObjectId());
        }
        OutboxRelay.mark(mongo, event.getCollectionName(), document.get("_id"));
    }

    @Override
    public void onAfterSave(AfterSaveEvent<AggregateRoot> event) {
        if (!event.getSource().pendingEvents().isEmpty() && event.getDocument() != null) {
            relay.kick(event.getCollectionName(), event.getDocument().get("_id"));
        }
    }
}
