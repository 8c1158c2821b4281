package org.linli.org.dualregistration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.linli.platform.domain.BusinessRuleViolation;

class DualRegistrationUnitTest {

    private static final Instant NOW = Instant.parse("2026-12-20T08:30:00Z");

    @Test
    void onlyAPairedCommunityMayScore() {
        DualRegistrationUnit unit = paired("community-1");

        assertThatThrownBy(() -> unit.score(2026, "community-2", 90, NOW))
                .isInstanceOf(BusinessRuleViolation.class)
                .extracting(e -> ((BusinessRuleViolation) e).code()).isEqualTo("not-paired");
        unit.score(2026, "community-1", 90, NOW);
        assertThat(unit.yearEndScores()).containsExactly(new YearEndScore(2026, "community-1", 90));
    }

    @Test
    void theYearEndFiguresAddTheProjectListsClaimsToTheProjectsRecordedOnTheUnitBesideTheScores() {
        DualRegistrationUnit unit = paired("community-1", "community-2");
        ClaimedProject recorded = unit.claimProject(2026, "community-1", "助老食堂", NOW);
        unit.completeProject(recorded.id(), NOW);
        unit.claimProject(2025, "community-2", "旧楼加装扶手", NOW);
        unit.score(2026, "community-1", 88, NOW);
        unit.score(2026, "community-2", 95, NOW);

        List<YearEnd> figures = YearEnd.of(unit, List.of(new ProjectList.Year(2026, 2, 1, 1),
                new ProjectList.Year(2027, 1, 0, 0)));

        assertThat(figures).extracting(YearEnd::year).containsExactly(2027, 2026, 2025);
        assertThat(figures.get(1)).isEqualTo(new YearEnd(2026, 3, 2, 1, 2, new java.math.BigDecimal("91.5")));
        assertThat(figures.get(2).averageScore()).isNull();
        assertThat(figures.get(2).claimedProjects()).isEqualTo(1);
    }

    @Test
    void aCommunityScoresAUnitOncePerYear() {
        DualRegistrationUnit unit = paired("community-1", "community-2");
        unit.score(2026, "community-1", 88, NOW);

        assertThatThrownBy(() -> unit.score(2026, "community-1", 95, NOW))
                .extracting(e -> ((BusinessRuleViolation) e).code()).isEqualTo("score-already-given");
        unit.score(2026, "community-2", 95, NOW);
        unit.score(2027, "community-1", 91, NOW);
        assertThat(unit.yearEndScores()).hasSize(3)
                .filteredOn(score -> score.communityId().equals("community-1"))
                .extracting(YearEndScore::score).containsExactly(88, 91);
    }

    @Test
    void refusesScoresOutsideZeroToHundred() {
        DualRegistrationUnit unit = paired("community-1");

        assertThatThrownBy(() -> unit.score(2026, "community-1", 101, NOW))
                .extracting(e -> ((BusinessRuleViolation) e).code()).isEqualTo("invalid-score");
        assertThatThrownBy(() -> unit.score(2026, "community-1", -1, NOW))
                .extracting(e -> ((BusinessRuleViolation) e).code()).isEqualTo("invalid-score");
        assertThat(unit.yearEndScores()).isEmpty();
    }

    @Test
    void projectsAndCommitmentsAreForPairedCommunitiesOnly() {
        DualRegistrationUnit unit = paired("community-1");

        assertThatThrownBy(() -> unit.claimProject(2026, "community-2", "老旧小区加装电梯", NOW))
                .extracting(e -> ((BusinessRuleViolation) e).code()).isEqualTo("not-paired");
        assertThatThrownBy(() -> unit.commit("community-2", "每季度开展一次义诊", NOW))
                .extracting(e -> ((BusinessRuleViolation) e).code()).isEqualTo("not-paired");
        assertThat(unit.projects()).isEmpty();
        assertThat(unit.commitments()).isEmpty();
    }

    @Test
    void aClaimedProjectIsCompletedOnce() {
        DualRegistrationUnit unit = paired("community-1");
        ClaimedProject project = unit.claimProject(2026, "community-1", "老旧小区加装电梯", NOW);

        unit.completeProject(project.id(), NOW);

        assertThat(unit.project(project.id()).status()).isEqualTo(ProjectStatus.DONE);
        assertThatThrownBy(() -> unit.completeProject(project.id(), NOW))
                .extracting(e -> ((BusinessRuleViolation) e).code()).isEqualTo("project-already-done");
    }

    private static DualRegistrationUnit paired(String... communityIds) {
        List<Pairing> pairings = Arrays.stream(communityIds)
                .map(id -> new Pairing(id, "/street-1/" + id + "/")).toList();
        return DualRegistrationUnit.register("县住建局", pairings, NOW);
    }
}
