package org.linli.org.branchrating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.linli.platform.domain.BusinessRuleViolation;

/** The rules of a rating round, its ratings, its one-time codes and its ranking, without Spring. */
class BranchRatingRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");
    private static final LocalDate FIRST = LocalDate.parse("2026-10-01");
    private static final LocalDate LAST = LocalDate.parse("2026-12-31");

    private static RatingRound quarter() {
        return RatingRound.open("2026年第四季度", "street", "/street/", FIRST, LAST, List.of("branch-1", "branch-2"),
                "street-admin", NOW);
    }

    @Test
    void anOpenRoundTakesRatingsWithinItsPeriodForItsBranchesAndNoneOnceClosed() {
        RatingRound round = quarter();
        round.requireOpenFor("branch-1", FIRST);
        round.requireOpenFor("branch-2", LAST);

        assertRefused(() -> round.requireOpenFor("branch-1", LAST.plusDays(1)), "outside-rating-period");
        assertRefused(() -> round.requireOpenFor("branch-1", FIRST.minusDays(1)), "outside-rating-period");
        assertRefused(() -> round.requireOpenFor("branch-9", FIRST), "branch-not-in-round");

        round.close(List.of(), "street-admin", NOW);
        assertThat(round.status()).isEqualTo(RatingRound.Status.CLOSED);
        assertThat(round.closedBy()).isEqualTo("street-admin");
        assertRefused(() -> round.requireOpenFor("branch-1", FIRST), "round-closed");
        assertRefused(() -> round.close(List.of(), "street-admin", NOW), "round-closed");
    }

    @Test
    void closingARoundRecordsEachBranchsResponseCountsAndNothingElse() {
        RatingRound round = quarter();
        List<BranchResult> results = BranchResult.rank(Map.of("branch-1", "一支部", "branch-2", "二支部"), List.of(
                new BranchResult.Vote("branch-1", Score.SATISFIED), new BranchResult.Vote("branch-1", Score.DISSATISFIED),
                new BranchResult.Vote("branch-1", Score.BASICALLY_SATISFIED),
                new BranchResult.Vote("branch-1", Score.SATISFIED)));

        round.close(results, "street-admin", NOW);

        assertThat(round.pendingEvents()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("RatingRoundClosed");
            assertThat(event.payload()).contains("{\"branchId\":\"branch-1\",\"responses\":4,\"satisfied\":2,"
                    + "\"basicallySatisfied\":1,\"dissatisfied\":1}", "\"branchId\":\"branch-2\",\"responses\":0")
                    .doesNotContain("一支部", "average");
        });
    }

    @Test
    void aRoundNeedsAProperPeriodAndAtLeastOneBranch() {
        assertRefused(() -> RatingRound.open("t", "street", "/street/", LAST, FIRST, List.of("branch-1"), "a", NOW),
                "invalid-rating-period");
        assertRefused(() -> RatingRound.open("t", "street", "/street/", FIRST, FIRST.plusDays(366),
                List.of("branch-1"), "a", NOW), "invalid-rating-period");
        assertRefused(() -> RatingRound.open("t", "street", "/street/", FIRST, LAST, List.of(), "a", NOW),
                "no-branches");
    }

    @Test
    void aResidentsRatingsOfABranchInARoundShareOneKeySoTheUniqueIndexAdmitsOne() {
        BranchRating first = BranchRating.byResident("round", "branch-1", "resident-1", Score.SATISFIED, " 好 ", NOW);
        BranchRating again = BranchRating.byResident("round", "branch-1", "resident-1", Score.DISSATISFIED, null, NOW);
        BranchRating neighbour = BranchRating.byResident("round", "branch-1", "resident-2", Score.SATISFIED, "",
                NOW);

        assertThat(again.raterKey()).isEqualTo(first.raterKey());
        assertThat(neighbour.raterKey()).isNotEqualTo(first.raterKey());
        assertThat(first.comment()).isEqualTo("好");
        assertThat(neighbour.comment()).isNull();
    }

    @Test
    void aCodeRatesOnceInItsRoundForItsBranch() {
        String code = RatingCode.newCode();
        RatingCode stored = new RatingCode(code, "round", "branch-1", "visit", NOW);

        assertRefused(() -> stored.use("other-round", "branch-1", NOW), "invalid-rating-code");
        assertRefused(() -> stored.use("round", "branch-2", NOW), "invalid-rating-code");
        stored.use("round", "branch-1", NOW);
        assertThat(stored.usedAt()).isEqualTo(NOW);
        assertRefused(() -> stored.use("round", "branch-1", NOW), "rating-code-used");

        BranchRating byCode = BranchRating.byCode(stored, Score.BASICALLY_SATISFIED, null, NOW);
        assertThat(byCode.raterKey()).isEqualTo(BranchRating.byCode(stored, Score.SATISFIED, null, NOW).raterKey())
                .doesNotContain(code);
    }

    @Test
    void codesAreLongRandomAndMatchHoweverTheyAreTyped() {
        String code = RatingCode.newCode();

        assertThat(code).matches("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}");
        assertThat(RatingCode.newCode()).isNotEqualTo(code);
        assertThat(RatingCode.hash(code.toLowerCase().replace("-", " "))).isEqualTo(RatingCode.hash(code))
                .hasSize(64).doesNotContain(code);
    }

    @Test
    void branchesRankByAverageThenResponsesWithUnratedOnesLast() {
        List<BranchResult> ranking = BranchResult.rank(Map.of("a", "一支部", "b", "二支部", "c", "三支部"), List.of(
                vote("a", Score.SATISFIED), vote("a", Score.DISSATISFIED),
                vote("b", Score.SATISFIED), vote("b", Score.BASICALLY_SATISFIED), vote("b", Score.BASICALLY_SATISFIED),
                vote("gone", Score.SATISFIED)));

        assertThat(ranking).extracting(BranchResult::branchId).containsExactly("b", "a", "c");
        BranchResult best = ranking.get(0);
        assertThat(best.responses()).isEqualTo(3);
        assertThat(best.distribution()).containsEntry(Score.BASICALLY_SATISFIED, 2L)
                .containsEntry(Score.DISSATISFIED, 0L);
        assertThat(best.average()).isEqualByComparingTo(new BigDecimal("2.33"));
        assertThat(best.satisfactionRate()).isEqualByComparingTo(new BigDecimal("100.0"));
        assertThat(ranking.get(1).satisfactionRate()).isEqualByComparingTo(new BigDecimal("50.0"));
        assertThat(ranking.get(2).responses()).isZero();
        assertThat(ranking.get(2).average()).isNull();
    }

    @Test
    void thePathsOnTheWayToAUnitAreItsAncestorsAndItself() {
        assertThat(BranchRatingService.pathsOnTheWayTo("/s/c/b/")).containsExactly("/s/", "/s/c/", "/s/c/b/");
    }

    private static BranchResult.Vote vote(String branch, Score score) {
        return new BranchResult.Vote(branch, score);
    }

    private static void assertRefused(Runnable step, String code) {
        assertThatThrownBy(step::run).isInstanceOf(BusinessRuleViolation.class)
                .hasFieldOrPropertyWithValue("code", code);
    }
}
