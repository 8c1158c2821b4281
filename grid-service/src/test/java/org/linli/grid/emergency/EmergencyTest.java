package org.linli.grid.emergency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.linli.grid.emergency.Emergency.Kind;
import org.linli.grid.emergency.Emergency.Outcome;
import org.linli.grid.emergency.Emergency.Phase;
import org.linli.grid.emergency.Emergency.Site;
import org.linli.platform.domain.BusinessRuleViolation;

class EmergencyTest {

    private static final Instant DECLARED = Instant.parse("2026-07-20T02:00:00Z");

    @Test
    void theFirstOnSiteReportMarksTheSiteReachedAndLaterOnesDoNotMoveIt() {
        Emergency flood = flood(site("g1", "w1"), site("g2", null));
        flood.update(Phase.ON_SITE, "g1", "到场", "wang", DECLARED.plusSeconds(240));
        flood.update(Phase.ON_SITE, "g1", "再次到场", "wang", DECLARED.plusSeconds(900));
        assertThat(flood.site("g1").orElseThrow().timeToSite(DECLARED)).isEqualTo(Duration.ofMinutes(4));
        assertThat(flood.site("g2").orElseThrow().onSiteAt()).isNull();
        assertThat(flood.timeline()).extracting(Emergency.TimelineEntry::phase)
                .containsExactly(Phase.DECLARED, Phase.ON_SITE, Phase.ON_SITE);
    }

    @Test
    void closesOnceAndRefusesUpdatesAfterwards() {
        Emergency flood = flood(site("g1", "w1"));
        flood.close(Outcome.RESOLVED, true, null, "admin", DECLARED.plusSeconds(3600));
        assertThat(flood.status()).isEqualTo(Emergency.Status.CLOSED);
        assertThatThrownBy(() -> flood.close(Outcome.RESOLVED, true, null, "admin", DECLARED))
                .isInstanceOf(BusinessRuleViolation.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> flood.update(Phase.HANDLING, null, null, "admin", DECLARED))
                .isInstanceOf(BusinessRuleViolation.class).hasMessageContaining("closed");
        assertThat(flood.pendingEvents()).hasSize(2);
    }

    @Test
    void refusesAnOnSiteReportWithoutItsGridAndAGridNamedTwice() {
        Emergency flood = flood(site("g1", "w1"));
        assertThatThrownBy(() -> flood.update(Phase.ON_SITE, null, null, "wang", DECLARED))
                .isInstanceOf(BusinessRuleViolation.class);
        assertThatThrownBy(() -> flood(site("g1", "w1"), site("g1", "w1")))
                .isInstanceOf(BusinessRuleViolation.class).hasMessageContaining("once");
    }

    @Test
    void onlyASitesCommanderCommandsIt() {
        Emergency flood = flood(site("g1", "w1"), site("g2", null));
        assertThat(flood.commandedBy("account-w1")).isTrue();
        assertThat(flood.commandedBy("account-w2")).isFalse();
        assertThat(flood.commandedBy(null)).isFalse();
    }

    private static Emergency flood(Site... sites) {
        return Emergency.declare(Kind.FLOOD, "暴雨内涝", List.of(sites), null, "admin", DECLARED);
    }

    private static Site site(String gridId, String worker) {
        return new Site(gridId, gridId + "网格", "/l1/" + gridId + "/", "/s/c/", worker,
                worker == null ? null : "王" + worker, worker == null ? null : "account-" + worker, null);
    }
}
