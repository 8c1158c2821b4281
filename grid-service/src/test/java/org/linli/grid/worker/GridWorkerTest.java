package org.linli.grid.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.linli.grid.worker.Workers.NOV_1;
import static org.linli.grid.worker.Workers.NOW;

import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.linli.events.grid.GridWorkerAppointed;
import org.linli.events.grid.GridWorkerReplaced;
import org.linli.platform.messaging.PendingEvent;
import org.linli.platform.domain.BusinessRuleViolation;

class GridWorkerTest {

    @Test
    void anAppointmentIsActiveHoldsItsGridsSlotAndRecordsAnEventWithoutNameOrPhone() {
        GridWorker worker = Workers.worker(WorkerRole.GRID_WORKER, NOV_1);

        assertThat(worker.status()).isEqualTo(GridWorker.Status.ACTIVE);
        assertThat(worker.to()).isNull();
        assertThat(worker.communityPath()).isEqualTo("/street-1/community-1/");
        assertThat(worker.pendingEvents()).hasSize(1);
        String payload = worker.pendingEvents().get(0).payload();
        assertThat(payload).doesNotContain("王红").doesNotContain("13812345678");
        assertThat(new GridWorkerAppointed(worker.id(), "grid-1", "GRID_WORKER", "PARTY_MEMBER", true, NOV_1, null).type())
                .isEqualTo("GridWorkerAppointed");
    }

    @Test
    void endingKeepsTheAppointmentAsHistoryAndCannotHappenTwiceOrBeforeTheFirstDay() {
        GridWorker worker = Workers.worker(WorkerRole.GRID_WORKER, NOV_1);

        assertThatThrownBy(() -> worker.end(NOV_1.minusDays(1), NOW))
                .isInstanceOfSatisfying(BusinessRuleViolation.class, e -> assertThat(e.code()).isEqualTo("invalid-end-date"));
        worker.end(LocalDate.of(2026, 11, 15), NOW);

        assertThat(worker.status()).isEqualTo(GridWorker.Status.ENDED);
        assertThat(worker.to()).isEqualTo(LocalDate.of(2026, 11, 15));
        assertThat(worker.activeDaysIn(YearMonth.of(2026, 11))).isEqualTo(15);
        assertThatThrownBy(() -> worker.end(LocalDate.of(2026, 11, 20), NOW))
                .isInstanceOfSatisfying(BusinessRuleViolation.class, e -> assertThat(e.code()).isEqualTo("appointment-ended"));
    }

    @Test
    void aReinstatedAppointmentIsActiveAgainAndHoldsItsSlot() {
        GridWorker worker = Workers.worker(WorkerRole.GRID_WORKER, NOV_1);
        worker.end(LocalDate.of(2026, 11, 15), NOW);

        worker.reinstate(NOW);

        assertThat(worker.active()).isTrue();
        assertThat(worker.to()).isNull();
        assertThat(worker.activeDaysIn(YearMonth.of(2026, 11))).isEqualTo(30);
        assertThatThrownBy(() -> worker.reinstate(NOW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aReplacementEndsTheDayBeforeAndTheSuccessorRecordsAppointedAndReplaced() {
        GridWorker worker = Workers.worker(WorkerRole.ALLEY_CHIEF, NOV_1);

        GridWorker successor = worker.replaceWith(Workers.micro(320), Workers.person("李明"), LocalDate.of(2026, 12, 1), NOW);

        assertThat(worker.to()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(worker.active()).isFalse();
        assertThat(successor.active()).isTrue();
        assertThat(successor.role()).isEqualTo(WorkerRole.ALLEY_CHIEF);
        assertThat(successor.from()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(successor.pendingEvents()).extracting(PendingEvent::type)
                .containsExactly("GridWorkerAppointed", "GridWorkerReplaced");
        assertThat(successor.pendingEvents().get(1).payload()).contains(worker.id()).contains("2026-12-01");
        assertThat(worker.pendingEvents()).hasSize(1);
        assertThat(new GridWorkerReplaced(worker.id(), successor.id(), "grid-1", "ALLEY_CHIEF", LocalDate.of(2026, 12, 1))
                .type()).isEqualTo("GridWorkerReplaced");
    }

    @Test
    void assessmentScoresLieBetweenZeroAndOneHundredOncePerPeriodAndReplaceMarksTheAppointment() {
        GridWorker worker = Workers.worker(WorkerRole.GRID_WORKER, NOV_1);

        assertThatThrownBy(() -> worker.assess("2026-Q3", -1, AssessmentOutcome.RETAIN, null, NOW))
                .isInstanceOfSatisfying(BusinessRuleViolation.class, e -> assertThat(e.code()).isEqualTo("invalid-score"));
        assertThatThrownBy(() -> worker.assess("2026-Q3", 101, AssessmentOutcome.RETAIN, null, NOW))
                .isInstanceOfSatisfying(BusinessRuleViolation.class, e -> assertThat(e.code()).isEqualTo("invalid-score"));
        worker.assess("2026-Q2", 0, AssessmentOutcome.RETAIN, null, NOW);
        worker.assess("2026-Q3", 100, AssessmentOutcome.REWARD, "入户走访全覆盖", NOW);
        assertThat(worker.replacementDue()).isFalse();
        assertThatThrownBy(() -> worker.assess("2026-Q3", 90, AssessmentOutcome.RETAIN, null, NOW))
                .isInstanceOfSatisfying(BusinessRuleViolation.class, e -> assertThat(e.code()).isEqualTo("already-assessed"));

        worker.assess("2026-Q4", 40, AssessmentOutcome.REPLACE, null, NOW);

        assertThat(worker.replacementDue()).isTrue();
        assertThat(worker.assessments()).extracting(GridWorker.Assessment::period)
                .containsExactly("2026-Q2", "2026-Q3", "2026-Q4");
    }

    @Test
    void onlyAlleyChiefsAreRatedAndOnlyOnceAYear() {
        GridWorker gridWorker = Workers.worker(WorkerRole.GRID_WORKER, NOV_1);
        GridWorker alleyChief = Workers.worker(WorkerRole.ALLEY_CHIEF, NOV_1);

        assertThatThrownBy(() -> gridWorker.rate(Year.of(2026), AnnualRating.EXCELLENT, NOW))
                .isInstanceOfSatisfying(BusinessRuleViolation.class, e -> assertThat(e.code()).isEqualTo("not-an-alley-chief"));
        alleyChief.rate(Year.of(2025), AnnualRating.EXCELLENT, NOW);
        alleyChief.rate(Year.of(2026), AnnualRating.COMPETENT, NOW);
        assertThatThrownBy(() -> alleyChief.rate(Year.of(2026), AnnualRating.EXCELLENT, NOW))
                .isInstanceOfSatisfying(BusinessRuleViolation.class, e -> assertThat(e.code()).isEqualTo("already-rated"));
        assertThat(alleyChief.replacementDue()).isFalse();
        assertThat(alleyChief.ratings()).extracting(GridWorker.Rating::rating)
                .containsExactly(AnnualRating.EXCELLENT, AnnualRating.COMPETENT);
    }

    @Test
    void anIncompetentAlleyChiefIsDueForReplacement() {
        GridWorker alleyChief = Workers.worker(WorkerRole.ALLEY_CHIEF, NOV_1);

        alleyChief.rate(Year.of(2026), AnnualRating.INCOMPETENT, NOW);

        assertThat(alleyChief.replacementDue()).isTrue();
    }

    @Test
    void emergencyDaysFitTheMonthAndTheAppointmentAndALaterFigureReplacesAnEarlierOne() {
        GridWorker worker = Workers.worker(WorkerRole.GRID_WORKER, NOV_1);

        assertThatThrownBy(() -> worker.recordEmergencyDays(YearMonth.of(2026, 11), 31, NOW))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                        e -> assertThat(e.code()).isEqualTo("invalid-emergency-days"));
        assertThatThrownBy(() -> worker.recordEmergencyDays(YearMonth.of(2026, 10), 2, NOW))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                        e -> assertThat(e.code()).isEqualTo("not-serving-in-month"));
        worker.recordEmergencyDays(YearMonth.of(2026, 11), 2, NOW);
        worker.recordEmergencyDays(YearMonth.of(2026, 11), 3, NOW);

        assertThat(worker.emergencyDaysIn(YearMonth.of(2026, 11))).isEqualTo(3);
        assertThat(worker.emergencyDaysIn(YearMonth.of(2026, 12))).isZero();
    }

    @Test
    void thePhoneIsMaskedAndNeverInTheAppointeesText() {
        GridWorker worker = Workers.worker(WorkerRole.GRID_WORKER, NOV_1);

        assertThat(worker.maskedPhone()).isEqualTo("138****5678");
        assertThat(Workers.person("王红").toString()).doesNotContain("13812345678").contains("138****5678");
        assertThatThrownBy(() -> Workers.person(" "))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                        e -> assertThat(e.code()).isEqualTo("invalid-person-name"));
    }
}
