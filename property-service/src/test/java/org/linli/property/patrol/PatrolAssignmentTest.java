package org.linli.property.patrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.linli.platform.messaging.PendingEvent;
import org.linli.platform.domain.BusinessRuleViolation;

class PatrolAssignmentTest {

    private static final Instant NOW = Instant.parse("2026-11-21T08:30:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    private static final PatrolAssignment.Target COMPOUND = new PatrolAssignment.Target("c1", "老旧小区", "c", "/s/c/");

    private static PatrolAssignment weekly(LocalDate startsOn) {
        return PatrolAssignment.assign(COMPOUND, "unit-1", "县住建局", startsOn, startsOn.plusYears(1), 7, TODAY,
                "admin", NOW);
    }

    @Test
    void aPatrolIsDueEveryDaysAfterTheLastOneAndOverdueTheDayAfter() {
        PatrolAssignment assignment = weekly(TODAY);
        assertThat(assignment.nextPatrolDueOn()).isEqualTo(TODAY.plusDays(7));
        assertThat(assignment.overdueOn(TODAY.plusDays(7))).isFalse();
        assertThat(assignment.overdueOn(TODAY.plusDays(8))).isTrue();

        assignment.recordPatrol(TODAY.plusDays(6), "张三、李四", "楼道堆物未清", true, "admin", TODAY.plusDays(9), NOW);
        assertThat(assignment.lastPatrolledOn()).isEqualTo(TODAY.plusDays(6));
        assertThat(assignment.nextPatrolDueOn()).isEqualTo(TODAY.plusDays(13));
        assertThat(assignment.overdueOn(TODAY.plusDays(9))).isFalse();
        assertThat(assignment.overdueOn(TODAY.plusDays(14))).isTrue();
    }

    @Test
    void assigningAndEachPatrolRecordAnEventWithoutTheFindingsOrThePatrollers() {
        PatrolAssignment assignment = weekly(TODAY.minusDays(3));
        assignment.recordPatrol(TODAY, "张三、李四", "楼道堆物未清", true, "admin", TODAY, NOW);

        assertThat(assignment.pendingEvents()).extracting(PendingEvent::type)
                .containsExactly("PatrolAssignmentStarted", "PatrolRecorded");
        assertThat(assignment.pendingEvents()).extracting(PendingEvent::aggregateVersion).containsExactly(1L, 2L);
        String started = assignment.pendingEvents().get(0).payload();
        assertThat(started).contains("\"communityUnitId\":\"c\"", "\"everyDays\":7", "\"unitId\":\"unit-1\"");
        String recorded = assignment.pendingEvents().get(1).payload();
        assertThat(recorded).contains("\"patrolNumber\":1", "\"problemsFound\":true", "\"patrolledOn\":\"" + TODAY)
                .doesNotContain("张三", "楼道堆物未清");
    }

    @Test
    void anAssignmentNotInForceIsNeverOverdue() {
        PatrolAssignment future = weekly(TODAY.plusDays(30));
        assertThat(future.overdueOn(TODAY)).isFalse();
        assertThat(future.overdueOn(TODAY.plusYears(2))).as("after its end").isFalse();
    }

    @Test
    void refusesABadPeriodFrequencyOrPatrolDay() {
        assertThatThrownBy(() -> PatrolAssignment.assign(COMPOUND, "unit-1", "县住建局", TODAY, TODAY.minusDays(1), 7,
                TODAY, "admin", NOW)).isInstanceOfSatisfying(BusinessRuleViolation.class,
                e -> assertThat(e.code()).isEqualTo("invalid-assignment-period"));
        assertThatThrownBy(() -> PatrolAssignment.assign(COMPOUND, "unit-1", "县住建局", TODAY, TODAY.plusDays(1), 0,
                TODAY, "admin", NOW)).isInstanceOfSatisfying(BusinessRuleViolation.class,
                e -> assertThat(e.code()).isEqualTo("invalid-patrol-frequency"));
        PatrolAssignment assignment = weekly(TODAY);
        assertThatThrownBy(() -> assignment.recordPatrol(TODAY.plusDays(1), "张三", "无", false, "admin", TODAY, NOW))
                .isInstanceOfSatisfying(BusinessRuleViolation.class, e -> assertThat(e.code()).isEqualTo("patrol-in-future"));
        assertThatThrownBy(() -> assignment.recordPatrol(TODAY.minusDays(1), "张三", "无", false, "admin", TODAY, NOW))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                        e -> assertThat(e.code()).isEqualTo("patrol-outside-assignment"));
    }

    @Test
    void periodsThatShareADayOverlap() {
        PatrolAssignment assignment = PatrolAssignment.assign(COMPOUND, "unit-1", "县住建局", TODAY, TODAY.plusDays(10), 7,
                TODAY, "admin", NOW);
        assertThat(assignment.overlaps(TODAY.plusDays(10), TODAY.plusDays(20))).isTrue();
        assertThat(assignment.overlaps(TODAY.plusDays(11), TODAY.plusDays(20))).isFalse();
        assertThat(assignment.overlaps(TODAY.minusDays(5), TODAY)).isTrue();
    }
}
