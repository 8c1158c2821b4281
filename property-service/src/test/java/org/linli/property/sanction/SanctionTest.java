package org.linli.property.sanction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.linli.platform.messaging.PendingEvent;
import org.linli.platform.domain.BusinessRuleViolation;

class SanctionTest {

    private static final Instant NOW = Instant.parse("2026-11-21T08:30:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    private static Sanction yellowCard() {
        return Sanction.issue(SanctionKind.YELLOW_CARD, "company-a", null, null, "连续三个月考评末位",
                List.of("ranking:2026-10"), null, TODAY, 15, "admin", NOW);
    }

    @Test
    void aYellowCardKeepsTheCompanyOnTheCautionListUntilLiftedAndRecordsItsEvent() {
        Sanction card = yellowCard();

        assertThat(card.cautions()).isTrue();
        assertThat(card.appealUntil()).isEqualTo(LocalDate.of(2026, 12, 6));
        assertThat(card.pendingEvents()).extracting(PendingEvent::type).containsExactly("SanctionIssued");
        card.lift(TODAY.plusMonths(3), NOW);

        assertThat(card.cautions()).isFalse();
        assertThat(card.status()).isEqualTo(Sanction.Status.LIFTED);
        assertThatThrownBy(() -> card.lift(TODAY.plusMonths(3), NOW))
                .isInstanceOfSatisfying(BusinessRuleViolation.class, e -> assertThat(e.code()).isEqualTo("not-liftable"));
    }

    @Test
    void anAppealWithinTheWindowUpheldRevokesTheCardAndTheCompanyLeavesTheCautionList() {
        Sanction card = yellowCard();

        card.appeal("检查当日停水，非企业原因", TODAY.plusDays(15), NOW);
        assertThat(card.status()).isEqualTo(Sanction.Status.APPEALED);
        assertThat(card.cautions()).isTrue();
        assertThatThrownBy(() -> card.appeal("again", TODAY.plusDays(15), NOW))
                .isInstanceOfSatisfying(BusinessRuleViolation.class, e -> assertThat(e.code()).isEqualTo("already-appealed"));
        card.decideAppeal(true, "情况属实", TODAY.plusDays(20), NOW);

        assertThat(card.status()).isEqualTo(Sanction.Status.REVOKED);
        assertThat(card.appeal().outcome()).isEqualTo(Sanction.AppealOutcome.UPHELD);
        assertThat(card.cautions()).isFalse();
    }

    @Test
    void anAppealAfterTheWindowIsRefusedAndADismissedAppealKeepsTheSanction() {
        Sanction late = yellowCard();
        assertThatThrownBy(() -> late.appeal("too late", TODAY.plusDays(16), NOW))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                        e -> assertThat(e.code()).isEqualTo("appeal-window-closed"));

        Sanction dismissed = yellowCard();
        dismissed.appeal("不服", TODAY.plusDays(1), NOW);
        dismissed.decideAppeal(false, "证据充分", TODAY.plusDays(5), NOW);
        assertThat(dismissed.status()).isEqualTo(Sanction.Status.IN_FORCE);
        assertThat(dismissed.appeal().outcome()).isEqualTo(Sanction.AppealOutcome.DISMISSED);
        assertThat(dismissed.cautions()).isTrue();
    }

    @Test
    void aSupervisedItemNeedsAFutureDeadlineIsOverdueAfterItAndCanBeResolved() {
        assertThatThrownBy(() -> Sanction.issue(SanctionKind.SUPERVISED_ITEM, "company-a", "compound-1", "/s/c/",
                "电梯故障未修复", List.of(), TODAY, TODAY, 15, "admin", NOW))
                .isInstanceOfSatisfying(BusinessRuleViolation.class, e -> assertThat(e.code()).isEqualTo("invalid-deadline"));
        Sanction item = Sanction.issue(SanctionKind.SUPERVISED_ITEM, "company-a", "compound-1", "/s/c/", "电梯故障未修复",
                List.of("photo/1.jpg"), TODAY.plusDays(10), TODAY, 15, "admin", NOW);

        assertThat(item.overdue(TODAY.plusDays(10))).isFalse();
        assertThat(item.overdue(TODAY.plusDays(11))).isTrue();
        item.resolve(TODAY.plusDays(11), NOW);
        assertThat(item.status()).isEqualTo(Sanction.Status.RESOLVED);
        assertThat(item.overdue(TODAY.plusDays(12))).isFalse();
    }

    @Test
    void anEvictionIsNotIssuedDirectly() {
        assertThatThrownBy(() -> Sanction.issue(SanctionKind.EVICTION, "company-a", "compound-1", "/s/c/", "x",
                List.of(), null, TODAY, 15, "admin", NOW))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                        e -> assertThat(e.code()).isEqualTo("eviction-via-compound"));
    }
}
