package org.linli.points.communitylist;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The score (0..1000, an integer) that orders the communities of a scope and month, from their {@link CommunityFigures},
 * each measure against the best community of the scope that month:
 * <pre>
 *   250 × activities / most activities
 * + 250 × attendances / most attendances
 * + 300 × volunteer minutes / most volunteer minutes
 * + 200 × (1000 − no-shows ‰) / 1000        (only for a community that held an activity)
 * </pre>
 * Each term is rounded down; a term whose best is 0 counts 0. Ties go to more volunteer minutes, then to the
 * community id, so the order is total and a recomputation over the same records gives the same list.
 */
final class CommunityScore {

    static final int ACTIVITIES = 250;
    static final int ATTENDANCES = 250;
    static final int MINUTES = 300;
    static final int ATTENDANCE_KEPT = 200;

    private CommunityScore() {
    }

    /** The communities with their scores, best first, ranked 1, 2, 3…. */
    static List<Scored> rank(List<CommunityFigures> figures) {
        long mostActivities = most(figures, CommunityFigures::activities);
        long mostAttendances = most(figures, CommunityFigures::attendances);
        long mostMinutes = most(figures, CommunityFigures::volunteerMinutes);
        List<Scored> scored = new ArrayList<>();
        for (CommunityFigures f : figures) {
            int score = share(ACTIVITIES, f.activities(), mostActivities)
                    + share(ATTENDANCES, f.attendances(), mostAttendances)
                    + share(MINUTES, f.volunteerMinutes(), mostMinutes)
                    + (f.activities() == 0 ? 0 : ATTENDANCE_KEPT * (1000 - f.noShowPermille()) / 1000);
            scored.add(new Scored(0, f, score));
        }
        scored.sort(Comparator.comparingInt(Scored::score).reversed()
                .thenComparing(Comparator.comparingLong((Scored s) -> s.figures().volunteerMinutes()).reversed())
                .thenComparing(s -> s.figures().communityUnitId()));
        List<Scored> ranked = new ArrayList<>();
        for (int i = 0; i < scored.size(); i++) {
            ranked.add(new Scored(i + 1, scored.get(i).figures(), scored.get(i).score()));
        }
        return ranked;
    }

    private static long most(List<CommunityFigures> figures, ToLongFunction<CommunityFigures> measure) {
        return figures.stream().mapToLong(measure).max().orElse(0);
    }

    private static int share(int weight, long value, long best) {
        return best == 0 ? 0 : (int) (weight * value / best);
    }

    /** A community's place: its rank, its figures and its score. */
    record Scored(int rank, CommunityFigures figures, int score) {
    }
}
