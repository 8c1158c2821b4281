package org.linli.grid.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.linli.grid.worker.Workers.NOV_1;
import static org.linli.grid.worker.Workers.NOW;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.linli.grid.worker.Stipends.Statement;

class StipendTest {

    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    private final Stipends stipends = new Stipends(StipendSettings.defaults());

    @Test
    void theTierFollowsTheResidentPopulationWithInclusiveUpperBounds() {
        StipendSettings settings = StipendSettings.defaults();

        assertThat(settings.monthlyFenFor(0)).isEqualTo(5000);
        assertThat(settings.monthlyFenFor(300)).isEqualTo(5000);
        assertThat(settings.monthlyFenFor(301)).isEqualTo(10000);
        assertThat(settings.monthlyFenFor(800)).isEqualTo(10000);
        assertThat(settings.monthlyFenFor(801)).isEqualTo(15000);
        assertThat(settings.monthlyFenFor(100_000)).isEqualTo(15000);
    }

    @Test
    void aFullMonthPaysTheWholeTierAndEmergencyDaysAtTheDailySubsidy() {
        GridWorker worker = Workers.worker(WorkerRole.GRID_WORKER, NOV_1);
        worker.recordEmergencyDays(NOVEMBER, 3, NOW);

        Statement statement = stipends.statement(worker, "檀溪第一微网格", 801, NOVEMBER);

        assertThat(statement.tierMonthlyFen()).isEqualTo(15000);
        assertThat(statement.activeDays()).isEqualTo(30);
        assertThat(statement.baseFen()).isEqualTo(15000);
        assertThat(statement.emergencyDays()).isEqualTo(3);
        assertThat(statement.emergencyDailyFen()).isEqualTo(6000);
        assertThat(statement.emergencyFen()).isEqualTo(18000);
        assertThat(statement.totalFen()).isEqualTo(33000);
        assertThat(statement.month()).isEqualTo("2026-11");
    }

    @Test
    void aPartialMonthIsProratedByActiveDaysAndRoundedDownToTheFen() {
        GridWorker joined = Workers.worker(WorkerRole.GRID_WORKER, LocalDate.of(2026, 11, 20));
        GridWorker left = Workers.worker(WorkerRole.GRID_WORKER, LocalDate.of(2026, 10, 3));
        left.end(LocalDate.of(2026, 11, 7), NOW);

        // 11 of 30 days: 10000 × 11 / 30 = 3666.67 → 3666
        assertThat(stipends.statement(joined, null, 301, NOVEMBER).baseFen()).isEqualTo(3666);
        // 7 of 30 days at 5000: 1166.67 → 1166
        assertThat(stipends.statement(left, null, 300, NOVEMBER).baseFen()).isEqualTo(1166);
        // October from the 3rd: 29 of 31 days at 5000: 4677.4 → 4677
        assertThat(stipends.statement(left, null, 300, YearMonth.of(2026, 10)).baseFen()).isEqualTo(4677);
        assertThat(stipends.statement(left, null, 300, YearMonth.of(2026, 12)).totalFen()).isZero();
        assertThat(Stipends.prorate(15000, 28, 28)).isEqualTo(15000);
        assertThat(Stipends.prorate(15000, 1, 31)).isEqualTo(483);
    }

    @Test
    void aCommunityTotalIsTheSumOfItsLinesInFen() {
        GridWorker a = Workers.worker(WorkerRole.GRID_WORKER, NOV_1);
        GridWorker b = Workers.worker(WorkerRole.ALLEY_CHIEF, LocalDate.of(2026, 11, 16));
        b.recordEmergencyDays(NOVEMBER, 2, NOW);

        List<Statement> lines = List.of(stipends.statement(a, null, 800, NOVEMBER),
                stipends.statement(b, null, 800, NOVEMBER));

        // 10000 + (10000 × 15 / 30 = 5000) + 2 × 6000
        assertThat(Stipends.totalFen(lines)).isEqualTo(27000);
    }

    @Test
    void settingsAreConfigurableWithinTheAllowedDailyRange() {
        StipendSettings custom = new StipendSettings(List.of(new StipendSettings.Tier(null, 20000),
                new StipendSettings.Tier(500L, 8000)), 8000, 5000, 8000, ZoneId.of("Asia/Shanghai"));

        assertThat(custom.monthlyFenFor(500)).isEqualTo(8000);
        assertThat(custom.monthlyFenFor(501)).isEqualTo(20000);
        assertThat(new Stipends(custom).statement(emergency(1), null, 10, NOVEMBER).emergencyFen()).isEqualTo(8000);
        assertThatThrownBy(() -> new StipendSettings(null, 8001, 5000, 8000, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("8001");
        assertThatThrownBy(() -> new StipendSettings(List.of(new StipendSettings.Tier(300L, 5000)), 6000, 5000, 8000,
                null)).isInstanceOf(IllegalArgumentException.class);
    }

    private static GridWorker emergency(int days) {
        GridWorker worker = Workers.worker(WorkerRole.GRID_WORKER, NOV_1);
        worker.recordEmergencyDays(NOVEMBER, days, NOW);
        return worker;
    }
}
