package org.linli.issue.issue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The sums behind {@link IssueStatistics.Figures} for a set of issues, split into what is fixed by the issues'
 * stored state and what depends on the hour the figures are asked for: an open issue whose deadline passes (and
 * that the sweep has not flagged yet) turns late without being saved. For those only the deadline is kept, and
 * {@link #figures} counts the deadlines already past. Sums of two sets are the sums of their union
 * ({@link #add(FigureCounts)}), which is what lets {@link FigureCache} keep them per hour and per day.
 */
class FigureCounts {

    int total;
    Map<IssueStatus, Integer> byStatus = new EnumMap<>(IssueStatus.class);
    int supervised;
    int onSiteDecided;
    int onSiteOnTime;
    int solutionDecided;
    int solvedOnTime;
    int openOverdue;
    int handled;
    long handlingMinutes;
    int rated;
    long ratingSum;
    int satisfied;
    /** Epoch milliseconds after which an open issue counts as decided late on site. */
    List<Long> onSiteDeadlines = new ArrayList<>();
    /** Epoch milliseconds after which an open issue counts as decided late for its solution. */
    List<Long> solutionDeadlines = new ArrayList<>();
    /** Epoch milliseconds after which an open issue counts as open and overdue. */
    List<Long> overdueDeadlines = new ArrayList<>();

    static FigureCounts of(List<IssueStatistics.FigureRow> rows) {
        FigureCounts counts = new FigureCounts();
        rows.forEach(counts::add);
        return counts;
    }

    void add(IssueStatistics.FigureRow issue) {
        total++;
        byStatus.merge(issue.status(), 1, Integer::sum);
        if (issue.supervised()) {
            supervised++;
        }
        if (issue.status() == IssueStatus.REJECTED || issue.status() == IssueStatus.DUPLICATE) {
            return;
        }
        boolean unsolved = IssueStatus.UNSOLVED.contains(issue.status()) || issue.status() == IssueStatus.HELD;
        boolean clocksRunning = unsolved && issue.status() != IssueStatus.HELD;
        boolean onSiteClockRunning = clocksRunning && issue.onSiteAt() == null && !issue.onSiteOverdue();
        countOnSite(issue, unsolved, onSiteClockRunning);
        countSolution(issue, unsolved, clocksRunning);
        countOpenOverdue(issue, unsolved, clocksRunning, onSiteClockRunning);
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

    private void countOnSite(IssueStatistics.FigureRow issue, boolean unsolved, boolean clockRunning) {
        if (issue.onSiteOverdue()) {
            onSiteDecided++;
        } else if (clockRunning) {
            deadline(onSiteDeadlines, issue.onSiteDueAt());
        } else if (issue.onSiteAt() != null || !unsolved) {
            onSiteDecided++;
            onSiteOnTime++;
        }
    }

    private void countSolution(IssueStatistics.FigureRow issue, boolean unsolved, boolean clockRunning) {
        if (issue.solutionOverdue()) {
            solutionDecided++;
        } else if (clockRunning) {
            deadline(solutionDeadlines, issue.solutionDueAt());
        } else if (!unsolved && issue.handlerAccountId() != null) {
            solutionDecided++;
            solvedOnTime++;
        }
    }

    private void countOpenOverdue(IssueStatistics.FigureRow issue, boolean unsolved, boolean clocksRunning,
                                  boolean onSiteClockRunning) {
        if (!unsolved) {
            return;
        }
        if (issue.onSiteOverdue() || issue.solutionOverdue()) {
            openOverdue++;
        } else if (clocksRunning) {
            Instant solution = issue.solutionDueAt();
            Instant onSite = onSiteClockRunning ? issue.onSiteDueAt() : null;
            deadline(overdueDeadlines, onSite == null || (solution != null && solution.isBefore(onSite))
                    ? solution : onSite);
        }
    }

    private static void deadline(List<Long> deadlines, Instant dueAt) {
        if (dueAt != null) {
            deadlines.add(dueAt.toEpochMilli());
        }
    }

    /** Adds the sums of another, disjoint set of issues. */
    FigureCounts add(FigureCounts other) {
        addFixed(other);
        onSiteDeadlines.addAll(other.onSiteDeadlines);
        solutionDeadlines.addAll(other.solutionDeadlines);
        overdueDeadlines.addAll(other.overdueDeadlines);
        return this;
    }

    /**
     * Adds the sums of another, disjoint set of issues as they stand at {@code now}: its deadlines already passed are
     * counted as decided late (on site, solution) or overdue, and none is kept, so the figures at {@code now} are
     * those of the union while a total of such parts holds no list (a county month's deadlines are some megabytes).
     * The other sums are left as they are (kept sums are read by many requests).
     */
    FigureCounts addSettled(FigureCounts other, Instant now) {
        addFixed(other);
        onSiteDecided += passed(other.onSiteDeadlines, now);
        solutionDecided += passed(other.solutionDeadlines, now);
        openOverdue += passed(other.overdueDeadlines, now);
        return this;
    }

    private void addFixed(FigureCounts other) {
        total += other.total;
        other.byStatus.forEach((status, count) -> byStatus.merge(status, count, Integer::sum));
        supervised += other.supervised;
        onSiteDecided += other.onSiteDecided;
        onSiteOnTime += other.onSiteOnTime;
        solutionDecided += other.solutionDecided;
        solvedOnTime += other.solvedOnTime;
        openOverdue += other.openOverdue;
        handled += other.handled;
        handlingMinutes += other.handlingMinutes;
        rated += other.rated;
        ratingSum += other.ratingSum;
        satisfied += other.satisfied;
    }

    /** How many deadlines these sums carry (what holding them costs). */
    int deadlines() {
        return onSiteDeadlines.size() + solutionDeadlines.size() + overdueDeadlines.size();
    }

    /**
     * Whether two states of one issue give the same figures at {@code now} and at every later instant: a deadline
     * already past counts as late whether the sweep has flagged it or not, so flagging it changes no figure. The
     * sweep's saves of long-overdue issues (one more escalation, a new deadline behind an overdue flag) are mostly
     * of this kind, and {@link FigureCache} keeps its sums through them.
     */
    static boolean sameFiguresFrom(IssueStatistics.FigureRow before, IssueStatistics.FigureRow after, Instant now) {
        return of(List.of(before)).countPassed(now).state().equals(of(List.of(after)).countPassed(now).state());
    }

    /** In place: the deadlines already past at {@code now} counted as late, the later ones kept. */
    private FigureCounts countPassed(Instant now) {
        onSiteDecided += removePassed(onSiteDeadlines, now);
        solutionDecided += removePassed(solutionDeadlines, now);
        openOverdue += removePassed(overdueDeadlines, now);
        return this;
    }

    private List<Object> state() {
        return List.of(total, byStatus, supervised, onSiteDecided, onSiteOnTime, solutionDecided, solvedOnTime,
                openOverdue, handled, handlingMinutes, rated, ratingSum, satisfied, onSiteDeadlines, solutionDeadlines,
                overdueDeadlines);
    }

    private static int removePassed(List<Long> deadlines, Instant now) {
        int passed = passed(deadlines, now);
        deadlines.removeIf(deadline -> isPassed(deadline, now));
        return passed;
    }

    /** The figures as they stand at {@code now}, of issues read at {@code now}. */
    IssueStatistics.Figures figures(Instant from, Instant to, Instant now) {
        return figures(from, to, now, now);
    }

    /** The figures as they stand at {@code now}, of sums that hold every save before {@code asOf}. */
    IssueStatistics.Figures figures(Instant from, Instant to, Instant now, Instant asOf) {
        int onSiteLate = passed(onSiteDeadlines, now);
        int solutionLate = passed(solutionDeadlines, now);
        Map<IssueStatus, Integer> statuses = new EnumMap<>(IssueStatus.class);
        statuses.putAll(byStatus);
        return new IssueStatistics.Figures(from, to, total, statuses, openOverdue + passed(overdueDeadlines, now),
                supervised, rate(onSiteOnTime, onSiteDecided + onSiteLate),
                rate(solvedOnTime, solutionDecided + solutionLate),
                handled == 0 ? null : handlingMinutes / handled, rated,
                rated == 0 ? null : Math.round(ratingSum * 100.0 / rated) / 100.0, rate(satisfied, rated), asOf);
    }

    /** Deadlines (whole milliseconds) before {@code now}, which may carry a fraction of a millisecond. */
    private static int passed(List<Long> deadlines, Instant now) {
        int passed = 0;
        for (long deadline : deadlines) {
            if (isPassed(deadline, now)) {
                passed++;
            }
        }
        return passed;
    }

    private static boolean isPassed(long deadline, Instant now) {
        long millis = now.toEpochMilli();
        return deadline < millis || (deadline == millis && now.getNano() % 1_000_000 != 0);
    }

    private static Double rate(int part, int whole) {
        return whole == 0 ? null : Math.round(part * 10_000.0 / whole) / 10_000.0;
    }
}
