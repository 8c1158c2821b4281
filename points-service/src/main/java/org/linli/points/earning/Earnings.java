package org.linli.points.earning;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.linli.points.honour.BlackList;
import org.linli.points.honour.BlackListEntry;
import org.linli.points.ledger.Accounts;
import org.linli.points.ledger.Ledger;
import org.linli.points.ledger.LedgerEntry;
import org.linli.points.ledger.LedgerEntry.Context;
import org.linli.points.ledger.Posting;
import org.linli.points.ledger.Reason;
import org.linli.points.scoring.ScoringStandards;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

/**
 * Earning points for a deed (an attended activity, a resolved issue, a fulfilled micro-wish): the
 * rules around the ledger's credit. A refusal recorded before stays final; an active black-list
 * entry refuses (and records) the credit; the community's daily cap cuts it; the ledger applies it
 * once per reference.
 */
@Component
public class Earnings {

    private final Ledger ledger;
    private final Accounts accounts;
    private final BlackList blackList;
    private final ScoringStandards standards;
    private final MongoOperations mongo;
    private final Clock clock;

    Earnings(Ledger ledger, Accounts accounts, BlackList blackList, ScoringStandards standards, MongoOperations mongo,
             Clock clock) {
        this.ledger = ledger;
        this.accounts = accounts;
        this.blackList = blackList;
        this.standards = standards;
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Credits an earning deed once; never throws for a business reason, the result says what happened. */
    public Result earn(String accountId, String holderName, long points, Reason reason, String reference,
                       Context context) {
        if (!reason.earning()) {
            throw new IllegalArgumentException(reason + " is not earned");
        }
        accounts.noteHolder(accountId, holderName, context);
        Optional<LedgerEntry> earlier = ledger.earlierCredit(accountId, reference);
        if (earlier.isPresent()) {
            return new Result(Outcome.ALREADY_CREDITED, earlier.get().amount());
        }
        RefusedCredit refused = mongo.findById(RefusedCredit.id(accountId, reference), RefusedCredit.class);
        if (refused != null) {
            return new Result(Outcome.valueOf(refused.why()), 0);
        }
        if (points <= 0) {
            return new Result(Outcome.NOTHING_EARNED, 0);
        }
        Instant now = clock.instant();
        Optional<BlackListEntry> blocking = blackList.activeFor(accountId, now);
        if (blocking.isPresent()) {
            refuse(accountId, reference, reason, points, Outcome.REFUSED_BLACK_LISTED, blocking.get().id(), context, now);
            return new Result(Outcome.REFUSED_BLACK_LISTED, 0);
        }
        int cap = standards.inForce(context.communityUnitId()).dailyCap();
        Posting posting = ledger.credit(accountId, points, reason, reference, context, (long) cap, null);
        return switch (posting.outcome()) {
            case APPLIED -> new Result(Outcome.CREDITED, posting.entry().amount());
            case CAPPED -> new Result(Outcome.CREDITED_CAPPED, posting.entry().amount());
            case DUPLICATE -> new Result(Outcome.ALREADY_CREDITED, posting.entry().amount());
            case CAP_REACHED -> {
                refuse(accountId, reference, reason, points, Outcome.REFUSED_DAILY_CAP, null, context, now);
                yield new Result(Outcome.REFUSED_DAILY_CAP, 0);
            }
        };
    }

    private void refuse(String accountId, String reference, Reason reason, long points, Outcome why,
                        String blackListEntryId, Context context, Instant now) {
        try {
            mongo.insert(new RefusedCredit(RefusedCredit.id(accountId, reference), accountId, reference, reason.name(),
                    points, why.name(), blackListEntryId, context.communityUnitId(), now));
        } catch (DuplicateKeyException alreadyRecorded) {
            // the same refusal, recorded by a concurrent delivery
        }
    }

    /** What became of an earning deed. */
    public enum Outcome {
        CREDITED, CREDITED_CAPPED, ALREADY_CREDITED, NOTHING_EARNED, REFUSED_BLACK_LISTED, REFUSED_DAILY_CAP
    }

    /** @param points the points credited for the deed (now or earlier), 0 when refused */
    public record Result(Outcome outcome, long points) {
    }
}
