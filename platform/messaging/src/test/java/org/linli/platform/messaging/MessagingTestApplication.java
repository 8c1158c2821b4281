package org.linli.platform.messaging;

import java.util.List;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;

/** A service in miniature: publishes parcel events and consumes them into a counter per parcel. */
@SpringBootApplication
class MessagingTestApplication {

    static final String TOPIC = "parcels.events";

    @Bean
    SimpleMeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }

    @Bean
    ParcelListener parcelListener(ProcessedEvents processed, MongoOperations mongo) {
        return new ParcelListener(processed, mongo);
    }

    /** Counts the effects it applies and the raw records it sees. */
    static class ParcelListener {

        final List<String> deliveries = new CopyOnWriteArrayList<>();
        private final AtomicInteger flakyFailures = new AtomicInteger();
        private final ProcessedEvents processed;
        private final MongoOperations mongo;
        private final EventHandlers handlers;

        ParcelListener(ProcessedEvents processed, MongoOperations mongo) {
            this.processed = processed;
            this.mongo = mongo;
            this.handlers = EventHandlers.builder().on(Parcel.ParcelMoved.class, this::moved).build();
        }

        @KafkaListener(topics = TOPIC)
        void on(String record) {
            deliveries.add(record);
            processed.receive(record, handlers);
        }

        private void moved(Parcel.ParcelMoved moved) {
            String place = moved.place();
            if (place.equals("poison")) {
                throw new IllegalStateException("cannot handle poison");
            }
            if (place.equals("invalid")) {
                throw new InvalidEventException("breaks the contract");
            }
            if (place.equals("flaky") && flakyFailures.incrementAndGet() <= 4) {
                throw new DataAccessResourceFailureException("store unreachable (simulated)");
            }
            mongo.upsert(Query.query(Criteria.where("_id").is(moved.parcelId())),
                    new Update().inc("moves", 1), "parcel_effects");
        }

        int effectsFor(String parcelId) {
            org.bson.Document effects = mongo.findById(parcelId, org.bson.Document.class, "parcel_effects");
            return effects == null ? 0 : effects.getInteger("moves");
        }
    }
}
