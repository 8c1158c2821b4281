package org.linli.issue.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.issue.issue.Issues.POLICY;
import static org.linli.issue.issue.Issues.T0;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StatisticsTest {

    @Test
    void anOpenOverdueIssueCountsAsLateNotOnlyTheClosedOnes() {
        Issue onTime = Issues.resolvedBy("worker-1");
        onTime.rate(5, true, null, "resident-1", POLICY, T0.plusSeconds(1000));
        Issue stillOpen = Issues.dispatchedToGridWorker();
        Issue rejected = Issues.dispatchedToGridWorker();
        rejected.reject("不属于受理范围", "admin", T0);
        Instant now = T0.plus(Duration.ofHours(2));

        IssueStatistics.Figures figures = FigureCounts.of(rows(onTime, stillOpen, rejected)).figures(T0, now, now);

        assertThat(figures.total()).isEqualTo(3);
        assertThat(figures.byStatus()).containsEntry(IssueStatus.CLOSED, 1).containsEntry(IssueStatus.DISPATCHED, 1)
                .containsEntry(IssueStatus.REJECTED, 1);
        assertThat(figures.onTimeOnSiteRate()).isEqualTo(0.5);
        assertThat(figures.onTimeSolutionRate()).isEqualTo(0.5);
        assertThat(figures.openOverdue()).isEqualTo(1);
        assertThat(figures.averageHandlingMinutes()).isEqualTo(15);
        assertThat(figures.averageRating()).isEqualTo(5.0);
        assertThat(figures.satisfiedShare()).isEqualTo(1.0);
    }

    @Test
    void nothingDecidedYetGivesNoRate() {
        Issue fresh = Issues.dispatchedToGridWorker();
        IssueStatistics.Figures figures = FigureCounts.of(rows(fresh)).figures(T0, T0, T0.plusSeconds(60));

        assertThat(figures.onTimeOnSiteRate()).isNull();
        assertThat(figures.onTimeSolutionRate()).isNull();
        assertThat(figures.openOverdue()).isZero();
    }

    @Test
    void anOpenIssueTurnsLateWhenItsDeadlinePassesWithoutBeingSaved() {
        FigureCounts counts = FigureCounts.of(rows(Issues.dispatchedToGridWorker()));
        Issue stored = Issues.dispatchedToGridWorker();

        assertThat(counts.figures(T0, T0, stored.onSiteDueAt().minusSeconds(1)).openOverdue()).isZero();
        assertThat(counts.figures(T0, T0, stored.onSiteDueAt().plusSeconds(1)).openOverdue()).isEqualTo(1);
        assertThat(counts.figures(T0, T0, stored.onSiteDueAt().plusSeconds(1)).onTimeOnSiteRate()).isZero();
    }

    @Test
    void sumsOfPartsGiveTheFiguresOfTheWholeAsTheyStandAtAnyTime() {
        Random random = new Random(13);
        for (int round = 0; round < 200; round++) {
            List<IssueStatistics.FigureRow> rows = IntStream.range(0, random.nextInt(40))
                    .mapToObj(i -> randomRow(random)).toList();
            Instant now = T0.plusSeconds(random.nextInt(20_000));
            int cut = rows.isEmpty() ? 0 : random.nextInt(rows.size());
            FigureCounts parts = FigureCounts.of(rows.subList(0, cut)).add(FigureCounts.of(rows.subList(cut, rows.size())));

            assertThat(parts.figures(T0, now, now)).isEqualTo(ReferenceFigures.of(rows, T0, now, now));
            FigureCounts first = FigureCounts.of(rows.subList(0, cut));
            FigureCounts settled = new FigureCounts().addSettled(first, now)
                    .addSettled(FigureCounts.of(rows.subList(cut, rows.size())), now);
            assertThat(settled.figures(T0, now, now)).isEqualTo(ReferenceFigures.of(rows, T0, now, now));
            assertThat(settled.overdueDeadlines).isEmpty();
            assertThat(first.figures(T0, now, now)).isEqualTo(ReferenceFigures.of(rows.subList(0, cut), T0, now, now));
        }
    }

    @Test
    void anotherEscalationOfAnIssueLongOverdueChangesNoFigureFromNowOn() {
        Issue issue = Issues.dispatchedToGridWorker();
        Instant onSiteLate = issue.onSiteDueAt().plusSeconds(1);
        issue.applyClocks(POLICY, onSiteLate);
        IssueStatistics.FigureRow flagged = IssueStatistics.FigureRow.of(issue);
        Instant solutionLate = issue.solutionDueAt().plusSeconds(1);

        issue.applyClocks(POLICY, solutionLate);

        assertThat(FigureCounts.sameFiguresFrom(flagged, IssueStatistics.FigureRow.of(issue), solutionLate)).isTrue();
    }

    @Test
    void theFirstOverdueFlagChangesTheFiguresBecauseTheIssueIsNowSupervised() {
        Issue issue = Issues.dispatchedToGridWorker();
        IssueStatistics.FigureRow fresh = IssueStatistics.FigureRow.of(issue);
        Instant onSiteLate = issue.onSiteDueAt().plusSeconds(1);

        issue.applyClocks(POLICY, onSiteLate);

        assertThat(FigureCounts.sameFiguresFrom(fresh, IssueStatistics.FigureRow.of(issue), onSiteLate)).isFalse();
    }

    @Test
    void aDeadlineStillAheadMakesTwoStatesDifferEvenWhereTheyAgreeToday() {
        Issue issue = Issues.dispatchedToGridWorker();
        IssueStatistics.FigureRow running = IssueStatistics.FigureRow.of(issue);
        IssueStatistics.FigureRow later = new IssueStatistics.FigureRow(running.status(), running.supervised(),
                running.reportedAt(), running.onSiteDueAt().plusSeconds(600), running.onSiteAt(),
                running.onSiteOverdue(), running.solutionDueAt(), running.solutionOverdue(),
                running.handlerAccountId(), running.resolvedAt(), running.rating());

        assertThat(FigureCounts.sameFiguresFrom(running, running, T0)).isTrue();
        assertThat(FigureCounts.sameFiguresFrom(running, later, T0)).isFalse();
        assertThat(FigureCounts.sameFiguresFrom(running, later, running.onSiteDueAt().plusSeconds(601))).isTrue();
    }

    private static IssueStatistics.FigureRow randomRow(Random random) {
        IssueStatus[] statuses = IssueStatus.values();
        Instant reported = T0.plusSeconds(random.nextInt(3_600));
        return new IssueStatistics.FigureRow(statuses[random.nextInt(statuses.length)], random.nextBoolean(), reported,
                reported.plusSeconds(random.nextInt(10_000)), random.nextBoolean() ? null : reported.plusSeconds(600),
                random.nextInt(4) == 0, reported.plusSeconds(random.nextInt(20_000)), random.nextInt(4) == 0,
                random.nextBoolean() ? null : "worker", random.nextBoolean() ? null : reported.plusSeconds(900),
                random.nextBoolean() ? null : 1 + random.nextInt(5));
    }

    private static List<IssueStatistics.FigureRow> rows(Issue... issues) {
        return java.util.Arrays.stream(issues).map(IssueStatistics.FigureRow::of).toList();
    }
}
