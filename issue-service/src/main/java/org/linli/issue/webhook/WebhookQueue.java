package org.linli.issue.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.linli.platform.messaging.IncomingEvent;
import org.linli.platform.mongo.MongoPages;
import org.linli.platform.domain.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The deliveries in the store: queued per matching subscription when an event arrives (once per subscription and
 * event id, whatever the redeliveries from Kafka), claimed by a sender when due, released when a subscription
 * resumes, listed as a subscription's log.
 */
@Component
class WebhookQueue {

    private final MongoOperations mongo;

    WebhookQueue(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /** Queues the event for every subscription that wants it; answers how many were queued now. */
    int enqueue(IncomingEvent event, String body, String orgPath, Instant now) {
        List<WebhookSubscription> subscribers = mongo.find(Query.query(Criteria.where("eventTypes").is(event.type())),
                WebhookSubscription.class);
        int queued = 0;
        for (WebhookSubscription subscription : subscribers) {
            if (subscription.wants(event.type(), orgPath, event.occurredAt())) {
                try {
                    mongo.insert(WebhookDelivery.queued(subscription, event.eventId(), event.type(), body, now));
                    queued++;
                } catch (DuplicateKeyException alreadyQueued) {
                    // the same event again (a redelivery from Kafka): queued once
                }
            }
        }
        return queued;
    }

    /** Up to {@code limit} deliveries due at {@code now}, earliest first (not yet claimed). */
    List<WebhookDelivery> due(Instant now, int limit) {
        Query query = Query.query(Criteria.where("status").is(WebhookDelivery.Status.PENDING).and("nextAttemptAt").lte(now))
                .with(Sort.by("nextAttemptAt")).limit(limit);
        return mongo.find(query, WebhookDelivery.class);
    }

    /**
     * Takes a due delivery for one attempt: its next attempt moves to {@code leaseUntil}, so no other sender takes
     * it meanwhile (and a sender that dies mid-attempt leaves it to be retried then). Empty when another took it.
     */
    Optional<WebhookDelivery> claim(String id, Instant now, Instant leaseUntil) {
        Query due = Query.query(Criteria.where("_id").is(id).and("status").is(WebhookDelivery.Status.PENDING)
                .and("nextAttemptAt").lte(now));
        return Optional.ofNullable(mongo.findAndModify(due, new Update().set("nextAttemptAt", leaseUntil).inc("version", 1),
                FindAndModifyOptions.options().returnNew(true), WebhookDelivery.class));
    }

    WebhookDelivery save(WebhookDelivery delivery) {
        return mongo.save(delivery);
    }

    /** Queues what waited (HELD) for a resumed subscription. */
    void release(String subscriptionId, Instant now) {
        mongo.updateMulti(Query.query(Criteria.where("subscriptionId").is(subscriptionId)
                        .and("status").is(WebhookDelivery.Status.HELD)),
                new Update().set("status", WebhookDelivery.Status.PENDING).set("nextAttemptAt", now)
                        .set("failuresInRound", 0).inc("version", 1), WebhookDelivery.class);
    }

    /** Holds what is queued for a subscription that has just paused. */
    void holdAll(String subscriptionId) {
        mongo.updateMulti(Query.query(Criteria.where("subscriptionId").is(subscriptionId)
                        .and("status").is(WebhookDelivery.Status.PENDING)),
                new Update().set("status", WebhookDelivery.Status.HELD).unset("nextAttemptAt").inc("version", 1),
                WebhookDelivery.class);
    }

    void removeAll(String subscriptionId) {
        mongo.remove(Query.query(Criteria.where("subscriptionId").is(subscriptionId)), WebhookDelivery.class);
    }

    /** A subscription's log, newest first. */
    Page<WebhookDelivery> log(String subscriptionId, Pageable pageable) {
        Query query = Query.query(Criteria.where("subscriptionId").is(subscriptionId))
                .with(Sort.by(Sort.Direction.DESC, "createdAt")).with(pageable);
        return MongoPages.page(mongo, query, pageable, WebhookDelivery.class);
    }

    /** One delivery of the subscription; 404 otherwise. */
    WebhookDelivery get(String subscriptionId, String id) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("_id").is(id)
                        .and("subscriptionId").is(subscriptionId)), WebhookDelivery.class))
                .orElseThrow(() -> new NotFoundException("webhook-delivery", id));
    }
}
