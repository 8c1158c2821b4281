package org.linli.property.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.linli.platform.messaging.PendingEvent;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.property.trust.TrustEntry.Booking;
import org.linli.property.trust.TrustEntry.Head;

/** The trust account's rules without Spring: exact balances, statements, the threshold rule, 四议两公开, objections. */
class TrustEntryTest {

    static final String COMPOUND = "compound-1";
    static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
    static final Instant NOW = Instant.parse("2026-11-20T02:00:00Z");
    static final long THRESHOLD = 500_000;

    /** Books the bookings in order, each after the last. */
    static List<TrustEntry> ledger(Booking... bookings) {
        List<TrustEntry> lines = new ArrayList<>();
        Head head = Head.empty(COMPOUND);
        for (Booking booking : bookings) {
            TrustEntry line = TrustEntry.book(head, booking, THRESHOLD, null, "ref-" + lines.size(), "staff", TODAY, NOW);
            lines.add(line);
            head = line.head();
        }
        return lines;
    }

    static Booking income(long fen, LocalDate day) {
        return new Booking(null, Category.PROPERTY_FEES, fen, day, "物业费", List.of());
    }

    static Booking expense(long fen, LocalDate day) {
        return new Booking(EntryKind.EXPENSE, Category.CLEANING, fen, day, "保洁", List.of());
    }

    static BusinessRuleViolation refusal(Runnable action) {
        try {
            action.run();
        } catch (BusinessRuleViolation violation) {
            return violation;
        }
        throw new AssertionError("not refused");
    }

    @Test
    void eachLineCarriesTheExactBalanceAfterItAndRecordsItsEvent() {
        List<TrustEntry> lines = ledger(income(1_000_001, LocalDate.of(2026, 9, 1)),
                expense(333_333, LocalDate.of(2026, 9, 2)), income(7, LocalDate.of(2026, 10, 1)));

        assertThat(lines).extracting(TrustEntry::sequence).containsExactly(1L, 2L, 3L);
        assertThat(lines).extracting(TrustEntry::amountFen).containsExactly(1_000_001L, -333_333L, 7L);
        assertThat(lines).extracting(TrustEntry::balanceAfterFen).containsExactly(1_000_001L, 666_668L, 666_675L);
        assertThat(lines.get(1).id()).isEqualTo("compound-1:2");
        assertThat(lines.get(1).pendingEvents()).extracting(PendingEvent::type).containsExactly("TrustEntryBooked");
        assertThat(lines.get(1).pendingEvents().get(0).payload()).contains("\"amountFen\":-333333",
                "\"balanceAfterFen\":666668", "\"kind\":\"EXPENSE\"");
    }

    @Test
    void anExpenseBeyondTheBalanceIsRefusedAndTheBalanceNeverGoesNegative() {
        Head head = ledger(income(100, TODAY)).get(0).head();

        assertThat(refusal(() -> TrustEntry.book(head, expense(101, TODAY), THRESHOLD, null, "r", "staff", TODAY, NOW))
                .code()).isEqualTo("insufficient-funds");
        assertThat(TrustEntry.book(head, expense(100, TODAY), THRESHOLD, null, "r", "staff", TODAY, NOW)
                .balanceAfterFen()).isZero();
    }

    @Test
    void aLineCannotGoBackToAClosedMonthNorIntoTheFuture() {
        Head head = ledger(income(100, LocalDate.of(2026, 10, 31))).get(0).head();

        assertThat(refusal(() -> TrustEntry.book(head, income(1, LocalDate.of(2026, 9, 30)), THRESHOLD, null, "r",
                "staff", TODAY, NOW)).code()).isEqualTo("closed-month");
        assertThat(refusal(() -> TrustEntry.book(head, income(1, TODAY.plusDays(1)), THRESHOLD, null, "r", "staff",
                TODAY, NOW)).code()).isEqualTo("entry-in-future");
        assertThat(TrustEntry.book(head, income(1, LocalDate.of(2026, 10, 1)), THRESHOLD, null, "r", "staff", TODAY,
                NOW).month()).isEqualTo(YearMonth.of(2026, 10));
    }

    @Test
    void theCategoryDecidesTheKindAndAMismatchIsRefused() {
        Booking wrong = new Booking(EntryKind.INCOME, Category.REPAIRS, 100, TODAY, "维修", List.of());

        assertThat(refusal(() -> TrustEntry.book(Head.empty(COMPOUND), wrong, THRESHOLD, null, "r", "staff", TODAY, NOW))
                .code()).isEqualTo("category-mismatch");
    }

    @Test
    void anExpenseAboveTheThresholdNeedsAnApprovedAndPublishedDeliberation() {
        Head head = ledger(income(2_000_000, TODAY)).get(0).head();
        Booking repairs = new Booking(null, Category.REPAIRS, THRESHOLD + 1, TODAY, "更换水泵", List.of());

        BusinessRuleViolation refused = refusal(() -> TrustEntry.book(head, repairs, THRESHOLD, null, "r", "staff",
                TODAY, NOW));
        assertThat(refused.code()).isEqualTo("deliberation-required");
        assertThat(refused.arguments()).containsExactly(THRESHOLD + 1, THRESHOLD);
        assertThat(TrustEntry.book(head, expense(THRESHOLD, TODAY), THRESHOLD, null, "r", "staff", TODAY, NOW)
                .amountFen()).isEqualTo(-THRESHOLD);

        Deliberation deliberation = DeliberationTest.decided(COMPOUND, 600_000, true);
        assertThat(refusal(() -> TrustEntry.book(head, repairs, THRESHOLD, deliberation, "r", "staff", TODAY, NOW))
                .code()).isEqualTo("deliberation-not-ready");
        deliberation.record(DeliberationStep.RESULT_PUBLICATION, TODAY, "公示栏张贴", null, "admin", TODAY, NOW);
        TrustEntry booked = TrustEntry.book(head, repairs, THRESHOLD, deliberation, "r", "staff", TODAY, NOW);
        assertThat(booked.deliberationId()).isEqualTo(deliberation.id());
        Booking tooMuch = new Booking(null, Category.REPAIRS, 600_001, TODAY, "更换水泵", List.of());
        assertThat(refusal(() -> TrustEntry.book(head, tooMuch, THRESHOLD, deliberation, "r", "staff", TODAY, NOW))
                .code()).isEqualTo("deliberation-amount-exceeded");
        Deliberation elsewhere = DeliberationTest.published("compound-2", 600_000);
        assertThat(refusal(() -> TrustEntry.book(head, repairs, THRESHOLD, elsewhere, "r", "staff", TODAY, NOW))
                .code()).isEqualTo("unknown-deliberation");
    }

    @Test
    void aReversalBooksTheOppositeAmountTodayAndIsNotReversedItself() {
        List<TrustEntry> lines = ledger(income(5_000, LocalDate.of(2026, 10, 3)), expense(1_200, TODAY));
        TrustEntry reversal = TrustEntry.reverse(lines.get(1).head(), lines.get(1), "重复入账", "staff", TODAY, NOW);

        assertThat(reversal.kind()).isEqualTo(EntryKind.REVERSAL);
        assertThat(reversal.amountFen()).isEqualTo(1_200);
        assertThat(reversal.balanceAfterFen()).isEqualTo(5_000);
        assertThat(reversal.reversesSequence()).isEqualTo(2);
        assertThat(reversal.reference()).isEqualTo("reversal-of:2");
        assertThat(refusal(() -> TrustEntry.reverse(reversal.head(), reversal, "x", "staff", TODAY, NOW)).code())
                .isEqualTo("not-reversible");
        TrustEntry spent = TrustEntry.book(reversal.head(), expense(5_000, TODAY), THRESHOLD, null, "r", "s", TODAY, NOW);
        assertThat(refusal(() -> TrustEntry.reverse(spent.head(), lines.get(0), "错账", "staff", TODAY, NOW)).code())
                .as("reversing income already spent would overdraw").isEqualTo("insufficient-funds");
    }

    @Test
    void aMonthlyStatementOpensWithThePreviousClosingAndAddsUpExactly() {
        List<TrustEntry> lines = ledger(income(10_000, LocalDate.of(2026, 9, 5)),
                income(2_500, LocalDate.of(2026, 10, 1)), expense(4_000, LocalDate.of(2026, 10, 9)),
                new Booking(null, Category.PARKING, 800, LocalDate.of(2026, 10, 31), "停车", List.of()),
                income(1, LocalDate.of(2026, 11, 2)));
        TrustEntry reversal = TrustEntry.reverse(lines.get(4).head(), lines.get(2), "退回", "staff", TODAY, NOW);

        Statement october = Statement.of(COMPOUND, YearMonth.of(2026, 10), 0, lines.subList(1, 4), true);
        assertThat(october.openingFen()).isEqualTo(10_000);
        assertThat(october.incomeFen()).isEqualTo(3_300);
        assertThat(october.expensesFen()).isEqualTo(4_000);
        assertThat(october.closingFen()).isEqualTo(9_300).isEqualTo(october.openingFen() + october.incomeFen()
                - october.expensesFen());

        Statement november = Statement.of(COMPOUND, YearMonth.of(2026, 11), 0, List.of(lines.get(4), reversal), false);
        assertThat(november.openingFen()).isEqualTo(october.closingFen());
        assertThat(november.expensesFen()).as("a reversed expense counts against expenses").isEqualTo(-4_000);
        assertThat(november.closingFen()).isEqualTo(13_301);

        Statement empty = Statement.of(COMPOUND, YearMonth.of(2026, 12), 13_301, List.of(), false);
        assertThat(empty.openingFen()).isEqualTo(13_301).isEqualTo(empty.closingFen());
        assertThatThrownBy(() -> Statement.of(COMPOUND, YearMonth.of(2026, 10), 0,
                List.of(lines.get(1), lines.get(3)), true)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anObjectionIsAnsweredOnceOnTheRecord() {
        TrustEntry line = ledger(income(100, TODAY)).get(0);
        Objection objection = Objection.raise(line, "停车收益偏少", "resident-1", NOW);

        assertThat(objection.entryId()).isEqualTo("compound-1:1");
        assertThat(objection.pendingEvents()).extracting(PendingEvent::type).containsExactly("TrustObjectionRaised");
        objection.answer("已核对停车场台账，本月有 3 天施工封闭", "staff-1", "PROPERTY_COMPANY", NOW);
        assertThat(objection.answer().answeredAs()).isEqualTo("PROPERTY_COMPANY");
        assertThat(refusal(() -> objection.answer("再答", "admin", "COMMUNITY", NOW)).code())
                .isEqualTo("already-answered");
        assertThat(refusal(() -> Objection.raise(line, " ", "resident-1", NOW)).code())
                .isEqualTo("invalid-objection-text");
    }
}
