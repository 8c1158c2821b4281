package org.linli.points.honour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.linli.platform.domain.BusinessRuleViolation;

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
    void aRulesEntryHoldsTheRulesKeyForThePersonUntilItIsLiftedAndAnAdminsHoldsNone() {
        BlackListEntry byRule = BlackListEntry.listByRule(BlackListEntry.NO_SHOW_RULE, "a", "3次未到场", List.of(),
                FROM, UNTIL, "c1", "/s/c1/");
        assertThat(byRule.ruleKey()).isEqualTo("rule:no-shows/a");
        assertThat(byRule.listedBy()).isEqualTo(BlackListEntry.NO_SHOW_RULE);
        assertThat(entry().ruleKey()).isNull();

        byRule.lift("admin", FROM.plusSeconds(60));
        assertThat(byRule.ruleKey()).isNull();

        BlackListEntry appealed = BlackListEntry.listByRule(BlackListEntry.NO_SHOW_RULE, "a", "3次未到场", List.of(),
                FROM, UNTIL, "c1", "/s/c1/");
        appealed.appeal("加班", FROM.plusSeconds(60));
        appealed.decideAppeal(true, "属实", "admin", FROM.plusSeconds(120));
        assertThat(appealed.ruleKey()).isNull();
    }

    @Test
    void refusesAnExpiryBeforeTheStart() {
        assertThatThrownBy(() -> BlackListEntry.list("a", "x", List.of(), UNTIL, FROM, "c1", "/s/c1/", "admin"))
                .isInstanceOf(BusinessRuleViolation.class).hasFieldOrPropertyWithValue("code", "invalid-expiry");
    }

    @Test
    void theListedPersonAppealsOnceAndAGrantedAppealLiftsTheEntry() {
        BlackListEntry entry = entry();
        entry.appeal("那天在医院，有病历", FROM.plusSeconds(60));

        assertThatThrownBy(() -> entry.appeal("again", FROM.plusSeconds(120)))
                .isInstanceOf(BusinessRuleViolation.class).hasFieldOrPropertyWithValue("code", "already-appealed");
        entry.decideAppeal(true, "情况属实", "admin", FROM.plusSeconds(180));

        assertThat(entry.appealState()).isEqualTo(BlackListEntry.AppealState.GRANTED);
        assertThat(entry.activeAt(FROM.plusSeconds(240))).isFalse();
        assertThat(entry.appeal().decidedBy()).isEqualTo("admin");
        assertThatThrownBy(() -> entry.decideAppeal(false, null, "admin", FROM.plusSeconds(300)))
                .isInstanceOf(BusinessRuleViolation.class).hasFieldOrPropertyWithValue("code", "appeal-decided");
    }

    @Test
    void aRejectedAppealKeepsTheEntryAndNoDecisionComesWithoutAnAppeal() {
        BlackListEntry entry = entry();
        assertThatThrownBy(() -> entry.decideAppeal(true, null, "admin", FROM.plusSeconds(60)))
                .isInstanceOf(BusinessRuleViolation.class).hasFieldOrPropertyWithValue("code", "no-appeal");
        entry.appeal("不服", FROM.plusSeconds(60));

        entry.decideAppeal(false, "有监控为证", "admin", FROM.plusSeconds(120));

        assertThat(entry.appealState()).isEqualTo(BlackListEntry.AppealState.REJECTED);
        assertThat(entry.activeAt(FROM.plusSeconds(180))).isTrue();
        assertThatThrownBy(() -> entry().appeal("late", UNTIL))
                .isInstanceOf(BusinessRuleViolation.class).hasFieldOrPropertyWithValue("code", "not-in-force");
    }
}
