package org.linli.issue.issue;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The figures as the statistics computed them before {@link FigureCounts} (one pass over the issues at the time
 * asked), kept as the test oracle that the sums per hour and day must agree with.
 */
final class ReferenceFigures {

    private ReferenceFigures() {
    }

    static IssueStatistics.Figures of(List<IssueStatistics.FigureRow> issues, Instant from, Instant to, Instant now) {
        Map<IssueStatus, Integer> byStatus = new EnumMap<>(IssueStatus.class);
        int onSiteOnTime = 0;
        int onSiteDecided = 0;
        int solvedOnTime = 0;
        int solutionDecided = 0;
        int openOverdue = 0;
        int supervised = 0;
        long handlingMinutes = 0;
        int handled = 0;
        int rated = 0;
        int ratingSum = 0;
        int satisfied = 0;
        for (IssueStatistics.FigureRow issue : issues) {
            byStatus.merge(issue.status(), 1, Integer::sum);
            if (issue.supervised()) {
                supervised++;
            }
            if (issue.status() == IssueStatus.REJECTED || issue.status() == IssueStatus.DUPLICATE) {
                continue;
            }
            boolean unsolved = IssueStatus.UNSOLVED.contains(issue.status()) || issue.status() == IssueStatus.HELD;
            boolean onSiteLate = issue.onSiteOverdue() || (issue.onSiteAt() == null && unsolved
                    && issue.status() != IssueStatus.HELD && now.isAfter(issue.onSiteDueAt()));
            if (onSiteLate) {
                onSiteDecided++;
            } else if (issue.onSiteAt() != null || !unsolved) {
                onSiteDecided++;
                onSiteOnTime++;
            }
            boolean solved = !unsolved && issue.handlerAccountId() != null;
            boolean solutionLate = issue.solutionOverdue() || (unsolved && issue.status() != IssueStatus.HELD
                    && now.isAfter(issue.solutionDueAt()));
            if (solutionLate) {
                solutionDecided++;
            } else if (solved) {
                solutionDecided++;
                solvedOnTime++;
            }
            if (unsolved && (solutionLate || onSiteLate)) {
                openOverdue++;
            }
            if (issue.resolvedAt() != null) {
                handled++;
                handlingMinutes += Duration.between(issue.reportedAt(), issue.resolvedAt()).toMinutes();
            }
            if (issue.rating() != null) {
                rated++;
                ratingSum += issue.rating();
                if (issue.rating() >= 4) {
                    satisfied++;
                }
            }
        }
        return new IssueStatistics.Figures(from, to, issues.size(), byStatus, openOverdue, supervised,
                rate(onSiteOnTime, onSiteDecided), rate(solvedOnTime, solutionDecided),
                handled == 0 ? null : handlingMinutes / handled, rated,
                rated == 0 ? null : Math.round(ratingSum * 100.0 / rated) / 100.0, rate(satisfied, rated), now);
    }

    private static Double rate(int part, int whole) {
        return whole == 0 ? null : Math.round(part * 10_000.0 / whole) / 10_000.0;
    }
}
