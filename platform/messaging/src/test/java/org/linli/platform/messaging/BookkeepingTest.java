package org.linli.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.WriteConcern;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoAction;
import org.springframework.data.mongodb.core.MongoActionOperation;

class BookkeepingTest {

    @Test
    void onlyThePullOfPublishedEventsCountsAsBookkeepingOnAnAggregate() {
        Document pull = new Document("$pull", new Document("outbox", new Document("eventId", new Document("$in", "e1"))));
        Document stateChange = new Document("$set", new Document("name", "x")).append("$pull", new Document("outbox", "e1"));

        assertThat(Bookkeeping.isOutboxPull(update(pull))).isTrue();
        assertThat(Bookkeeping.isOutboxPull(update(stateChange))).isFalse();
        assertThat(Bookkeeping.isOutboxPull(update(new Document("$pull", new Document("tags", "a"))))).isFalse();
    }

    private static MongoAction update(Document update) {
        return new MongoAction(WriteConcern.ACKNOWLEDGED, MongoActionOperation.UPDATE, "parcels", Object.class, update,
                new Document("_id", "p1"));
    }
}
