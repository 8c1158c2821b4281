package org.linli.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.linli.platform.test.EmbeddedInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

@SpringBootTest(classes = MessagingTestApplication.class)
@EmbeddedInfrastructure
class ProcessedEventsIT {

    private static final EventHandlers COPY = EventHandlers.builder().onInOrder(Parcel.ParcelMoved.class, moved -> { })
            .build();

    @Autowired
    MongoTemplate mongo;

    @Test
    void anOlderVersionArrivingAfterANewerOneChangesNothingInACopy() {
        ProcessedEvents processed = new ProcessedEvents(mongo, "copy-" + UUID.randomUUID());
        String parcel = UUID.randomUUID().toString();
        List<String> applied = new ArrayList<>();
        EventHandlers copy = EventHandlers.builder()
                .onInOrder(Parcel.ParcelMoved.class, moved -> applied.add(moved.place())).build();

        processed.receive(event(parcel, "second", 2L), copy);
        processed.receive(event(parcel, "first", 1L), copy);
        processed.receive(event(parcel, "second-again-under-another-id", 2L), copy);
        processed.receive(event(parcel, "third", 3L), copy);
        processed.receive(event(parcel, "unversioned", null), copy);

        assertThat(applied).containsExactly("second", "third", "unversioned");
    }

    @Test
    void aPlainHandlerAndTheTypeListFormApplyEveryEventWhateverItsVersion() {
        String parcel = UUID.randomUUID().toString();
        List<String> applied = new ArrayList<>();
        ProcessedEvents effects = new ProcessedEvents(mongo, "effects-" + UUID.randomUUID());
        EventHandlers plain = EventHandlers.builder().on(Parcel.ParcelMoved.class, moved -> applied.add(moved.place()))
                .build();
        effects.receive(event(parcel, "second", 2L), plain);
        effects.receive(event(parcel, "first", 1L), plain);
        ProcessedEvents queue = new ProcessedEvents(mongo, "queue-" + UUID.randomUUID());
        queue.receive(event(parcel, "second", 2L), Set.of("ParcelMoved"), e -> applied.add(place(e)));
        queue.receive(event(parcel, "first", 1L), Set.of("ParcelMoved"), e -> applied.add(place(e)));

        assertThat(applied).containsExactly("second", "first", "second", "first");
    }

    @Test
    void anIdempotentHandlerRunsOnEveryDeliveryAndLeavesNoMarkWhileAPlainOneRunsOnce() {
        String consumer = "idempotent-" + UUID.randomUUID();
        ProcessedEvents processed = new ProcessedEvents(mongo, consumer);
        List<String> applied = new ArrayList<>();
        EventHandlers idempotent = EventHandlers.builder()
                .onIdempotentWithTime(Parcel.ParcelMoved.class, (moved, at) -> applied.add(moved.place())).build();
        EventHandlers plain = EventHandlers.builder().on(Parcel.ParcelMoved.class, moved -> applied.add("plain"))
                .build();
        String redelivered = event(UUID.randomUUID().toString(), "twice", 1L);

        processed.receive(redelivered, idempotent);
        processed.receive(redelivered, idempotent);
        assertThat(mongo.count(Query.query(Criteria.where("consumer").is(consumer)), ProcessedEvents.COLLECTION))
                .as("no mark for an idempotent handler").isZero();
        processed.receive(redelivered, plain);
        processed.receive(redelivered, plain);

        assertThat(applied).containsExactly("twice", "twice", "plain");
    }

    @Test
    void thePurgeDeletesMarksAndAppliedVersionsOlderThanTheCutoffInBatchesAndKeepsRecentOnes() {
        String consumer = "purged-" + UUID.randomUUID();
        ProcessedEvents processed = new ProcessedEvents(mongo, consumer);
        for (int i = 0; i < 7; i++) {
            processed.receive(event("parcel-" + consumer + i, "p", 1L), COPY);
        }
        mongo.updateMulti(Query.query(Criteria.where("consumer").is(consumer)),
                new org.springframework.data.mongodb.core.query.Update().set("processedAt", Instant.EPOCH),
                ProcessedEvents.COLLECTION);
        mongo.updateMulti(Query.query(Criteria.where("_id").regex("^" + consumer + ":parcel-" + consumer)),
                new org.springframework.data.mongodb.core.query.Update().set("updatedAt", Instant.EPOCH),
                ProcessedEvents.APPLIED);
        processed.receive(event("parcel-recent-" + consumer, "p", 1L), COPY);

        int deleted = processed.purgeOlderThan(Instant.now().minusSeconds(60), 3);

        assertThat(deleted).isGreaterThanOrEqualTo(14);
        assertThat(mongo.count(Query.query(Criteria.where("consumer").is(consumer)), ProcessedEvents.COLLECTION))
                .isEqualTo(1);
        assertThat(mongo.count(Query.query(Criteria.where("_id").regex("^" + consumer + ":")), ProcessedEvents.APPLIED))
                .isEqualTo(1);
    }

    private static String event(String parcel, String place, Long version) {
        PendingEvent pending = EventJson.pending(parcel, new Parcel.ParcelMoved(parcel, place), Instant.now(), 1);
        return EventJson.toWire(new PendingEvent(pending.eventId(), pending.type(), pending.aggregateId(),
                pending.occurredAt(), pending.schemaVersion(), pending.payload(), version));
    }

    private static String place(IncomingEvent event) {
        return event.payload(Parcel.ParcelMoved.class).place();
    }
}
