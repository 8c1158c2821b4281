package org.linli.property.trust;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.property.trust.TrustEntry.Head;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The trust accounts' store: appends lines, nothing else (points-service's {@code Ledger} is the model). A line
 * is made from the head as read (entry n) and inserted as n+1; of two writers racing for n+1 one gets a
 * duplicate key, re-reads and tries n+2, so every balance is the previous one plus the amount and a refusal
 * (overdraft, closed month) is judged against the exact balance. No multi-document transaction is needed.
 */
@org.springframework.stereotype.Component
class TrustLedger {

    /** Attempts at appending before giving up under extreme contention on one account (409). */
    static final int MAX_ATTEMPTS = 200;

    private final MongoOperations mongo;

    TrustLedger(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /**
     * Appends the line {@code make} builds from the current head; {@code make} may refuse (422) on what it sees.
     * A reference used before (a second reversal of one line) answers 422 {@code already-reversed}.
     */
    TrustEntry append(String compoundId, Function<Head, TrustEntry> make) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            TrustEntry entry = make.apply(head(compoundId));
            try {
                mongo.insert(entry);
            } catch (DuplicateKeyException taken) {
                TrustEntry winner = mongo.findById(entry.id(), TrustEntry.class);
                if (winner == null || winner.reference().equals(entry.reference())) {
                    throw new BusinessRuleViolation("already-reversed",
                            "the line has already been reversed", entry.reversesSequence());
                }
                continue;
            }
            advanceSummary(entry);
            return entry;
        }
        throw new OptimisticLockingFailureException("trust account " + compoundId + " is too busy; try again");
    }

    /** The cached head moves forward only (a slower writer never moves it back). */
    private void advanceSummary(TrustEntry entry) {
        Query behind = Query.query(Criteria.where("_id").is(entry.compoundId()).and("lastSequence").lt(entry.sequence()));
        Update update = new Update().set("lastSequence", entry.sequence()).set("balanceFen", entry.balanceAfterFen())
                .set("month", entry.month().toString()).set("updatedAt", entry.bookedAt());
        try {
            mongo.upsert(behind, update, TrustAccount.class);
        } catch (DuplicateKeyException alreadyAhead) {
            // a later line's writer got there first
        }
    }

    /** The account's last line as it is now: the cached head, then probing forward by id for later lines. */
    Head head(String compoundId) {
        TrustAccount account = mongo.findById(compoundId, TrustAccount.class);
        Head head = account == null || account.lastSequence() == 0 ? Head.empty(compoundId)
                : new Head(compoundId, account.lastSequence(), account.balanceFen(), YearMonth.parse(account.month()));
        while (true) {
            TrustEntry next = mongo.findById(TrustEntry.id(compoundId, head.sequence() + 1), TrustEntry.class);
            if (next == null) {
                return head;
            }
            head = next.head();
        }
    }

    Optional<TrustAccount> account(String compoundId) {
        return Optional.ofNullable(mongo.findById(compoundId, TrustAccount.class));
    }

    /** Sets the owners' threshold (the cached head is left as it is). */
    void setThreshold(String compoundId, long thresholdFen, String basis, LocalDate decidedOn, String actor,
                      Instant now) {
        mongo.upsert(Query.query(Criteria.where("_id").is(compoundId)), new Update().set("thresholdFen", thresholdFen)
                .set("thresholdBasis", basis).set("thresholdDecidedOn", decidedOn).set("thresholdSetBy", actor)
                .set("thresholdSetAt", now)
                .setOnInsert("lastSequence", 0L).setOnInsert("balanceFen", 0L), TrustAccount.class);
    }

    Optional<TrustEntry> entry(String compoundId, long sequence) {
        return Optional.ofNullable(mongo.findById(TrustEntry.id(compoundId, sequence), TrustEntry.class));
    }

    Optional<TrustEntry> reversalOf(String compoundId, long sequence) {
        return byReference(compoundId, TrustEntry.reversalReference(sequence));
    }

    /** The line booked with this reference, if any (unique per compound). */
    Optional<TrustEntry> byReference(String compoundId, String reference) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("compoundId").is(compoundId)
                .and("reference").is(reference)), TrustEntry.class));
    }

    /** The statement of a month, built from its lines and the balance of the last line before it. */
    Statement statement(String compoundId, YearMonth month, YearMonth currentMonth) {
        List<TrustEntry> lines = mongo.find(Query.query(Criteria.where("compoundId").is(compoundId)
                .and("month").is(month.toString())).with(Sort.by("sequence")), TrustEntry.class);
        long before = 0;
        if (lines.isEmpty()) {
            TrustEntry last = mongo.findOne(Query.query(Criteria.where("compoundId").is(compoundId)
                    .and("month").lt(month.toString())).with(Sort.by(Sort.Direction.DESC, "sequence")).limit(1),
                    TrustEntry.class);
            before = last == null ? 0 : last.balanceAfterFen();
        }
        Head head = head(compoundId);
        boolean closed = month.isBefore(currentMonth) || (head.month() != null && month.isBefore(head.month()));
        return Statement.of(compoundId, month, before, lines, closed);
    }
}
