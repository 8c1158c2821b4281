package org.linli.points.ledger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import io.github.springwolf.core.asyncapi.annotations.AsyncOperation;
import io.github.springwolf.core.asyncapi.annotations.AsyncPublisher;
import org.linli.events.Topics;
import org.linli.events.points.PointsCredited;
import org.linli.events.points.PointsDebited;
import org.linli.points.ledger.LedgerEntry.Context;
import org.linli.points.ledger.LedgerEntry.Head;
import org.linli.points.ledger.Posting.Outcome;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The points ledger: appends entries, nothing else. Every write is the insert of one entry whose id
 * is {@code accountId:(n+1)} after reading entry n; two writers racing for n+1 cannot both win (the
 * loser re-reads and tries n+2), so the balance in entry n+1 is always entry n's plus the amount,
 * the sum of an account's amounts always equals its last balance, and a debit checked against entry
 * n can never overdraw. A reference used before answers {@link Outcome#DUPLICATE} with the earlier
 * entry, whether it was seen before writing or raced in concurrently (the unique index on
 * {@code (accountId, reference)} decides). No multi-document transaction is needed.
 */
public class Ledger {

    /** Attempts at appending before giving up under extreme contention on one account (409). */
    static final int MAX_ATTEMPTS = 200;

    private final MongoOperations mongo;
    private final Clock clock;
    private final ZoneId zone;
    private final MonthlyEarnings earnings;

    public Ledger(MongoOperations mongo, Clock clock, ZoneId zone) {
        this(mongo, clock, zone, new MonthlyEarnings(mongo));
    }

    Ledger(MongoOperations mongo, Clock clock, ZoneId zone, MonthlyEarnings earnings) {
        this.mongo = mongo;
        this.clock = clock;
        this.zone = zone;
        this.earnings = earnings;
    }

    /**
     * Credits points once per reference. An earning credit ({@link Reason#earning()}) with a
     * {@code dailyCap} is cut to what is left of the cap that day (county zone): {@link Outcome#CAPPED}
     * for part, {@link Outcome#CAP_REACHED} with no entry when nothing is left. The entry, new or found for
     * a repeated reference, is then counted in the {@link MonthlyEarnings} (once, however often).
     */
    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.POINTS_EVENTS, payloadType = PointsCredited.class,
            description = "points were credited to an account (an append-only entry)"))
    public Posting credit(String accountId, long amount, Reason reason, String reference, Context context,
                          Long dailyCap, String note) {
        Posting posting = appendCredit(accountId, amount, reason, reference, context, dailyCap, note);
        if (posting.entry() != null) {
            earnings.count(posting.entry());
        }
        return posting;
    }

    private Posting appendCredit(String accountId, long amount, Reason reason, String reference, Context context,
                                 Long dailyCap, String note) {
        requireArguments(accountId, amount, reason, reference);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Head head = head(accountId);
            Instant now = clock.instant();
            LocalDate today = LocalDate.ofInstant(now, zone);
            long earnedToday = head.earnedOn(today);
            long granted = amount;
            if (reason.earning() && dailyCap != null) {
                granted = Math.min(amount, Math.max(0, dailyCap - earnedToday));
            }
            if (granted == 0) {
                return byReference(accountId, reference).map(entry -> new Posting(Outcome.DUPLICATE, entry, amount))
                        .orElseGet(() -> new Posting(Outcome.CAP_REACHED, null, amount));
            }
            long earned = reason.earning() ? earnedToday + granted : earnedToday;
            LedgerEntry entry = LedgerEntry.next(head, granted, reason, reference, context, today, earned,
                    granted < amount ? noteCapped(note, amount, granted) : note, now);
            Optional<Posting> posted = append(entry, amount);
            if (posted.isPresent()) {
                Posting posting = posted.get();
                return posting.outcome() == Outcome.APPLIED && granted < amount
                        ? new Posting(Outcome.CAPPED, posting.entry(), amount) : posting;
            }
        }
        throw contention(accountId);
    }

    /** Debits points once per reference; refuses an overdraft with {@link InsufficientPoints}, writing nothing. */
    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.POINTS_EVENTS, payloadType = PointsDebited.class,
            description = "points were debited from an account"))
    public Posting debit(String accountId, long amount, Reason reason, String reference, Context context, String note) {
        requireArguments(accountId, amount, reason, reference);
        if (reason.earning() || reason == Reason.REFUND) {
            throw new IllegalArgumentException(reason + " is never a debit");
        }
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Head head = head(accountId);
            if (head.balance() < amount) {
                Optional<LedgerEntry> earlier = byReference(accountId, reference);
                if (earlier.isPresent()) {
                    return new Posting(Outcome.DUPLICATE, earlier.get(), amount);
                }
                throw new InsufficientPoints(head.balance(), amount);
            }
            Instant now = clock.instant();
            LocalDate today = LocalDate.ofInstant(now, zone);
            LedgerEntry entry = LedgerEntry.next(head, -amount, reason, reference, context, today,
                    head.earnedOn(today), note, now);
            Optional<Posting> posted = append(entry, amount);
            if (posted.isPresent()) {
                return posted.get();
            }
        }
        throw contention(accountId);
    }

    /**
     * Inserts the entry; empty when another writer took its sequence number first (read again and retry).
     */
    private Optional<Posting> append(LedgerEntry entry, long requested) {
        try {
            mongo.insert(entry);
        } catch (DuplicateKeyException taken) {
            LedgerEntry winner = mongo.findById(entry.id(), LedgerEntry.class);
            if (winner != null) {
                return winner.reference().equals(entry.reference())
                        ? Optional.of(new Posting(Outcome.DUPLICATE, winner, requested)) : Optional.empty();
            }
            return byReference(entry.accountId(), entry.reference())
                    .map(earlier -> new Posting(Outcome.DUPLICATE, earlier, requested));
        }
        advanceSummary(entry);
        return Optional.of(new Posting(Outcome.APPLIED, entry, requested));
    }

    /** The cached summary moves forward only (a slower writer never moves it back). */
    private void advanceSummary(LedgerEntry entry) {
        Query behind = Query.query(Criteria.where("_id").is(entry.accountId()).and("lastSequence").lt(entry.sequence()));
        Update update = new Update().set("lastSequence", entry.sequence()).set("balance", entry.balanceAfter())
                .set("day", entry.day()).set("earnedThatDay", entry.earnedThatDay()).set("updatedAt", entry.occurredAt());
        try {
            mongo.upsert(behind, update, AccountSummary.class);
        } catch (DuplicateKeyException alreadyAhead) {
            // a later entry's writer got there first
        }
    }

    /**
     * The account's last entry as it is now: the summary's copy of some entry's head, then probing
     * forward for later entries (one read by id each; usually the first finds none).
     */
    public Head head(String accountId) {
        AccountSummary summary = mongo.findById(accountId, AccountSummary.class);
        Head head = summary == null || summary.lastSequence() == 0 ? Head.empty(accountId)
                : new Head(accountId, summary.lastSequence(), summary.balance(),
                        summary.day() == null ? null : LocalDate.parse(summary.day()), summary.earnedThatDay());
        while (true) {
            LedgerEntry next = mongo.findById(LedgerEntry.id(accountId, head.sequence() + 1), LedgerEntry.class);
            if (next == null) {
                return head;
            }
            head = next.head();
        }
    }

    /** The current balance (the last entry's balance after, 0 without entries). */
    public long balance(String accountId) {
        return head(accountId).balance();
    }

    /**
     * The credit made earlier with this reference, if any, counted in the {@link MonthlyEarnings}: a caller that
     * retries a credit and stops at the earlier entry still completes the count a crash may have cut off.
     */
    public Optional<LedgerEntry> earlierCredit(String accountId, String reference) {
        Optional<LedgerEntry> earlier = byReference(accountId, reference);
        earlier.ifPresent(earnings::count);
        return earlier;
    }

    /** The entry that used this reference on the account, if any. */
    public Optional<LedgerEntry> byReference(String accountId, String reference) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("accountId").is(accountId)
                .and("reference").is(reference)), LedgerEntry.class));
    }

    private static void requireArguments(String accountId, long amount, Reason reason, String reference) {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(reference, "reference");
        if (amount <= 0) {
            throw new IllegalArgumentException("an amount is positive; the direction is credit or debit");
        }
    }

    private static String noteCapped(String note, long asked, long granted) {
        String capped = "daily cap: " + granted + " of " + asked;
        return note == null ? capped : note + "; " + capped;
    }

    private static OptimisticLockingFailureException contention(String accountId) {
        return new OptimisticLockingFailureException("account " + accountId + " is too busy; try again");
    }
}
