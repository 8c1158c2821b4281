package org.linli.issue.webhook;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.linli.issue.place.Places;
import org.linli.platform.mongo.MongoPages;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.platform.web.Caller;
import org.linli.platform.domain.NotFoundException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Creates, lists, resumes and deletes subscriptions for admins. A subscription belongs to the org scope it
 * covers: admins whose own scope covers it manage it (a colleague can take over), anyone else gets 403.
 */
@Service
class WebhookSubscriptions {

    private final MongoOperations mongo;
    private final OfferedEvents offered;
    private final TargetPolicy targets;
    private final Places places;
    private final WebhookQueue queue;
    private final SubscribedTypes subscribed;
    private final Clock clock;

    WebhookSubscriptions(MongoOperations mongo, OfferedEvents offered, TargetPolicy targets, Places places,
                         WebhookQueue queue, SubscribedTypes subscribed, Clock clock) {
        this.mongo = mongo;
        this.offered = offered;
        this.targets = targets;
        this.places = places;
        this.queue = queue;
        this.subscribed = subscribed;
        this.clock = clock;
    }

    /** A new subscription and its secret, which is in this answer only. */
    Created create(Caller caller, String targetUrl, List<String> eventTypes, String scopeUnitId) {
        targets.require(targetUrl);
        Set<String> types = offered.require(eventTypes);
        String unitId = scopeUnitId != null ? scopeUnitId : caller.orgUnitId();
        String path = scopeUnitId != null ? knownPath(scopeUnitId) : caller.orgUnitPath();
        if (!caller.covers(path)) {
            throw new AccessDeniedException("scope outside the caller's scope");
        }
        String secret = WebhookSignature.newSecret();
        WebhookSubscription saved = mongo.insert(WebhookSubscription.create(targetUrl, types, unitId, path, secret,
                caller.accountId(), clock.instant()));
        subscribed.changed();
        return new Created(saved, secret);
    }

    /** The subscriptions the caller's scope covers, newest first. */
    Page<WebhookSubscription> list(Caller caller, Pageable pageable) {
        Criteria criteria = caller.isCountyWide() ? new Criteria()
                : Criteria.where("scopePath").regex("^" + java.util.regex.Pattern.quote(caller.orgUnitPath()));
        Query query = Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "createdAt")).with(pageable);
        return MongoPages.page(mongo, query, pageable, WebhookSubscription.class);
    }

    /** 404 unknown, 403 outside the caller's scope. */
    WebhookSubscription get(Caller caller, String id) {
        WebhookSubscription subscription = Optional.ofNullable(mongo.findById(id, WebhookSubscription.class))
                .orElseThrow(() -> new NotFoundException("webhook-subscription", id));
        if (!caller.covers(subscription.scopePath())) {
            throw new AccessDeniedException("subscription outside the caller's scope");
        }
        return subscription;
    }

    /** Active again; what waited while it was paused is queued. */
    WebhookSubscription resume(Caller caller, String id) {
        WebhookSubscription subscription = get(caller, id);
        subscription.resume();
        WebhookSubscription saved = mongo.save(subscription);
        queue.release(saved.id(), clock.instant());
        return saved;
    }

    /** Removes the subscription and its delivery log. */
    void delete(Caller caller, String id) {
        WebhookSubscription subscription = get(caller, id);
        mongo.remove(Query.query(Criteria.where("_id").is(subscription.id())), WebhookSubscription.class);
        queue.removeAll(subscription.id());
        subscribed.changed();
    }

    /** The subscription's delivery log, newest first. */
    Page<WebhookDelivery> deliveries(Caller caller, String id, Pageable pageable) {
        return queue.log(get(caller, id).id(), pageable);
    }

    /** Queues a delivered or failed delivery again; 422 while its subscription is paused or it is queued already. */
    WebhookDelivery redeliver(Caller caller, String id, String deliveryId) {
        WebhookSubscription subscription = get(caller, id);
        WebhookDelivery delivery = queue.get(subscription.id(), deliveryId);
        delivery.redeliver(subscription.paused(), clock.instant());
        return queue.save(delivery);
    }

    private String knownPath(String unitId) {
        String path = places.pathOf(unitId);
        if (path == null) {
            throw new BusinessRuleViolation("unknown-unit", "no org unit " + unitId + " is known here", unitId);
        }
        return path;
    }

    record Created(WebhookSubscription subscription, String secret) {
    }
}
