package org.linli.org.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.linli.platform.web.BusinessRuleViolation;

class OrgUnitTest {

    private static final Instant NOW = Instant.parse("2026-11-21T08:30:00Z");

    @Test
    void aChildsPathExtendsItsParentsPath() {
        OrgUnit street = OrgUnit.root(OrgUnitType.STREET_COMMITTEE, "檀溪街道党工委", NOW);
        OrgUnit community = street.createChild(OrgUnitType.COMMUNITY_COMMITTEE, "檀溪社区党委", NOW);

        assertThat(street.path()).isEqualTo("/" + street.id() + "/");
        assertThat(community.path()).isEqualTo(street.path() + community.id() + "/");
        assertThat(community.parentId()).isEqualTo(street.id());
    }

    @Test
    void recordsOrgUnitCreatedWithTheNewUnit() {
        OrgUnit street = OrgUnit.root(OrgUnitType.STREET_COMMITTEE, "  檀溪街道党工委 ", NOW);

        assertThat(street.pendingEvents()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("OrgUnitCreated");
            assertThat(event.aggregateId()).isEqualTo(street.id());
            assertThat(event.payload()).contains("\"name\":\"檀溪街道党工委\"", "\"unitType\":\"STREET_COMMITTEE\"");
        });
    }

    @Test
    void refusesUnitsBelowACentralHousehold() {
        OrgUnit household = OrgUnit.root(OrgUnitType.STREET_COMMITTEE, "s", NOW)
                .createChild(OrgUnitType.CENTRAL_HOUSEHOLD, "党员中心户", NOW);

        assertThatThrownBy(() -> household.createChild(OrgUnitType.BUILDING_GROUP, "x", NOW))
                .isInstanceOf(BusinessRuleViolation.class)
                .extracting(e -> ((BusinessRuleViolation) e).code()).isEqualTo("invalid-parent-type");
    }

    @Test
    void refusesBlankOrOverlongNames() {
        assertThatThrownBy(() -> OrgUnit.root(OrgUnitType.STREET_COMMITTEE, " ", NOW))
                .isInstanceOf(BusinessRuleViolation.class);
        assertThatThrownBy(() -> OrgUnit.root(OrgUnitType.STREET_COMMITTEE, "名".repeat(101), NOW))
                .isInstanceOf(BusinessRuleViolation.class);
    }
}
