package org.linli.points.activity;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.linli.points.activity.Activity.Participant;
import org.linli.points.honour.BlackList;
import org.linli.points.honour.BlackListEntry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The black list following recorded behaviour rather than an admin's typing: whoever signed up for
 * {@code limit} confirmed activities within {@code window} and checked in to none of them (未到场, a no-show that
 * kept someone on the waiting list out) is listed for {@code listing} in the community of the last one, with those
 * activities as the evidence. Applied when an activity's attendance is confirmed; the listed person may appeal
 * ({@link BlackListEntry#appeal}).
 */
@Component
class NoShowRule {

    private final MongoOperations mongo;
    private final BlackList blackList;
    private final Clock clock;
    private final int limit;
    private final Duration window;
    private final Duration listing;

    NoShowRule(MongoOperations mongo, BlackList blackList, Clock clock,
               @Value("${linli.points.black-list.no-show-limit:3}") int limit,
               @Value("${linli.points.black-list.no-show-window:90d}") Duration window,
               @Value("${linli.points.black-list.no-show-listing:30d}") Duration listing) {
        this.mongo = mongo;
        this.blackList = blackList;
        this.clock = clock;
        this.limit = limit;
        this.window = window;
        this.listing = listing;
    }

    /** Lists each no-show of this confirmed activity who has reached the limit (and is not listed already). */
    void apply(Activity activity) {
        for (Participant noShow : activity.noShows()) {
            List<String> missed = missedSince(noShow.accountId());
            if (missed.size() >= limit) {
                blackList.listByRule(BlackListEntry.NO_SHOW_RULE, noShow.accountId(), activity.communityUnitId(),
                        activity.communityPath(), "报名后" + missed.size() + "次未到场（" + window.toDays() + "天内）",
                        missed.stream().limit(10).map(id -> "activity:" + id).toList(), listing);
            }
        }
    }

    private List<String> missedSince(String accountId) {
        // the equality on participants.accountId is what the participants_account index answers (the embedded store
        // does not look inside $elemMatch for an index); the $elemMatch keeps it to the same participant
        Query missed = Query.query(Criteria.where("participants.accountId").is(accountId)
                .and("participants").elemMatch(Criteria.where("accountId").is(accountId)
                        .and("status").is(Activity.ParticipantStatus.SIGNED_UP).and("checkedInAt").is(null))
                .and("status").is(Activity.Status.CONFIRMED).and("confirmedAt").gte(clock.instant().minus(window)));
        missed.fields().include("_id");
        return mongo.find(missed, Activity.class).stream().map(Activity::id).toList();
    }
}
