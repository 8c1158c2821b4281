package org.linli.issue.webhook;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The event types at least one subscription wants, so that the listener drops every other event of the busy
 * {@code issue.events} topic without a mark or a read in the store (no subscription: no cost per submission).
 * Read from the store at most every two seconds, and again after a subscription is created or deleted here (a
 * reading begun before the change is not used). With several instances, another instance sees a new subscription
 * within those two seconds and drops its events meanwhile: a known limit until issue #18's replicas.
 */
@Component
class SubscribedTypes {

    private static final long FRESH_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final MongoOperations mongo;
    private final AtomicLong changes = new AtomicLong();
    private volatile Snapshot snapshot;

    SubscribedTypes(MongoOperations mongo) {
        this.mongo = mongo;
    }

    Set<String> current() {
        Snapshot known = snapshot;
        if (known == null || known.changes() != changes.get() || System.nanoTime() - known.readAt() > FRESH_NANOS) {
            long changesBefore = changes.get();
            long readAt = System.nanoTime();
            known = new Snapshot(read(), readAt, changesBefore);
            snapshot = known;
        }
        return known.types();
    }

    /** Through the index on {@code eventTypes} (a range over every type name), never the whole collection. */
    private Set<String> read() {
        Query subscriptions = Query.query(Criteria.where("eventTypes").gt(""));
        subscriptions.fields().include("eventTypes");
        Set<String> types = new HashSet<>();
        for (Document subscription : mongo.find(subscriptions, Document.class, mongo.getCollectionName(
                WebhookSubscription.class))) {
            types.addAll(subscription.getList("eventTypes", String.class, List.of()));
        }
        return Set.copyOf(types);
    }

    /** A subscription was created or deleted here: a reading begun before this is not used again. */
    void changed() {
        changes.incrementAndGet();
    }

    private record Snapshot(Set<String> types, long readAt, long changes) {
    }
}
