package org.linli.points.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.linli.points.ledger.LedgerEntry.Context;
import org.linli.points.ledger.Posting.Outcome;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** The ledger on a real store, without Spring. */
class LedgerTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final MongoTemplate mongo = StoreForTests.freshDatabase();
    private final Ledger ledger = new Ledger(mongo, Clock.fixed(Instant.parse("2026-11-21T02:00:00Z"), ZoneOffset.UTC),
            SHANGHAI);

    @Test
    void aCreditForTheSameReferenceAppliesOnce() {
        assertThat(ledger.credit("a", 20, Reason.ISSUE_RESOLVED, "issue:1", Context.NONE, null, null).outcome())
                .isEqualTo(Outcome.APPLIED);
        Posting again = ledger.credit("a", 20, Reason.ISSUE_RESOLVED, "issue:1", Context.NONE, null, null);

        assertThat(again.outcome()).isEqualTo(Outcome.DUPLICATE);
        assertThat(again.entry().sequence()).isEqualTo(1);
        assertThat(ledger.balance("a")).isEqualTo(20);
    }

    @Test
    void rejectsADebitLargerThanTheBalanceAndWritesNothing() {
        ledger.credit("a", 20, Reason.CORRECTION, "correction:1", Context.NONE, null, null);

        assertThatThrownBy(() -> ledger.debit("a", 21, Reason.REDEMPTION, "redemption:1", Context.NONE, null))
                .isInstanceOf(InsufficientPoints.class).hasFieldOrPropertyWithValue("code", "insufficient-points");
        assertThat(ledger.head("a").sequence()).isEqualTo(1);
    }

    @Test
    void theDailyEarningCapCutsACreditAndThenRefusesButNotRefundsOrCorrections() {
        assertThat(ledger.credit("a", 80, Reason.ACTIVITY, "activity:1:a", Context.NONE, 100L, null).outcome())
                .isEqualTo(Outcome.APPLIED);
        Posting capped = ledger.credit("a", 50, Reason.ACTIVITY, "activity:2:a", Context.NONE, 100L, null);
        assertThat(capped.outcome()).isEqualTo(Outcome.CAPPED);
        assertThat(capped.entry().amount()).isEqualTo(20);
        assertThat(ledger.credit("a", 5, Reason.MICRO_WISH, "micro-wish:1", Context.NONE, 100L, null).outcome())
                .isEqualTo(Outcome.CAP_REACHED);
        assertThat(ledger.credit("a", 5, Reason.REFUND, "refund:1", Context.NONE, null, null).outcome())
                .isEqualTo(Outcome.APPLIED);
        assertThat(ledger.balance("a")).isEqualTo(105);
    }

    @Test
    void concurrentWritersOnOneAccountAreSerialisedWithoutGapsOverdraftOrLostUpdates() throws Exception {
        ledger.credit("a", 500, Reason.CORRECTION, "correction:opening", Context.NONE, null, null);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> debits = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            String reference = "redemption:" + i;
            debits.add(pool.submit(() -> {
                start.await();
                try {
                    ledger.debit("a", 10, Reason.REDEMPTION, reference, Context.NONE, null);
                    return true;
                } catch (InsufficientPoints refused) {
                    return false;
                }
            }));
        }
        start.countDown();
        long succeeded = 0;
        for (Future<Boolean> debit : debits) {
            succeeded += debit.get() ? 1 : 0;
        }
        pool.shutdown();

        assertThat(succeeded).isEqualTo(50);
        List<LedgerEntry> entries = mongo.find(Query.query(Criteria.where("accountId").is("a"))
                .with(Sort.by("sequence")), LedgerEntry.class);
        assertThat(entries).hasSize(51);
        long balance = 0;
        for (int i = 0; i < entries.size(); i++) {
            assertThat(entries.get(i).sequence()).isEqualTo(i + 1);
            balance += entries.get(i).amount();
            assertThat(entries.get(i).balanceAfter()).isEqualTo(balance).isNotNegative();
        }
        assertThat(ledger.balance("a")).isZero();
    }

    @Test
    void aSummaryLeftBehindByACrashIsNeverBelieved() {
        ledger.credit("a", 10, Reason.CORRECTION, "correction:1", Context.NONE, null, null);
        ledger.credit("a", 15, Reason.CORRECTION, "correction:2", Context.NONE, null, null);
        mongo.updateFirst(Query.query(Criteria.where("_id").is("a")),
                new org.springframework.data.mongodb.core.query.Update().set("lastSequence", 1L).set("balance", 10L)
                        .set("day", "2026-11-21").set("earnedThatDay", 0L),
                AccountSummary.class);

        assertThat(ledger.balance("a")).isEqualTo(25);
        assertThat(ledger.credit("a", 5, Reason.CORRECTION, "correction:3", Context.NONE, null, null).entry().sequence())
                .isEqualTo(3);
    }
}
