package org.linli.points.honour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.linli.platform.web.BusinessRuleViolation;

class BlackListEntryTest {

    private static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant UNTIL = Instant.parse("2026-12-01T00:00:00Z");

    private static BlackListEntry entry() {
        return BlackListEntry.list("a", "高空抛物", List.of("监控截图"), FROM, UNTIL, "c1", "/s/c1/", "admin");
    }

    @Test
    void blocksEarningFromItsStartUntilItExpires() {
        BlackListEntry entry = entry();
        assertThat(entry.activeAt(FROM.minusSeconds(1))).isFalse();
        assertThat(entry.activeAt(FROM)).isTrue();
        assertThat(entry.activeAt(UNTIL.minusSeconds(1))).isTrue();
        assertThat(entry.activeAt(UNTIL)).isFalse();
    }

    @Test
    void aLiftedEntryNoLongerBlocksAndCannotBeLiftedTwiceOrAfterExpiry() {
        BlackListEntry entry = entry();
        entry.lift("admin", FROM.plusSeconds(60));
        assertThat(entry.activeAt(FROM.plusSeconds(120))).isFalse();
        assertThatThrownBy(() -> entry.lift("admin", FROM.plusSeconds(180)))
                .isInstanceOf(BusinessRuleViolation.class).hasFieldOrPropertyWithValue("code", "already-lifted");
        assertThatThrownBy(() -> entry().lift("admin", UNTIL))
                .isInstanceOf(BusinessRuleViolation.class).hasFieldOrPropertyWithValue("code", "already-expired");
    }

    @Test
    void refusesAnExpiryBeforeTheStart() {
        assertThatThrownBy(() -> BlackListEntry.list("a", "x", List.of(), UNTIL, FROM, "c1", "/s/c1/", "admin"))
                .isInstanceOf(BusinessRuleViolation.class).hasFieldOrPropertyWithValue("code", "invalid-expiry");
    }
}
