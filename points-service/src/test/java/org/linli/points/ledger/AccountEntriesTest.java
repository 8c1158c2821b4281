package org.linli.points.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.linli.platform.web.Caller;
import org.linli.points.ledger.LedgerEntry.Context;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.mongodb.core.MongoTemplate;

/** An account's entries page newest first, counted from the ledger's head, on a real store without Spring. */
class AccountEntriesTest {

    private final MongoTemplate mongo = StoreForTests.freshDatabase();
    private final Ledger ledger = new Ledger(mongo, Clock.fixed(Instant.parse("2026-11-21T02:00:00Z"), ZoneOffset.UTC),
            ZoneId.of("Asia/Shanghai"));
    private final Accounts accounts = new Accounts(mongo, ledger);
    private final Caller holder = new Caller("a", "volunteer", Set.of("RESIDENT"), null, null, null);

    @Test
    void pagesTheEntriesNewestFirstWithTheirCountAndAnEmptyPagePastTheEnd() {
        for (int i = 1; i <= 45; i++) {
            ledger.credit("a", i, Reason.CORRECTION, "correction:" + i, Context.NONE, null, null);
        }
        ledger.credit("b", 7, Reason.CORRECTION, "correction:b", Context.NONE, null, null);

        Page<LedgerEntry> first = accounts.entries(holder, "a", PageRequest.of(0, 20));
        Page<LedgerEntry> last = accounts.entries(holder, "a", PageRequest.of(2, 20));

        assertThat(first.getContent()).extracting(LedgerEntry::sequence).startsWith(45L, 44L).endsWith(26L).hasSize(20);
        assertThat(first.getTotalElements()).isEqualTo(45);
        assertThat(first.getTotalPages()).isEqualTo(3);
        assertThat(last.getContent()).extracting(LedgerEntry::sequence).containsExactly(5L, 4L, 3L, 2L, 1L);
        assertThat(last.getContent()).extracting(LedgerEntry::amount).containsExactly(5L, 4L, 3L, 2L, 1L);
        assertThat(accounts.entries(holder, "a", PageRequest.of(3, 20)).getContent()).isEmpty();
        assertThat(accounts.entries(new Caller("c", "other", Set.of("RESIDENT"), null, null, null), "c",
                PageRequest.of(0, 20)).getTotalElements()).isZero();
    }
}
