package org.linli.issue.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.issue.issue.Issues.POLICY;
import static org.linli.issue.issue.Issues.T0;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
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

        IssueStatistics.Figures figures = IssueStatistics.Figures.of(rows(onTime, stillOpen, rejected), T0, now, now);

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
        IssueStatistics.Figures figures = IssueStatistics.Figures.of(rows(fresh), T0, T0, T0.plusSeconds(60));

        assertThat(figures.onTimeOnSiteRate()).isNull();
        assertThat(figures.onTimeSolutionRate()).isNull();
        assertThat(figures.openOverdue()).isZero();
    }

    private static List<IssueStatistics.FigureRow> rows(Issue... issues) {
        return java.util.Arrays.stream(issues).map(IssueStatistics.FigureRow::of).toList();
    }
}
