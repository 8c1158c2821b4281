package org.linli.org.dualregistration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PatrolDutyTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);

    private static PatrolDuty weekly(LocalDate startsOn, LocalDate endsOn, PatrolDuty.Patrol... patrols) {
        Map<String, PatrolDuty.Patrol> byNumber = new java.util.HashMap<>();
        for (PatrolDuty.Patrol patrol : patrols) {
            byNumber.put(String.valueOf(patrol.number()), patrol);
        }
        return new PatrolDuty("a1", "unit-1", "c1", "老棉纺厂小区", "community-a", startsOn, endsOn, 7, byNumber);
    }

    private static PatrolDuty.Patrol patrol(int number, LocalDate on) {
        return new PatrolDuty.Patrol(number, on, false);
    }

    @Test
    void aPatrolFallsDueEveryDaysAfterTheStartUpToTodayIncluded() {
        PatrolDuty duty = weekly(TODAY.minusDays(21), TODAY.plusYears(1));
        assertThat(duty.dueIn(2026, TODAY)).as("due on day 7, 14 and 21 (today)").isEqualTo(3);
        assertThat(duty.dueIn(2026, TODAY.minusDays(1))).isEqualTo(2);
        assertThat(duty.dueIn(2026, TODAY.minusDays(21))).as("nothing is due on the first day").isZero();
    }

    @Test
    void dueAndDonePatrolsAreCountedPerYearAcrossTheTurnOfTheYear() {
        PatrolDuty duty = weekly(LocalDate.of(2025, 12, 20), LocalDate.of(2026, 12, 19),
                patrol(1, LocalDate.of(2025, 12, 26)), patrol(2, LocalDate.of(2026, 1, 2)));
        assertThat(duty.dueIn(2025, TODAY)).as("Dec 27").isEqualTo(1);
        assertThat(duty.dueIn(2026, TODAY)).as("Jan 3 to Dec 5, 7 days apart").isEqualTo(49);
        assertThat(duty.doneIn(2025)).isEqualTo(1);
        assertThat(duty.doneIn(2026)).isEqualTo(1);
        assertThat(duty.dueIn(2026, LocalDate.of(2027, 6, 1))).as("none after the assignment's end").isEqualTo(51);
    }

    @Test
    void overdueWhileInForceOnceTheLastPatrolIsMoreThanEveryDaysAgo() {
        assertThat(weekly(TODAY.minusDays(7), TODAY.plusDays(30)).overdueOn(TODAY)).isFalse();
        assertThat(weekly(TODAY.minusDays(8), TODAY.plusDays(30)).overdueOn(TODAY)).isTrue();
        assertThat(weekly(TODAY.minusDays(30), TODAY.plusDays(30), patrol(1, TODAY.minusDays(2))).overdueOn(TODAY))
                .isFalse();
        assertThat(weekly(TODAY.minusDays(30), TODAY.minusDays(1)).overdueOn(TODAY)).as("ended").isFalse();
    }

    @Test
    void aUnitsDutyIsSummedPerYearNewestFirstIgnoringAPatrolWhoseAssignmentIsNotKnownYet() {
        PatrolDuty current = weekly(TODAY.minusDays(14), TODAY.plusYears(1), patrol(1, TODAY.minusDays(6)));
        PatrolDuty overdue = weekly(LocalDate.of(2025, 6, 1), LocalDate.of(2026, 5, 31).plusMonths(7),
                patrol(1, LocalDate.of(2025, 6, 8)));
        PatrolDuty unknown = new PatrolDuty("a3", "unit-1", "c3", null, null, null, null, 0,
                Map.of("1", patrol(1, TODAY)));

        List<PatrolDuty.Year> years = PatrolDuty.byYear(List.of(current, overdue, unknown), TODAY);

        assertThat(years).extracting(PatrolDuty.Year::year).containsExactly(2026, 2025);
        PatrolDuty.Year thisYear = years.get(0);
        assertThat(thisYear.assignments()).isEqualTo(2);
        assertThat(thisYear.patrolsDone()).isEqualTo(1);
        assertThat(thisYear.patrolsDue()).isEqualTo(2 + overdue.dueIn(2026, TODAY));
        assertThat(thisYear.overdueAssignments()).isEqualTo(1);
        assertThat(years.get(1)).isEqualTo(new PatrolDuty.Year(2025, 1, 1, overdue.dueIn(2025, TODAY), 0));
        assertThat(overdue.dueIn(2025, TODAY)).as("Jun 8 to Dec 28").isEqualTo(30);
    }
}
