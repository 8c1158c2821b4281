package org.linli.org.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.linli.platform.messaging.PendingEvent;
import org.linli.platform.domain.BusinessRuleViolation;

class OrgUnitTest {

    private static final Instant NOW = Instant.parse("2026-11-21T08:30:00Z");
    private static final HierarchyTemplate FIVE = template("FIVE_LEVEL");
    private static final HierarchyTemplate FOUR = template("FOUR_LEVEL");

    private static HierarchyTemplate template(String id) {
        return HierarchyTemplate.shipped().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }

    private static OrgUnit street() {
        return OrgUnit.root(FIVE, OrgUnitType.STREET_COMMITTEE, "檀溪街道党工委", NOW);
    }

    private static String codeOf(Throwable e) {
        return ((BusinessRuleViolation) e).code();
    }

    @Test
    void aChildsPathExtendsItsParentsPathAndInheritsTheTemplate() {
        OrgUnit street = street();
        OrgUnit community = street.createChild(FIVE, OrgUnitType.COMMUNITY_COMMITTEE, "檀溪社区党委", NOW);

        assertThat(street.path()).isEqualTo("/" + street.id() + "/");
        assertThat(community.path()).isEqualTo(street.path() + community.id() + "/");
        assertThat(community.templateId()).isEqualTo("FIVE_LEVEL");
        assertThat(community.depth()).isEqualTo(2);
    }

    @Test
    void recordsOrgUnitCreatedWithTheNewUnit() {
        OrgUnit street = OrgUnit.root(FIVE, OrgUnitType.STREET_COMMITTEE, "  檀溪街道党工委 ", NOW);

        assertThat(street.pendingEvents()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("OrgUnitCreated");
            assertThat(event.aggregateId()).isEqualTo(street.id());
            assertThat(event.payload()).contains("\"name\":\"檀溪街道党工委\"", "\"templateId\":\"FIVE_LEVEL\"");
        });
    }

    @Test
    void refusesAChildTypeTheTemplateDoesNotAllowAndNamesTheAllowedTypes() {
        OrgUnit street = street();

        assertThatThrownBy(() -> street.createChild(FIVE, OrgUnitType.BUILDING_GROUP, "楼栋党小组", NOW))
                .isInstanceOf(BusinessRuleViolation.class)
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo("invalid-parent-type"))
                .hasMessageContaining("COMMUNITY_COMMITTEE").hasMessageContaining("PROPERTY_INDUSTRY_COMMITTEE");
    }

    @Test
    void refusesUnitsBelowACentralHousehold() {
        OrgUnit group = street().createChild(FIVE, OrgUnitType.COMMUNITY_COMMITTEE, "c", NOW)
                .createChild(FIVE, OrgUnitType.GRID_BRANCH, "g", NOW)
                .createChild(FIVE, OrgUnitType.BUILDING_GROUP, "b", NOW);
        OrgUnit household = group.createChild(FIVE, OrgUnitType.CENTRAL_HOUSEHOLD, "党员中心户", NOW);

        assertThatThrownBy(() -> household.createChild(FIVE, OrgUnitType.CENTRAL_HOUSEHOLD, "x", NOW))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo("invalid-parent-type"));
    }

    @Test
    void aFourLevelRegionStartsAtTheCommunity() {
        assertThatThrownBy(() -> OrgUnit.root(FOUR, OrgUnitType.STREET_COMMITTEE, "s", NOW))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo("invalid-root-type"));
        assertThat(OrgUnit.root(FOUR, OrgUnitType.COMMUNITY_COMMITTEE, "c", NOW).depth()).isEqualTo(1);
    }

    @Test
    void refusesBlankOrOverlongNames() {
        assertThatThrownBy(() -> OrgUnit.root(FIVE, OrgUnitType.STREET_COMMITTEE, " ", NOW))
                .isInstanceOf(BusinessRuleViolation.class);
        assertThatThrownBy(() -> OrgUnit.root(FIVE, OrgUnitType.STREET_COMMITTEE, "名".repeat(101), NOW))
                .isInstanceOf(BusinessRuleViolation.class);
    }

    @Test
    void renamingRecordsTheNewNameAndIgnoresTheSameName() {
        OrgUnit street = street();
        street.rename("檀溪街道党工委", NOW);
        street.rename("新街道党工委", NOW);

        assertThat(street.name()).isEqualTo("新街道党工委");
        assertThat(street.pendingEvents()).extracting(PendingEvent::type).containsExactly("OrgUnitCreated", "OrgUnitRenamed");
    }

    @Test
    void movingUnderANewParentRewritesThePathAndRemembersTheOldPrefix() {
        OrgUnit street = street();
        OrgUnit from = street.createChild(FIVE, OrgUnitType.COMMUNITY_COMMITTEE, "from", NOW);
        OrgUnit to = street.createChild(FIVE, OrgUnitType.COMMUNITY_COMMITTEE, "to", NOW);
        OrgUnit grid = from.createChild(FIVE, OrgUnitType.GRID_BRANCH, "grid", NOW);
        String oldPath = grid.path();

        grid.moveUnder(to, FIVE, NOW);

        assertThat(grid.path()).isEqualTo(to.path() + grid.id() + "/");
        assertThat(grid.parentId()).isEqualTo(to.id());
        assertThat(grid.rebaseFrom()).isEqualTo(oldPath);
        assertThat(grid.pendingEvents()).last().satisfies(event -> assertThat(event.payload())
                .contains("\"oldPath\":\"" + oldPath + "\"", "\"newPath\":\"" + grid.path() + "\""));
    }

    @Test
    void refusesAMoveIntoItsOwnSubtreeOrUnderAWrongType() {
        OrgUnit street = street();
        OrgUnit community = street.createChild(FIVE, OrgUnitType.COMMUNITY_COMMITTEE, "c", NOW);
        OrgUnit grid = community.createChild(FIVE, OrgUnitType.GRID_BRANCH, "g", NOW);
        OrgUnit otherStreet = street();

        assertThatThrownBy(() -> community.moveUnder(grid, FIVE, NOW))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo("move-into-own-subtree"));
        assertThatThrownBy(() -> grid.moveUnder(otherStreet, FIVE, NOW))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo("invalid-parent-type"));
    }

    @Test
    void refusesDeactivationWhileChildrenOrMembersRemainThenRefusesChanges() {
        OrgUnit street = street();

        assertThatThrownBy(() -> street.deactivate(1, 0, NOW))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo("unit-not-empty"));
        assertThatThrownBy(() -> street.deactivate(0, 3, NOW))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo("unit-not-empty"));
        street.deactivate(0, 0, NOW);

        assertThat(street.isActive()).isFalse();
        assertThatThrownBy(() -> street.rename("x", NOW)).satisfies(e -> assertThat(codeOf(e)).isEqualTo("unit-inactive"));
    }

    @Test
    void linksKeepSortedDistinctIdsAndRecordAnEvent() {
        OrgUnit street = street();
        street.link(new UnitLinks(Set.of("g2", "g1"), Set.of("c1"), Set.of()), NOW);

        assertThat(street.links().gridIds()).containsExactly("g1", "g2");
        assertThat(street.pendingEvents()).last().satisfies(e -> assertThat(e.type()).isEqualTo("OrgUnitLinksChanged"));
    }
}
