package org.linli.org.dualregistration;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A unit's year as its year-end appraisal reads it: the livelihood projects it claimed that year, both those recorded
 * on the unit by hand ({@code /units/{id}/projects}) and those of the project list ({@code /api/v1/projects}) made of
 * residents' needs, how many it finished and how many run late today, and the paired communities' scores (0 to 100)
 * with their average (one decimal; {@code null} before any).
 */
public record YearEnd(int year, int claimedProjects, int completedProjects, int overdueProjects, int scores,
                      BigDecimal averageScore) {

    /** Every year with a project or a score, newest first. */
    static List<YearEnd> of(DualRegistrationUnit unit, List<ProjectList.Year> listed) {
        Map<Integer, Tally> years = new TreeMap<>(Comparator.reverseOrder());
        for (ClaimedProject project : unit.projects()) {
            years.computeIfAbsent(project.year(), year -> new Tally()).project(project.status() == ProjectStatus.DONE);
        }
        for (ProjectList.Year year : listed) {
            years.computeIfAbsent(year.year(), ignored -> new Tally()).listed(year);
        }
        for (YearEndScore score : unit.yearEndScores()) {
            years.computeIfAbsent(score.year(), year -> new Tally()).score(score.score());
        }
        List<YearEnd> figures = new ArrayList<>();
        years.forEach((year, tally) -> figures.add(tally.of(year)));
        return figures;
    }

    private static final class Tally {
        private int claimed;
        private int done;
        private int overdue;
        private int scores;
        private int scoreTotal;

        void project(boolean isDone) {
            claimed++;
            done += isDone ? 1 : 0;
        }

        void listed(ProjectList.Year year) {
            claimed += year.claimed();
            done += year.done();
            overdue += year.overdue();
        }

        void score(int score) {
            scores++;
            scoreTotal += score;
        }

        YearEnd of(int year) {
            BigDecimal average = scores == 0 ? null
                    : BigDecimal.valueOf(scoreTotal).divide(BigDecimal.valueOf(scores), 1, RoundingMode.HALF_UP);
            return new YearEnd(year, claimed, done, overdue, scores, average);
        }
    }
}
