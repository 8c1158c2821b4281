package org.linli.points.earning;

import java.util.Set;
import io.github.springwolf.core.asyncapi.annotations.AsyncListener;
import io.github.springwolf.core.asyncapi.annotations.AsyncOperation;
import org.linli.events.Topics;
import org.linli.events.issue.IssueClosed;
import org.linli.events.issue.MicroWishFulfilled;
import org.linli.platform.messaging.EventHandlers;
import org.linli.platform.messaging.ProcessedEvents;
import org.linli.points.ledger.LedgerEntry.Context;
import org.linli.points.ledger.Reason;
import org.linli.points.copies.OrgUnitCopies;
import org.linli.points.scoring.ScoringStandards;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Earns points from {@code issue.events}: an issue closed after being resolved by a party member or
 * a volunteer (not one closed as rejected or duplicate, which has no handler), and a micro-wish
 * fulfilled by a party member. Points come from the community's scoring standard. Exactly once
 * per deed: the processed-event mark skips a redelivered event cheaply, and the ledger's unique
 * reference ({@code issue:<id>}, {@code micro-wish:<id>}) refuses a second credit even when the
 * mark was lost or the same deed arrives under another event id. Every event counts, whatever its
 * aggregate version (handlers registered plainly, not in order: a credit is an effect, not a copy).
 */
@Component
class IssueEventsListener {

    private static final Logger log = LoggerFactory.getLogger(IssueEventsListener.class);
    private static final Set<String> EARNING_HANDLERS = Set.of("PARTY_MEMBER", "VOLUNTEER");

    private final ProcessedEvents processed;
    private final Earnings earnings;
    private final ScoringStandards standards;
    private final OrgUnitCopies orgUnits;
    /** The events of the topic this listener acts on; others are dropped without touching the store. */
    private final EventHandlers handlers;

    IssueEventsListener(ProcessedEvents processed, Earnings earnings, ScoringStandards standards,
                        OrgUnitCopies orgUnits) {
        this.processed = processed;
        this.earnings = earnings;
        this.standards = standards;
        this.orgUnits = orgUnits;
        this.handlers = EventHandlers.builder()
                .on(IssueClosed.class, this::issueClosed)
                .on(MicroWishFulfilled.class, this::wishFulfilled)
                .build();
    }

    @KafkaListener(topics = Topics.ISSUE_EVENTS)
    @AsyncListener(operation = @AsyncOperation(channelName = Topics.ISSUE_EVENTS, payloadType = IssueClosed.class))
    @AsyncListener(operation = @AsyncOperation(channelName = Topics.ISSUE_EVENTS, payloadType = MicroWishFulfilled.class))
    void on(String record) {
        processed.receive(record, handlers);
    }

    private void issueClosed(IssueClosed closed) {
        if (closed.handlerAccountId() == null || !EARNING_HANDLERS.contains(closed.handlerKind())) {
            return;
        }
        int points = standards.inForce(closed.communityUnitId()).issueResolved();
        Earnings.Result result = earnings.earn(closed.handlerAccountId(), null, points, Reason.ISSUE_RESOLVED,
                "issue:" + closed.issueId(), context(closed.communityUnitId()));
        log.debug("issue {} closed: {}", closed.issueId(), result.outcome());
    }

    private void wishFulfilled(MicroWishFulfilled fulfilled) {
        if (!"PARTY_MEMBER".equals(fulfilled.claimantKind()) || fulfilled.claimantId() == null) {
            return;
        }
        int points = standards.inForce(fulfilled.communityUnitId()).microWish();
        Earnings.Result result = earnings.earn(fulfilled.claimantId(), null, points, Reason.MICRO_WISH,
                "micro-wish:" + fulfilled.wishId(), context(fulfilled.communityUnitId()));
        log.debug("micro-wish {} fulfilled: {}", fulfilled.wishId(), result.outcome());
    }

    private Context context(String communityUnitId) {
        return orgUnits.findCommunity(communityUnitId)
                .map(community -> new Context(community.id(), community.path(), null))
                .orElse(new Context(communityUnitId, null, null));
    }
}
