package org.linli.points.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.linli.points.ledger.LedgerEntry.Context;
import org.linli.points.ledger.MonthlyEarnings.Place;
import org.linli.points.ledger.MonthlyEarnings.Total;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The monthly totals the red list reads, kept with the ledger's writes, on a real store without Spring. */
class MonthlyEarningsTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Clock NOVEMBER = Clock.fixed(Instant.parse("2026-11-21T02:00:00Z"), SHANGHAI);
    private static final YearMonth MONTH = YearMonth.of(2026, 11);
    private static final Context TANXI_GRID_7 = new Context("c-tanxi", "/county/street/c-tanxi", "grid-7");

    private final MongoTemplate mongo = StoreForTests.freshDatabase();
    private final MonthlyEarnings earnings = new MonthlyEarnings(mongo);
    private final Ledger ledger = new Ledger(mongo, NOVEMBER, SHANGHAI, earnings);

    @Test
    void countsEachEarningCreditOnceForItsCommunityAndGridAndRanksByPoints() {
        ledger.credit("a", 20, Reason.ISSUE_RESOLVED, "issue:1", TANXI_GRID_7, null, null);
        ledger.credit("a", 20, Reason.ISSUE_RESOLVED, "issue:1", TANXI_GRID_7, null, null);
        ledger.credit("b", 30, Reason.ACTIVITY, "activity:1:b", TANXI_GRID_7, null, null);
        ledger.credit("b", 5, Reason.MICRO_WISH, "micro-wish:1", new Context("c-tanxi", "/county/street/c-tanxi", null),
                null, null);
        ledger.credit("a", 500, Reason.CORRECTION, "correction:1", TANXI_GRID_7, null, null);

        assertThat(earnings.ranked(Place.community("c-tanxi"), MONTH, 0, 10))
                .containsExactly(new Total("b", 35, 2), new Total("a", 20, 1));
        assertThat(earnings.ranked(Place.grid("grid-7"), MONTH, 0, 10))
                .containsExactly(new Total("b", 30, 1), new Total("a", 20, 1));
        assertThat(earnings.ranked(Place.community("c-tanxi"), MONTH, 1, 10)).containsExactly(new Total("a", 20, 1));
        assertThat(earnings.ranked(Place.community("c-tanxi"), MONTH.minusMonths(1), 0, 10)).isEmpty();
    }

    @Test
    void aRetriedCreditCountsTheEntryThatACrashLeftUncounted() {
        MonthlyEarnings crashing = new MonthlyEarnings(mongo) {
            @Override
            void count(LedgerEntry entry) {
                throw new IllegalStateException("the process died after the ledger's insert");
            }
        };
        Ledger beforeTheCrash = new Ledger(mongo, NOVEMBER, SHANGHAI, crashing);
        assertThatThrownBy(() -> beforeTheCrash.credit("a", 20, Reason.ISSUE_RESOLVED, "issue:1", TANXI_GRID_7, 100L, null))
                .isInstanceOf(IllegalStateException.class);
        assertThat(earnings.ranked(Place.community("c-tanxi"), MONTH, 0, 10)).isEmpty();

        assertThat(ledger.earlierCredit("a", "issue:1")).isPresent();
        ledger.credit("a", 20, Reason.ISSUE_RESOLVED, "issue:1", TANXI_GRID_7, 100L, null);

        assertThat(earnings.ranked(Place.community("c-tanxi"), MONTH, 0, 10)).containsExactly(new Total("a", 20, 1));
        assertThat(ledger.balance("a")).isEqualTo(20);
    }

    @Test
    void theBackfillCountsTheLedgerWrittenBeforeTheTotalsOnce() {
        MonthlyEarnings absent = new MonthlyEarnings(mongo) {
            @Override
            void count(LedgerEntry entry) {
                // the ledger as it was written before the totals existed
            }
        };
        Ledger before = new Ledger(mongo, NOVEMBER, SHANGHAI, absent);
        before.credit("a", 20, Reason.ISSUE_RESOLVED, "issue:1", TANXI_GRID_7, null, null);
        before.credit("a", 10, Reason.ACTIVITY, "activity:1:a", TANXI_GRID_7, null, null);
        before.credit("a", 7, Reason.CORRECTION, "correction:1", TANXI_GRID_7, null, null);

        earnings.backfillOnce();
        earnings.backfillOnce();
        ledger.credit("a", 10, Reason.ACTIVITY, "activity:1:a", TANXI_GRID_7, null, null);

        assertThat(earnings.ranked(Place.community("c-tanxi"), MONTH, 0, 10)).containsExactly(new Total("a", 30, 2));
    }
}
