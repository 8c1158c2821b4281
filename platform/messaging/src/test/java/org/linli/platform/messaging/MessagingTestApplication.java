package org.linli.platform.messaging;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
    ParcelListener parcelListener(ProcessedEvents processed, MongoOperations mongo) {
        return new ParcelListener(processed, mongo);
    }

    /** Counts the effects it applies and the raw records it sees. */
    static class ParcelListener {

        final List<String> deliveries = new CopyOnWriteArrayList<>();
        private final ProcessedEvents processed;
        private final MongoOperations mongo;

        ParcelListener(ProcessedEvents processed, MongoOperations mongo) {
            this.processed = processed;
            this.mongo = mongo;
        }

        @KafkaListener(topics = TOPIC)
        void on(String record) {
            deliveries.add(record);
            processed.receive(record, event -> {
                if (event.payload(Parcel.ParcelMoved.class).place().equals("poison")) {
                    throw new IllegalStateException("cannot handle poison");
                }
                mongo.upsert(Query.query(Criteria.where("_id").is(event.aggregateId())),
                        new Update().inc("moves", 1), "parcel_effects");
            });
        }

        int effectsFor(String parcelId) {
            org.bson.Document effects = mongo.findById(parcelId, org.bson.Document.class, "parcel_effects");
            return effects == null ? 0 : effects.getInteger("moves");
        }
    }
}
