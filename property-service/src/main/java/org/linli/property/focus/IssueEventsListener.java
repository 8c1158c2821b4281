package org.linli.property.focus;

import java.time.Instant;
import java.time.YearMonth;
import io.github.springwolf.core.asyncapi.annotations.AsyncListener;
import io.github.springwolf.core.asyncapi.annotations.AsyncOperation;
import org.linli.events.Topics;
import org.linli.events.issue.IssueClosed;
import org.linli.events.issue.IssueReported;
import org.linli.platform.messaging.EventHandlers;
import org.linli.platform.messaging.ProcessedEvents;
import org.linli.property.PropertySettings;
import org.linli.property.evaluation.Evaluations;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code issue.events} once per event id: a reported issue about a compound is a complaint counted for
 * the focus list on the day it was received ({@code receivedAt}, else the event's time); a closed issue's rating feeds the residents' satisfaction of the month it was closed in.
 * Every event counts, whatever its aggregate version (not in order: these are effects, not a copy). Both effects are
 * upserts by issue id, so they are registered {@code onIdempotent…}: no processed-event mark per event, which halved
 * the store round trips of every report and let this consumer keep up with a county's submissions (issue #13).
 */
@Component
class IssueEventsListener {

    private final ProcessedEvents processed;
    private final FocusService focus;
    private final Evaluations evaluations;
    private final PropertySettings settings;
    /** The events of the topic this listener acts on; others are dropped without touching the store. */
    private final EventHandlers handlers;

    IssueEventsListener(ProcessedEvents processed, FocusService focus, Evaluations evaluations,
                        PropertySettings settings) {
        this.processed = processed;
        this.focus = focus;
        this.evaluations = evaluations;
        this.settings = settings;
        this.handlers = EventHandlers.builder()
                .onIdempotentWithTime(IssueReported.class, this::issueReported)
                .onIdempotentWithTime(IssueClosed.class, this::issueClosed)
                .build();
    }

    @AsyncListener(operation = @AsyncOperation(channelName = Topics.ISSUE_EVENTS, payloadType = IssueReported.class))
    @AsyncListener(operation = @AsyncOperation(channelName = Topics.ISSUE_EVENTS, payloadType = IssueClosed.class))
    /**
     * One consumer per partition of {@code issue.events} (three): a complaint costs a few store round trips, and one
     * consumer waiting on each in turn fell tens of thousands of events behind while the store served a county's
     * submissions (docs/benchmarks/scale.md, session 9). Order per issue holds (the key is the issue id); complaints
     * and ratings are stored by issue id and the focus entry retries a concurrent change, so the three may run
     * side by side.
     */
    @KafkaListener(topics = Topics.ISSUE_EVENTS, concurrency = "${linli.property.issue-events.concurrency:3}")
    void on(String record) {
        processed.receive(record, handlers);
    }

    private void issueReported(IssueReported reported, Instant occurredAt) {
        if (reported.compoundId() != null) {
            focus.issueReported(reported.issueId(), reported.compoundId(), reported.category(),
                    reported.receivedAt() != null ? reported.receivedAt() : occurredAt);
        }
    }

    private void issueClosed(IssueClosed closed, Instant occurredAt) {
        evaluations.recordRating(closed.issueId(), closed.compoundId(), closed.companyId(), closed.rating(),
                YearMonth.from(occurredAt.atZone(settings.zone())));
    }
}
