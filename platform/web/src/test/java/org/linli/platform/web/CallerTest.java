package org.linli.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class CallerTest {

    @Test
    void coversItsOwnUnitAndEverythingBelow() {
        Caller communityAdmin = new Caller("a", "u", Set.of("COMMUNITY_ADMIN"), "c1", "/s1/c1/", null);
        assertThat(communityAdmin.covers("/s1/c1/")).isTrue();
        assertThat(communityAdmin.covers("/s1/c1/g7/")).isTrue();
    }

    @Test
    void doesNotCoverASiblingCommunityOrAParent() {
        Caller communityAdmin = new Caller("a", "u", Set.of("COMMUNITY_ADMIN"), "c1", "/s1/c1/", null);
        assertThat(communityAdmin.covers("/s1/c2/")).isFalse();
        assertThat(communityAdmin.covers("/s1/c10/")).isFalse();
        assertThat(communityAdmin.covers("/s1/")).isFalse();
        assertThat(communityAdmin.covers(null)).isFalse();
    }

    @Test
    void aCountyWideAccountCoversEverything() {
        Caller county = new Caller("a", "admin", Set.of("COUNTY_ADMIN"), null, null, null);
        assertThat(county.covers("/any/")).isTrue();
    }

    @Test
    void propertyStaffWorkForTheirOwnCompanyOnly() {
        Caller staff = new Caller("a", "u", Set.of("PROPERTY_STAFF"), "c1", "/s1/c1/", "company-7");
        assertThat(staff.worksFor("company-7")).isTrue();
        assertThat(staff.worksFor("company-8")).isFalse();
        assertThat(new Caller("a", "u", Set.of("COUNTY_ADMIN"), null, null, null).worksFor("company-7")).isFalse();
    }
}
