package org.linli.points.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import org.linli.events.points.PointsCredited;
import org.linli.events.points.PointsDebited;
import org.linli.platform.messaging.AggregateRoot;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One immutable line of an account's ledger. The entries of an account ARE its ledger: numbered
 * 1, 2, 3… without gaps, each carrying the balance after it. The id is {@code accountId:sequence},
 * so the store's unique {@code _id} lets exactly one writer append number n+1 (a second writer gets
 * a duplicate key and re-reads); a unique index on {@code (accountId, reference)} lets a reference be
 * used once per account, which makes every credit for the same deed, and every debit for the same
 * redemption, apply once however often it is asked for. Nothing ever updates or deletes an entry;
 * the only later write is the outbox relay removing the published event.
 *
 * <p>{@code earnedThatDay} is the running total of earning credits on {@code day} (county zone)
 * including this entry: since entries are serialised per account, the daily cap is checked against
 * an exact figure without a separate counter that could drift.
 */
@Document(LedgerEntry.COLLECTION)
@CompoundIndexes({
        @CompoundIndex(name = "account_sequence", def = "{'accountId': 1, 'sequence': 1}", unique = true),
        @CompoundIndex(name = "account_reference", def = "{'accountId': 1, 'reference': 1}", unique = true)
})
public class LedgerEntry extends AggregateRoot {

    public static final String COLLECTION = "ledger_entries";

    @Id
    private String id;
    private String accountId;
    private long sequence;
    private long amount;
    private Reason reason;
    private String reference;
    private long balanceAfter;
    private String day;
    private String month;
    private long earnedThatDay;
    private String communityUnitId;
    private String communityPath;
    private String gridId;
    private String note;
    private Instant occurredAt;

    protected LedgerEntry() {
        // for the mapping layer
    }

    private LedgerEntry(Head head, long amount, Reason reason, String reference, Context context, LocalDate day,
                        long earnedThatDay, String note, Instant now) {
        this.accountId = head.accountId();
        this.sequence = head.sequence() + 1;
        this.id = id(accountId, sequence);
        this.amount = amount;
        this.reason = reason;
        this.reference = reference;
        this.balanceAfter = head.balance() + amount;
        this.day = day.toString();
        this.month = YearMonth.from(day).toString();
        this.earnedThatDay = earnedThatDay;
        this.communityUnitId = context.communityUnitId();
        this.communityPath = context.communityPath();
        this.gridId = context.gridId();
        this.note = note;
        this.occurredAt = now;
        if (balanceAfter < 0) {
            throw new IllegalStateException("an entry never takes a balance below zero");
        }
        if (amount > 0) {
            recordEvent(id, new PointsCredited(id, accountId, amount, reason.name(), reference, balanceAfter), now);
        } else {
            recordEvent(id, new PointsDebited(id, accountId, -amount, reason.name(), reference, balanceAfter), now);
        }
    }

    /** The entry after {@code head}; {@code amount} is signed (credit &gt; 0, debit &lt; 0) and never overdraws. */
    static LedgerEntry next(Head head, long amount, Reason reason, String reference, Context context, LocalDate day,
                            long earnedThatDay, String note, Instant now) {
        if (amount == 0) {
            throw new IllegalArgumentException("an entry moves at least one point");
        }
        return new LedgerEntry(head, amount, reason, reference, context, day, earnedThatDay, note, now);
    }

    static String id(String accountId, long sequence) {
        return accountId + ":" + sequence;
    }

    /** The state after this entry, from which the next one is made. */
    Head head() {
        return new Head(accountId, sequence, balanceAfter, LocalDate.parse(day), earnedThatDay);
    }

    public String id() {
        return id;
    }

    public String accountId() {
        return accountId;
    }

    public long sequence() {
        return sequence;
    }

    /** Signed: a credit is positive, a debit negative. */
    public long amount() {
        return amount;
    }

    public Reason reason() {
        return reason;
    }

    public String reference() {
        return reference;
    }

    public long balanceAfter() {
        return balanceAfter;
    }

    public String day() {
        return day;
    }

    public String month() {
        return month;
    }

    public long earnedThatDay() {
        return earnedThatDay;
    }

    public String communityUnitId() {
        return communityUnitId;
    }

    public String communityPath() {
        return communityPath;
    }

    public String gridId() {
        return gridId;
    }

    public String note() {
        return note;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    /**
     * An account's last entry as a writer sees it: sequence 0 and balance 0 before the first entry.
     *
     * @param day           the day of the last entry (for the running daily total), null before the first
     * @param earnedThatDay earning credits on that day so far
     */
    public record Head(String accountId, long sequence, long balance, LocalDate day, long earnedThatDay) {

        static Head empty(String accountId) {
            return new Head(accountId, 0, 0, null, 0);
        }

        /** Earning credits already made on {@code today}. */
        long earnedOn(LocalDate today) {
            return today.equals(day) ? earnedThatDay : 0;
        }
    }

    /**
     * Where points were earned or spent: the community (and its org path, which scopes readers) and
     * the grid, when known. Empty for a refund or correction without a place.
     */
    public record Context(String communityUnitId, String communityPath, String gridId) {

        public static final Context NONE = new Context(null, null, null);
    }
}
