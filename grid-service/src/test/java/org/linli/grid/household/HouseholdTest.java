package org.linli.grid.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.linli.events.grid.HouseholdRegistered;
import org.linli.grid.grid.GridDirectory.GridView;
import org.linli.grid.grid.GridLevel;
import org.linli.platform.domain.BusinessRuleViolation;

class HouseholdTest {

    private static final Instant NOW = Instant.parse("2026-11-21T08:30:00Z");
    private static final GridView GRID = new GridView("grid-1", GridLevel.MICRO, "檀溪第一微网格", "grid-0",
            "/grid-0/grid-1/", "community-1", "/street-1/community-1/", 0, 0);
    private static final Building BUILDING = Building.in(GRID, "3号楼", null, null, List.of("1", "2"), NOW);

    @Test
    void aHouseholdCopiesItsBuildingsGridAndPublishesNoNamesOrPhones() {
        Household household = Household.register(BUILDING, "2", "301", 1, "王秀英", "13812345678",
                Set.of(SpecialGroup.ELDERLY_ALONE), "member-1", NOW);

        assertThat(household.isKey()).isTrue();
        assertThat(household.gridPath()).isEqualTo(GRID.path());
        assertThat(household.communityPath()).isEqualTo(GRID.communityPath());
        assertThat(household.pendingEvents()).hasSize(1);
        assertThat(household.pendingEvents().get(0).toString()).doesNotContain("13812345678");
        assertThat(new HouseholdRegistered(household.id(), BUILDING.id(), GRID.id(), 1, List.of("ELDERLY_ALONE")).type())
                .isEqualTo("HouseholdRegistered");
        assertThat(Household.masked(household.phone())).isEqualTo("138****5678");
    }

    @Test
    void onlyAKeyHouseholdMayHaveALinkedMember() {
        assertThatThrownBy(() -> Household.register(BUILDING, "1", "101", 3, "李强", null, Set.of(), "member-1", NOW))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                        e -> assertThat(e.code()).isEqualTo("not-a-key-household"));

        Household household = Household.register(BUILDING, "1", "101", 3, "李强", null, Set.of(SpecialGroup.HARDSHIP),
                "member-1", NOW);
        assertThatThrownBy(() -> household.classify(Set.of(), null, NOW))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                        e -> assertThat(e.code()).isEqualTo("not-a-key-household"));
        household.classify(Set.of(), "", NOW);
        assertThat(household.isKey()).isFalse();
        assertThat(household.linkedMemberId()).isNull();
    }

    @Test
    void residentsAreOneToTwenty() {
        for (int residents : new int[] {0, 21}) {
            assertThatThrownBy(() -> Household.register(BUILDING, "1", "101", residents, "李强", null, Set.of(), null, NOW))
                    .isInstanceOfSatisfying(BusinessRuleViolation.class,
                            e -> assertThat(e.code()).isEqualTo("invalid-residents"));
        }
        assertThat(Household.register(BUILDING, "1", "101", 20, "李强", null, Set.of(), null, NOW).residents())
                .isEqualTo(20);
    }

    @Test
    void theUnitMustBeOneOfTheBuildings() {
        assertThatThrownBy(() -> Household.register(BUILDING, "3", "301", 2, "李强", null, Set.of(), null, NOW))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                        e -> assertThat(e.code()).isEqualTo("unknown-building-unit"));
    }

    @Test
    void aPhoneIsAnElevenDigitMobileAndItsRefusalDoesNotRepeatIt() {
        assertThatThrownBy(() -> Household.register(BUILDING, "1", "101", 2, "李强", "0355-1234567", Set.of(), null, NOW))
                .isInstanceOfSatisfying(BusinessRuleViolation.class, e -> {
                    assertThat(e.code()).isEqualTo("invalid-phone");
                    assertThat(e.getMessage()).doesNotContain("1234567");
                    assertThat(e.arguments()).isEmpty();
                });
    }

    @Test
    void aRevisitCountsFromItsTime() {
        Household household = Household.register(BUILDING, "1", "101", 1, "王秀英", null,
                Set.of(SpecialGroup.ELDERLY_ALONE), null, NOW);
        household.revisit("张网格员", "身体良好", NOW);

        assertThat(household.revisitedSince(NOW)).isTrue();
        assertThat(household.revisitedSince(NOW.plusSeconds(1))).isFalse();
    }
}
