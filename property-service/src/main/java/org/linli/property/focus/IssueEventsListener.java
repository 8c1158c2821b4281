package org.linli.property.focus;

import java.util.Set;
import java.time.YearMonth;
import io.github.springwolf.core.asyncapi.annotations.AsyncListener;
import io.github.springwolf.core.asyncapi.annotations.AsyncOperation;
import org.linli.events.Topics;
import org.linli.events.issue.IssueClosed;
import org.linli.events.issue.IssueReported;
import org.linli.platform.messaging.IncomingEvent;
import org.linli.platform.messaging.ProcessedEvents;
import org.linli.property.PropertySettings;
import org.linli.property.evaluation.Evaluations;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code issue.events} once per event id: a reported issue about a compound is a complaint counted for
 * the focus list on the day it was received ({@code receivedAt}, else the event's time); a closed issue's rating feeds the residents' satisfaction of the month it was closed in.
 * Every event counts, whatever its aggregate version (plain {@code receive}: these are effects, not a copy).
 */
@Component
class IssueEventsListener {

    /** The events of the topic this listener acts on; others are dropped without touching the store. */
    private static final Set<String> HANDLED = Set.of("IssueReported", "IssueClosed");

    private final ProcessedEvents processed;
    private final FocusService focus;
    private final Evaluations evaluations;
    private final PropertySettings settings;

    IssueEventsListener(ProcessedEvents processed, FocusService focus, Evaluations evaluations,
                        PropertySettings settings) {
        this.processed = processed;
        this.focus = focus;
        this.evaluations = evaluations;
        this.settings = settings;
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
        processed.receive(record, HANDLED, this::apply);
    }

    private void apply(IncomingEvent event) {
        switch (event.type()) {
            case "IssueReported" -> {
                IssueReported reported = event.payload(IssueReported.class);
                if (reported.compoundId() != null) {
                    focus.issueReported(reported.issueId(), reported.compoundId(), reported.category(),
                            reported.receivedAt() != null ? reported.receivedAt() : event.occurredAt());
                }
            }
            case "IssueClosed" -> {
                IssueClosed closed = event.payload(IssueClosed.class);
                evaluations.recordRating(closed.issueId(), closed.compoundId(), closed.companyId(), closed.rating(),
                        YearMonth.from(event.occurredAt().atZone(settings.zone())));
            }
            default -> {
                // not needed by property-service
            }
        }
    }
}
