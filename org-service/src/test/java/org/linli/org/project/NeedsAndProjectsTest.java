package org.linli.org.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.linli.platform.domain.BusinessRuleViolation;

/** The rules of the three lists, without Spring: needs' and projects' steps, overdue, capacity, the suggestions' order. */
class NeedsAndProjectsTest {

    private static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-12-01");
    private static final Provider UNIT = new Provider(Provider.Kind.DUAL_REGISTRATION_UNIT, "unit-1", "县卫健局");

    private static Need need() {
        return Need.raise("community-1", "/street/community-1/", new Need.Details(NeedCategory.ELDERLY_CARE,
                "独居老人助餐", "3号楼两位独居老人需要午餐配送", "3号楼", "issue-7"), "resident-1", NOW);
    }

    private static Resource resource(int capacity, List<String> communities, Instant offeredAt) {
        return Resource.offer(UNIT, new Resource.Offer(NeedCategory.ELDERLY_CARE, "每月上门送餐",
                capacity, Resource.CapacityUnit.PLACES, communities), "admin-1", offeredAt);
    }

    private static Project project(Need need, LocalDate deadline) {
        return Project.claim(need, UNIT, List.of(new Project.Use("resource-1", 2)), deadline, TODAY, "admin-1", NOW);
    }

    private static void assertWrongStep(Runnable step) {
        assertThatThrownBy(step::run).isInstanceOf(BusinessRuleViolation.class)
                .hasFieldOrPropertyWithValue("code", "wrong-step");
    }

    @Test
    void aNeedIsMatchedThenClosedOrReopenedAndOnlyAnOpenOneIsWithdrawn() {
        Need need = need();
        assertThat(need.status()).isEqualTo(Need.Status.OPEN);
        need.match("project-1");
        assertThat(need.projectId()).isEqualTo("project-1");
        assertWrongStep(() -> need.withdraw(NOW));
        assertWrongStep(() -> need.match("project-2"));

        need.reopen();
        assertThat(need.status()).isEqualTo(Need.Status.OPEN);
        assertThat(need.projectId()).isNull();
        need.match("project-2");
        need.close(NOW);
        assertThat(need.status()).isEqualTo(Need.Status.CLOSED);
        assertWrongStep(need::reopen);

        Need withdrawn = need();
        withdrawn.withdraw(NOW);
        assertThat(withdrawn.status()).isEqualTo(Need.Status.WITHDRAWN);
        assertWrongStep(() -> withdrawn.match("project-3"));
    }

    @Test
    void aProjectGoesFromClaimedThroughWorkToDoneAndRefusesStepsOutOfOrder() {
        Project project = project(need(), TODAY.plusDays(30));
        assertThat(project.status()).isEqualTo(Project.Status.CLAIMED);
        assertThat(project.year()).isEqualTo(2026);
        assertThat(project.title()).isEqualTo("独居老人助餐");
        assertWrongStep(() -> project.complete("x", TODAY, TODAY, NOW));

        project.start(NOW);
        assertWrongStep(() -> project.start(NOW));
        assertThatThrownBy(() -> project.complete("x", TODAY.plusDays(1), TODAY, NOW))
                .isInstanceOf(BusinessRuleViolation.class).hasFieldOrPropertyWithValue("code", "completion-in-future");
        project.complete("每日午餐配送到户，持续一年", TODAY, TODAY, NOW);

        assertThat(project.status()).isEqualTo(Project.Status.DONE);
        assertThat(project.result()).isEqualTo("每日午餐配送到户，持续一年");
        assertThat(project.isRunning()).isFalse();
        assertWrongStep(() -> project.cancel("x", NOW));
    }

    @Test
    void aDoneProjectRecordsProjectCompletedForTheUnitThatClaimedItAndTheNeedItCloses() {
        Project project = project(need(), TODAY.plusDays(30));
        project.start(NOW);
        assertThat(project.pendingEvents()).isEmpty();

        project.complete("完成", TODAY, TODAY, NOW);

        assertThat(project.pendingEvents()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("ProjectCompleted");
            assertThat(event.payload()).contains("\"unitId\":\"unit-1\"", "\"needId\":\"" + project.needId() + "\"");
        });
    }

    @Test
    void aRunningProjectPastItsDeadlineDayIsOverdueUntilDoneOrCancelled() {
        Project project = project(need(), TODAY);
        assertThat(project.overdueOn(TODAY)).isFalse();
        assertThat(project.overdueOn(TODAY.plusDays(1))).isTrue();
        project.start(NOW);
        assertThat(project.overdueOn(TODAY.plusDays(1))).isTrue();

        project.cancel("单位改派", NOW);
        assertThat(project.status()).isEqualTo(Project.Status.CANCELLED);
        assertThat(project.overdueOn(TODAY.plusDays(1))).isFalse();
    }

    @Test
    void aProjectNeedsADeadlineFromTodayAndAUnitOrMemberAsOwner() {
        assertThatThrownBy(() -> project(need(), TODAY.minusDays(1)))
                .isInstanceOf(BusinessRuleViolation.class).hasFieldOrPropertyWithValue("code", "deadline-in-past");
        Provider company = new Provider(Provider.Kind.PROPERTY_COMPANY, "company-1", "红枫物业");
        assertThatThrownBy(() -> Project.claim(need(), company, List.of(new Project.Use("r", 1)), TODAY, TODAY, "a",
                NOW)).isInstanceOf(BusinessRuleViolation.class).hasFieldOrPropertyWithValue("code", "invalid-owner");
    }

    @Test
    void aResourceOffersOneToTenThousandAMonthAndRefusesWhatIsNotLeft() {
        Resource resource = resource(10, List.of("community-1", "community-1"), NOW);
        assertThat(resource.capacityLeft()).isEqualTo(10);
        assertThat(resource.communityIds()).containsExactly("community-1");

        assertThat(resource.tooLittleLeft(11)).hasFieldOrPropertyWithValue("code", "capacity-exceeded")
                .extracting(BusinessRuleViolation::arguments).isEqualTo(new Object[] {resource.id(), 10, 11});
        assertThatThrownBy(() -> resource(0, List.of("community-1"), NOW)).isInstanceOf(BusinessRuleViolation.class)
                .hasFieldOrPropertyWithValue("code", "invalid-capacity");
        assertThatThrownBy(() -> resource(10_001, List.of("community-1"), NOW))
                .isInstanceOf(BusinessRuleViolation.class).hasFieldOrPropertyWithValue("code", "invalid-capacity");
    }

    @Test
    void suggestionsPutResourcesDedicatedToTheCommunityFirstThenTheMostCapacityLeft() {
        Resource sharedBig = resource(50, List.of("community-1", "community-2"), NOW);
        Resource localSmall = resource(3, List.of("community-1"), NOW.plusSeconds(60));
        Resource localBig = resource(8, List.of("community-1"), NOW.plusSeconds(120));
        Resource localBigEarlier = resource(8, List.of("community-1"), NOW);

        List<Resource> ranked = Stream.of(sharedBig, localSmall, localBig, localBigEarlier)
                .sorted(Resource.bestFor("community-1")).toList();

        assertThat(ranked).containsExactly(localBigEarlier, localBig, localSmall, sharedBig);
        assertThat(localSmall.dedicatedTo("community-2")).isFalse();
        assertThat(sharedBig.serves("community-2")).isTrue();
    }

    @Test
    void aUnitsYearSummaryCountsClaimedDoneOverdueAndCancelledProjects() {
        Project done = project(need(), TODAY);
        done.start(NOW);
        done.complete("完成", TODAY, TODAY, NOW);
        Project late = project(need(), TODAY);
        Project cancelled = project(need(), TODAY);
        cancelled.cancel("改派", NOW);
        LocalDate later = TODAY.plusDays(2);

        ProjectService.UnitSummary summary = ProjectService.UnitSummary.of(done, later)
                .plus(ProjectService.UnitSummary.of(late, later)).plus(ProjectService.UnitSummary.of(cancelled, later));

        assertThat(summary).isEqualTo(new ProjectService.UnitSummary("unit-1", "县卫健局", 2, 1, 1, 1));
    }
}
