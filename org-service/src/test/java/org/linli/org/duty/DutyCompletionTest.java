package org.linli.org.duty;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.linli.org.duty.DutyCompletion.Done;
import org.linli.org.duty.DutyCompletion.HolderCompletion;
import org.linli.org.duty.DutyCompletion.ItemCompletion;

class DutyCompletionTest {

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    private static final YearMonth DECEMBER = YearMonth.of(2026, 12);
    private static final List<DutyItem> ITEMS = List.of(
            new DutyItem("SUPERVISE_SANITATION", "监督环境卫生", 4, DutyPeriod.MONTH),
            new DutyItem("HELP_LIVELIHOOD", "帮助服务民生", 2, DutyPeriod.MONTH),
            new DutyItem("HELP_DISPUTES", "帮解邻里纠纷", 1, DutyPeriod.QUARTER));

    private static Done done(String kind, YearMonth month) {
        return new Done(DutyRole.ALLEY_CHIEF, kind, month);
    }

    private static List<Done> times(int n, String kind, YearMonth month) {
        return java.util.Collections.nCopies(n, done(kind, month));
    }

    @Test
    void countsDoneAgainstRequiredPerKindCappingWhatGoesBeyond() {
        List<Done> done = new java.util.ArrayList<>(times(6, "SUPERVISE_SANITATION", NOVEMBER));
        done.add(done("HELP_LIVELIHOOD", NOVEMBER));
        done.add(done("HELP_LIVELIHOOD", OCTOBER)); // another month
        done.add(new Done(DutyRole.GRID_WORKER, "HELP_LIVELIHOOD", NOVEMBER)); // another role

        HolderCompletion completion = DutyCompletion.of(DutyRole.ALLEY_CHIEF, ITEMS, done, NOVEMBER, NOVEMBER);

        assertThat(completion.items()).extracting(ItemCompletion::done).containsExactly(6, 1, 0);
        assertThat(completion.items()).extracting(ItemCompletion::percent).containsExactly(100, 50, 0);
        assertThat(completion.required()).isEqualTo(7);
        assertThat(completion.done()).isEqualTo(5); // 4 + 1 + 0: the two extra inspections make up for nothing
        assertThat(completion.percent()).isEqualTo(71);
        assertThat(completion.complete()).isFalse();
    }

    @Test
    void aMonthIsOverdueOnceItHasEndedShortAndAQuarterOnlyAtItsEnd() {
        List<Done> done = times(4, "SUPERVISE_SANITATION", OCTOBER);

        HolderCompletion october = DutyCompletion.of(DutyRole.ALLEY_CHIEF, ITEMS, done, OCTOBER, NOVEMBER);
        HolderCompletion current = DutyCompletion.of(DutyRole.ALLEY_CHIEF, ITEMS, done, NOVEMBER, NOVEMBER);
        HolderCompletion quarterEnd = DutyCompletion.of(DutyRole.ALLEY_CHIEF, ITEMS, done, DECEMBER,
                DECEMBER.plusMonths(1));

        assertThat(october.items()).extracting(ItemCompletion::overdue).containsExactly(false, true, false);
        assertThat(october.overdue()).isTrue();
        assertThat(current.overdue()).isFalse(); // November is still running
        assertThat(quarterEnd.items()).extracting(ItemCompletion::overdue).containsExactly(true, true, true);
        assertThat(quarterEnd.items().get(2).periodFrom()).isEqualTo(OCTOBER);
        assertThat(quarterEnd.items().get(2).periodTo()).isEqualTo(DECEMBER);
    }

    @Test
    void aQuarterlyItemCountsTheQuarterUpToTheMonth() {
        List<Done> done = List.of(done("HELP_DISPUTES", OCTOBER), done("HELP_DISPUTES", DECEMBER));

        assertThat(DutyCompletion.of(DutyRole.ALLEY_CHIEF, ITEMS, done, NOVEMBER, DECEMBER).items().get(2).done())
                .isEqualTo(1);
        assertThat(DutyCompletion.of(DutyRole.ALLEY_CHIEF, ITEMS, done, YearMonth.of(2027, 1), YearMonth.of(2027, 1))
                .items().get(2).done()).isZero();
    }

    @Test
    void aUnitAveragesItsHoldersAndCountsTheFullyCompleteAndTheOverdue() {
        List<Done> all = new java.util.ArrayList<>(times(4, "SUPERVISE_SANITATION", OCTOBER));
        all.addAll(times(2, "HELP_LIVELIHOOD", OCTOBER));
        all.add(done("HELP_DISPUTES", OCTOBER));
        HolderCompletion full = DutyCompletion.of(DutyRole.ALLEY_CHIEF, ITEMS, all, OCTOBER, NOVEMBER);
        HolderCompletion none = DutyCompletion.of(DutyRole.ALLEY_CHIEF, ITEMS, List.of(), OCTOBER, NOVEMBER);
        HolderCompletion half = DutyCompletion.of(DutyRole.ALLEY_CHIEF, ITEMS,
                times(2, "SUPERVISE_SANITATION", OCTOBER), OCTOBER, NOVEMBER);

        assertThat(full.percent()).isEqualTo(100);
        assertThat(half.percent()).isEqualTo(28);
        assertThat(DutyCompletion.summary(List.of(full, none, half)))
                .isEqualTo(new DutyCompletion.Summary(3, 42, 1, 2));
        assertThat(DutyCompletion.summary(List.of())).isEqualTo(new DutyCompletion.Summary(0, 0, 0, 0));
        HolderCompletion nothingDue = DutyCompletion.of(DutyRole.ALLEY_CHIEF, List.of(), List.of(), OCTOBER, NOVEMBER);
        assertThat(nothingDue.percent()).isZero();
        assertThat(nothingDue.complete()).isFalse();
    }
}
