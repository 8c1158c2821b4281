package org.linli.org.branchrating;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linli.events.org.RatingRoundClosed;

/**
 * One branch's standing in a round: how many rated it, how many gave each score, the average points (满意 3,
 * 基本满意 2, 不满意 1; two decimals) and the satisfaction rate (满意率: 满意 + 基本满意 over all responses, in
 * percent with one decimal). Both are {@code null} without responses. Branches compare by average, then by responses.
 */
public record BranchResult(String branchId, String branchName, long responses, Map<Score, Long> distribution,
                           BigDecimal average, BigDecimal satisfactionRate) {

    /** Best first: higher average, then more responses; branches nobody rated last; then by name. */
    static final Comparator<BranchResult> RANKING = Comparator
            .comparing(BranchResult::average, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(BranchResult::responses, Comparator.reverseOrder())
            .thenComparing(BranchResult::branchName, Comparator.nullsLast(Comparator.naturalOrder()));

    /** The results of {@code branches} (id → name, in any order) from the scores given, ranked. */
    static List<BranchResult> rank(Map<String, String> branches, List<Vote> votes) {
        Map<String, EnumMap<Score, Long>> counts = new LinkedHashMap<>();
        branches.keySet().forEach(id -> counts.put(id, zeros()));
        for (Vote vote : votes) {
            EnumMap<Score, Long> branch = counts.get(vote.branchId());
            if (branch != null) {
                branch.merge(vote.score(), 1L, Long::sum);
            }
        }
        List<BranchResult> results = new ArrayList<>();
        counts.forEach((id, distribution) -> results.add(of(id, branches.get(id), distribution)));
        results.sort(RANKING);
        return results;
    }

    private static BranchResult of(String branchId, String name, EnumMap<Score, Long> distribution) {
        long responses = distribution.values().stream().mapToLong(Long::longValue).sum();
        if (responses == 0) {
            return new BranchResult(branchId, name, 0, distribution, null, null);
        }
        long points = 0;
        long satisfied = 0;
        for (Map.Entry<Score, Long> entry : distribution.entrySet()) {
            points += entry.getKey().points() * entry.getValue();
            satisfied += entry.getKey().satisfied() ? entry.getValue() : 0;
        }
        BigDecimal total = BigDecimal.valueOf(responses);
        return new BranchResult(branchId, name, responses, distribution,
                BigDecimal.valueOf(points).divide(total, 2, RoundingMode.HALF_UP),
                BigDecimal.valueOf(satisfied * 100).divide(total, 1, RoundingMode.HALF_UP));
    }

    private static EnumMap<Score, Long> zeros() {
        EnumMap<Score, Long> zeros = new EnumMap<>(Score.class);
        for (Score score : Score.values()) {
            zeros.put(score, 0L);
        }
        return zeros;
    }

    /** The counts the round's closing publishes ({@link RatingRoundClosed}): no averages, no comments. */
    RatingRoundClosed.BranchCounts counts() {
        return new RatingRoundClosed.BranchCounts(branchId, responses, count(Score.SATISFIED),
                count(Score.BASICALLY_SATISFIED), count(Score.DISSATISFIED));
    }

    private long count(Score score) {
        return distribution.getOrDefault(score, 0L);
    }

    /** One score given to one branch, as read for the results. */
    record Vote(String branchId, Score score) {
    }
}
