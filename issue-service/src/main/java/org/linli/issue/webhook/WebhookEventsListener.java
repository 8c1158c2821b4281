package org.linli.issue.webhook;

import java.time.Clock;
import org.linli.events.Topics;
import org.linli.platform.messaging.IncomingEvent;
import org.linli.platform.messaging.ProcessedEvents;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads {@code issue.events} in its own consumer group ({@code <group>-webhooks}, so a slow or failing webhook
 * store never holds up another consumer, and its dead letters can be replayed for it alone) and queues each
 * event for the subscriptions that want it. The body queued is the record as published: the event envelope.
 * Idempotent twice over: its own processed-event marks ({@value #CONSUMER}) and one delivery per subscription
 * and event id.
 */
@Component
class WebhookEventsListener {

    static final String CONSUMER = "issue-service-webhooks";

    private final ProcessedEvents processed;
    private final EventScopes scopes;
    private final WebhookQueue queue;
    private final SubscribedTypes subscribed;
    private final Clock clock;

    WebhookEventsListener(MongoOperations mongo, EventScopes scopes, WebhookQueue queue, SubscribedTypes subscribed,
                          Clock clock) {
        this.processed = new ProcessedEvents(mongo, CONSUMER);
        this.scopes = scopes;
        this.queue = queue;
        this.subscribed = subscribed;
        this.clock = clock;
    }

    @KafkaListener(topics = Topics.ISSUE_EVENTS, groupId = "${spring.kafka.consumer.group-id:issue-service}-webhooks")
    void onIssueEvent(String record) {
        processed.receive(record, subscribed.current(), event -> queue(event, record));
    }

    private void queue(IncomingEvent event, String record) {
        queue.enqueue(event, record, scopes.pathOf(event), clock.instant());
    }
}
