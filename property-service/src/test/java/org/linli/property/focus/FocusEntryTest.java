package org.linli.property.focus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.linli.platform.messaging.PendingEvent;
import org.linli.platform.domain.BusinessRuleViolation;

class FocusEntryTest {

    private static final Instant NOW = Instant.parse("2026-11-21T08:30:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    @Test
    void entersOnlyWhenComplaintsPassTheThresholdAndOnlyOnce() {
        FocusEntry entry = new FocusEntry("c1", "檀溪花园", "/s/c/");

        assertThat(entry.enterIfPast(5, 30, 5, NOW)).isFalse();
        assertThat(entry.enterIfPast(6, 30, 5, NOW)).isTrue();
        assertThat(entry.enterIfPast(7, 30, 5, NOW)).isFalse();

        assertThat(entry.onList()).isTrue();
        assertThat(entry.stays()).singleElement().satisfies(stay -> assertThat(stay.complaints()).isEqualTo(6));
        assertThat(entry.pendingEvents()).extracting(PendingEvent::type).containsExactly("FocusListEntered");
    }

    @Test
    void leavesOnlyWhenAThirdPartyAcceptsTheCompletedPlan() {
        FocusEntry entry = new FocusEntry("c1", "檀溪花园", "/s/c/");
        assertThatThrownBy(() -> entry.plan(List.of(new FocusEntry.PlanItem("x", TODAY, null)), TODAY))
                .isInstanceOfSatisfying(BusinessRuleViolation.class, e -> assertThat(e.code()).isEqualTo("not-on-focus-list"));
        entry.enterIfPast(6, 30, 5, NOW);
        entry.plan(List.of(new FocusEntry.PlanItem("修复3号楼电梯", TODAY.plusDays(10), null),
                new FocusEntry.PlanItem("清理楼道堆物", TODAY.plusDays(5), null)), TODAY);
        entry.complete(0, TODAY.plusDays(3));

        assertThatThrownBy(() -> entry.accept(TODAY.plusDays(4), "第三方评估公司", true, null, TODAY.plusDays(4), NOW))
                .isInstanceOfSatisfying(BusinessRuleViolation.class, e -> assertThat(e.code()).isEqualTo("plan-not-complete"));
        entry.complete(1, TODAY.plusDays(4));
        entry.accept(TODAY.plusDays(6), "第三方评估公司", false, "report/1.pdf", TODAY.plusDays(6), NOW);
        assertThat(entry.onList()).isTrue();
        entry.supervise("resident-1", "王监督", "已整改完毕", null, true, NOW);
        entry.accept(TODAY.plusDays(9), "第三方评估公司", true, "report/2.pdf", TODAY.plusDays(9), NOW);

        assertThat(entry.onList()).isFalse();
        assertThat(entry.stays().get(0).acceptances()).extracting(FocusEntry.Acceptance::passed).containsExactly(false, true);
        assertThat(entry.stays().get(0).leftOn()).isEqualTo(TODAY.plusDays(9));
        assertThat(entry.pendingEvents()).extracting(PendingEvent::type)
                .containsExactly("FocusListEntered", "FocusListLeft");
        assertThat(entry.enterIfPast(6, 30, 5, NOW)).isTrue();
        assertThat(entry.stays()).hasSize(2);
    }

    @Test
    void aPassingAcceptanceNeedsASupervisorsSignOffFiledSinceTheLastAcceptance() {
        FocusEntry entry = new FocusEntry("c1", "檀溪花园", "/s/c/");
        entry.enterIfPast(6, 30, 5, NOW);
        entry.plan(List.of(new FocusEntry.PlanItem("修复3号楼电梯", TODAY.plusDays(10), null)), TODAY);
        entry.supervise("resident-1", "王监督", "电梯仍未修复", 0, false, NOW);
        assertThatThrownBy(() -> entry.supervise("resident-1", "王监督", "确认", null, true, NOW))
                .isInstanceOfSatisfying(BusinessRuleViolation.class, e -> assertThat(e.code()).isEqualTo("plan-not-complete"));
        assertThatThrownBy(() -> entry.supervise("resident-1", "王监督", "第二项", 1, false, NOW))
                .isInstanceOfSatisfying(BusinessRuleViolation.class, e -> assertThat(e.code()).isEqualTo("unknown-plan-item"));
        entry.complete(0, TODAY.plusDays(2));

        assertThatThrownBy(() -> entry.accept(TODAY.plusDays(3), "第三方评估公司", true, null, TODAY.plusDays(3), NOW))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                        e -> assertThat(e.code()).isEqualTo("supervisor-sign-off-missing"));
        entry.supervise("resident-1", "王监督", "电梯已修复，确认整改完成", null, true, NOW);
        entry.accept(TODAY.plusDays(3), "第三方评估公司", false, "report/1.pdf", TODAY.plusDays(3), NOW);
        assertThatThrownBy(() -> entry.accept(TODAY.plusDays(4), "第三方评估公司", true, null, TODAY.plusDays(4), NOW))
                .as("the sign-off before the failed acceptance does not count for the next one")
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                        e -> assertThat(e.code()).isEqualTo("supervisor-sign-off-missing"));
        entry.supervise("resident-2", "李监督", "复查合格", null, true, NOW);
        entry.accept(TODAY.plusDays(5), "第三方评估公司", true, "report/2.pdf", TODAY.plusDays(5), NOW);

        assertThat(entry.onList()).isFalse();
        assertThat(entry.stays().get(0).supervision()).extracting(FocusEntry.SupervisionRecord::round)
                .containsExactly(0, 0, 1);
    }
}
