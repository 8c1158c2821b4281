package org.linli.property.trust;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import org.linli.events.property.TrustEntryBooked;
import org.linli.platform.messaging.AggregateRoot;
import org.linli.platform.domain.BusinessRuleViolation;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One immutable line of a compound's trust-based property account (信托制物业). The lines of a compound ARE its
 * account: numbered 1, 2, 3… without gaps, each with the balance after it, the id {@code compoundId:sequence}
 * letting exactly one writer append number n+1 (the model is points-service's ledger). Nothing is ever changed
 * or deleted; a mistake is corrected by a REVERSAL line with the opposite amount, at most one per line (its
 * reference {@code reversal-of:n} is unique per compound). The balance never goes below zero.
 *
 * <p>Lines are appended in accounting-day order by month: a line's day lies in the month of the last line or a
 * later one, and not in the future. So each month's lines are a run of consecutive numbers, and a month is
 * closed once a later month has a line: its statement cannot change any more.
 */
@Document(TrustEntry.COLLECTION)
@CompoundIndexes({
        @CompoundIndex(name = "compound_sequence", def = "{'compoundId': 1, 'sequence': 1}", unique = true),
        @CompoundIndex(name = "compound_reference", def = "{'compoundId': 1, 'reference': 1}", unique = true),
        @CompoundIndex(name = "compound_month", def = "{'compoundId': 1, 'month': 1}")
})
public class TrustEntry extends AggregateRoot {

    static final String COLLECTION = "trust_entries";
    static final int MAX_DESCRIPTION = 500;

    @Id
    private String id;
    private String compoundId;
    private long sequence;
    private EntryKind kind;
    private Category category;
    private long amountFen;
    private long balanceAfterFen;
    private String day;
    private String month;
    private String description;
    private List<Voucher> vouchers;
    private String deliberationId;
    private Long reversesSequence;
    private String reference;
    private String bookedBy;
    private Instant bookedAt;

    protected TrustEntry() {
        // for the mapping layer
    }

    private TrustEntry(Head head, EntryKind kind, Category category, long amountFen, LocalDate day, String description,
                       List<Voucher> vouchers, String deliberationId, Long reversesSequence, String reference,
                       String actor, Instant now) {
        this.compoundId = head.compoundId();
        this.sequence = head.sequence() + 1;
        this.id = id(compoundId, sequence);
        this.kind = kind;
        this.category = category;
        this.amountFen = amountFen;
        this.balanceAfterFen = Math.addExact(head.balanceFen(), amountFen);
        this.day = day.toString();
        this.month = YearMonth.from(day).toString();
        this.description = description;
        this.vouchers = List.copyOf(vouchers);
        this.deliberationId = deliberationId;
        this.reversesSequence = reversesSequence;
        this.reference = Objects.requireNonNull(reference);
        this.bookedBy = actor;
        this.bookedAt = now;
        if (balanceAfterFen < 0) {
            throw new BusinessRuleViolation("insufficient-funds", "the account holds less than the expense",
                    head.balanceFen(), -amountFen);
        }
        recordEvent(id, new TrustEntryBooked(id, compoundId, sequence, kind.name(), category.name(), amountFen,
                balanceAfterFen, day, deliberationId, reversesSequence == null ? null : id(compoundId, reversesSequence)),
                now);
    }

    /**
     * Books income or an expense after {@code head}. An expense above the owners' threshold needs the 四议两公开
     * record that authorises it (422 {@code deliberation-required} without one); a record given for a smaller
     * expense is checked and cited too.
     *
     * @param thresholdFen the owners' threshold: an expense of more than this needs a deliberation
     */
    static TrustEntry book(Head head, Booking booking, long thresholdFen, Deliberation deliberation, String reference,
                           String actor, LocalDate today, Instant now) {
        if (booking.amountFen() <= 0) {
            throw new BusinessRuleViolation("invalid-amount", "an amount is a positive number of fen",
                    booking.amountFen());
        }
        EntryKind kind = booking.category().income() ? EntryKind.INCOME : EntryKind.EXPENSE;
        if (booking.kind() != null && booking.kind() != kind) {
            throw new BusinessRuleViolation("category-mismatch", "the category does not belong to the kind",
                    booking.category().name(), booking.kind().name());
        }
        checkDay(head, booking.day(), today);
        if (kind == EntryKind.EXPENSE) {
            if (booking.amountFen() > thresholdFen && deliberation == null) {
                throw new BusinessRuleViolation("deliberation-required",
                        "an expense above the owners' threshold needs a recorded 四议两公开", booking.amountFen(),
                        thresholdFen);
            }
            if (deliberation != null) {
                checkCompound(deliberation, head.compoundId());
                deliberation.authorise(booking.amountFen());
            }
        } else if (deliberation != null) {
            throw new BusinessRuleViolation("deliberation-for-expenses", "a deliberation authorises an expense",
                    deliberation.id());
        }
        long signed = kind == EntryKind.INCOME ? booking.amountFen() : -booking.amountFen();
        return new TrustEntry(head, kind, booking.category(), signed, booking.day(), description(booking.description()),
                booking.vouchers(), deliberation == null ? null : deliberation.id(), null, reference, actor, now);
    }

    /** The reversal of {@code original} on {@code today}: the opposite amount, never below a zero balance. */
    static TrustEntry reverse(Head head, TrustEntry original, String reason, String actor, LocalDate today,
                              Instant now) {
        if (original.kind == EntryKind.REVERSAL) {
            throw new BusinessRuleViolation("not-reversible", "a reversal is not reversed; book the line again",
                    original.id);
        }
        if (!original.compoundId.equals(head.compoundId())) {
            throw new IllegalArgumentException("a line is reversed in its own account");
        }
        checkDay(head, today, today);
        return new TrustEntry(head, EntryKind.REVERSAL, original.category, -original.amountFen, today,
                description(reason), List.of(), null, original.sequence, reversalReference(original.sequence), actor,
                now);
    }

    static String reversalReference(long sequence) {
        return "reversal-of:" + sequence;
    }

    static String id(String compoundId, long sequence) {
        return compoundId + ":" + sequence;
    }

    private static void checkDay(Head head, LocalDate day, LocalDate today) {
        if (day == null || day.isAfter(today)) {
            throw new BusinessRuleViolation("entry-in-future", "a line is booked on a day up to today", day);
        }
        if (head.month() != null && YearMonth.from(day).isBefore(head.month())) {
            throw new BusinessRuleViolation("closed-month",
                    "the month is closed: lines of a later month are booked; book it with a day from that month on",
                    YearMonth.from(day).toString(), head.month().toString());
        }
    }

    private static void checkCompound(Deliberation deliberation, String compoundId) {
        if (!deliberation.compoundId().equals(compoundId)) {
            throw new BusinessRuleViolation("unknown-deliberation", "no such deliberation for this compound",
                    deliberation.id());
        }
    }

    private static String description(String text) {
        if (text == null || text.isBlank() || text.length() > MAX_DESCRIPTION) {
            throw new BusinessRuleViolation("invalid-entry-description",
                    "a line says what it is for in 1 to " + MAX_DESCRIPTION + " characters", MAX_DESCRIPTION);
        }
        return text.strip();
    }

    /** The state after this line, from which the next one is made. */
    Head head() {
        return new Head(compoundId, sequence, balanceAfterFen, YearMonth.parse(month));
    }

    public String id() {
        return id;
    }

    public String compoundId() {
        return compoundId;
    }

    public long sequence() {
        return sequence;
    }

    public EntryKind kind() {
        return kind;
    }

    public Category category() {
        return category;
    }

    /** Signed: income positive, an expense negative, a reversal the opposite of the line it reverses. */
    public long amountFen() {
        return amountFen;
    }

    public long balanceAfterFen() {
        return balanceAfterFen;
    }

    public LocalDate day() {
        return LocalDate.parse(day);
    }

    public YearMonth month() {
        return YearMonth.parse(month);
    }

    public String description() {
        return description;
    }

    public List<Voucher> vouchers() {
        return vouchers == null ? List.of() : vouchers;
    }

    public String deliberationId() {
        return deliberationId;
    }

    public Long reversesSequence() {
        return reversesSequence;
    }

    public String reference() {
        return reference;
    }

    public String bookedBy() {
        return bookedBy;
    }

    public Instant bookedAt() {
        return bookedAt;
    }

    /**
     * A compound's account as a writer sees it: the last line's number, balance and month (0, 0 and none before
     * the first line).
     */
    public record Head(String compoundId, long sequence, long balanceFen, YearMonth month) {

        static Head empty(String compoundId) {
            return new Head(compoundId, 0, 0, null);
        }
    }

    /**
     * What a writer asks to book.
     *
     * @param kind     INCOME or EXPENSE, optional (the category decides; a mismatch is refused)
     * @param amountFen positive, in fen
     * @param day      the accounting day
     * @param vouchers the stored files (receipts, invoices) backing the line
     */
    public record Booking(EntryKind kind, Category category, long amountFen, LocalDate day, String description,
                          List<Voucher> vouchers) {

        public Booking {
            Objects.requireNonNull(category, "category");
            vouchers = vouchers == null ? List.of() : List.copyOf(vouchers);
        }
    }

    /** A voucher (凭证) file stored in GridFS: its id, type and the name it was uploaded with. */
    public record Voucher(String id, String contentType, String filename) {
    }
}
