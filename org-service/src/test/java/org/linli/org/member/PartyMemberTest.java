package org.linli.org.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.linli.org.member.PartyMemberMother.BRANCH;
import static org.linli.org.member.PartyMemberMother.COMMUNITY;
import static org.linli.org.member.PartyMemberMother.GROUP;
import static org.linli.org.member.PartyMemberMother.NOW;
import static org.linli.org.member.PartyMemberMother.OTHER_BRANCH;

import java.time.Instant;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.linli.org.unit.OrgUnitDirectory.UnitView;
import org.linli.org.unit.OrgUnitType;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.platform.domain.NotFoundException;

class PartyMemberTest {

    private static final Instant LATER = NOW.plusSeconds(3600);

    @Test
    void registersWithTheBranchsPathAndRecordsPartyMemberRegisteredWithoutPersonalData() {
        PartyMember member = PartyMemberMother.residentMember();

        assertThat(member.unitPath()).isEqualTo(BRANCH.path());
        assertThat(member.groupId()).isEqualTo(GROUP.id());
        assertThat(member.status()).isEqualTo(PartyMember.Status.ACTIVE);
        assertThat(member.pendingEvents()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("PartyMemberRegistered");
            assertThat(event.aggregateId()).isEqualTo(member.id());
            assertThat(event.payload()).contains("\"name\":\"王建国\"", "\"kind\":\"RESIDENT\"",
                    "\"branchId\":\"" + BRANCH.id() + "\"");
            assertThat(event.payload()).doesNotContain("11010519491231002X", "13871234567", "idNumber", "phone");
        });
    }

    @Test
    void refusesAnInvalidIdNumber() {
        assertRule(() -> PartyMember.register(PartyMemberMother.resident("110105194912310021"), BRANCH, null, NOW),
                "invalid-id-number");
        assertRule(() -> PartyMember.register(PartyMemberMother.resident("1101051949123100"), BRANCH, null, NOW),
                "invalid-id-number");
    }

    @Test
    void refusesAnInvalidPhone() {
        PartyMember.Registration registration = new PartyMember.Registration("王建国", "11010519491231002X",
                "12345678901", MemberKind.RESIDENT, null, null, null, null, null);

        assertRule(() -> PartyMember.register(registration, BRANCH, null, NOW), "invalid-phone");
    }

    @Test
    void anInServiceMemberNeedsACompleteDualRegistration() {
        assertRule(() -> PartyMember.register(PartyMemberMother.inService(null), BRANCH, null, NOW),
                "dual-registration-required");
        DualRegistration withoutDate = new DualRegistration("襄阳市住建局", COMMUNITY.id(), null);
        assertRule(() -> PartyMember.register(PartyMemberMother.inService(withoutDate), BRANCH, null, NOW),
                "dual-registration-required");

        PartyMember member = PartyMember.register(PartyMemberMother.inService(PartyMemberMother.dualRegistration()),
                BRANCH, null, NOW);
        assertThat(member.dualRegistration().residenceCommunityId()).isEqualTo(COMMUNITY.id());
        assertThat(member.pendingEvents().get(0).payload()).contains("\"residenceCommunityId\":\"" + COMMUNITY.id() + "\"");
    }

    @Test
    void aResidentMemberHasNoDualRegistration() {
        PartyMember.Registration registration = new PartyMember.Registration("王建国", "11010519491231002X", null,
                MemberKind.RESIDENT, PartyMemberMother.dualRegistration(), null, null, null, null);

        assertRule(() -> PartyMember.register(registration, BRANCH, null, NOW), "dual-registration-not-applicable");
    }

    @Test
    void refusesAGroupOutsideTheBranchAndAGroupAsBranch() {
        UnitView otherGroup = PartyMemberMother.unit(OrgUnitType.BUILDING_GROUP, "5号楼党小组", OTHER_BRANCH.path());

        assertRule(() -> PartyMember.register(PartyMemberMother.resident("11010519491231002X"), BRANCH, otherGroup, NOW),
                "invalid-group");
        assertRule(() -> PartyMember.register(PartyMemberMother.resident("11010519491231002X"), GROUP, null, NOW),
                "invalid-branch");
    }

    @Test
    void refusesAnInactiveBranch() {
        assertRule(() -> PartyMember.register(PartyMemberMother.resident("11010519491231002X"),
                PartyMemberMother.inactive(BRANCH), null, NOW), "unit-inactive");
    }

    @Test
    void linksAtMostTwoOrdinaryHouseholds() {
        PartyMember member = PartyMemberMother.residentMember();
        member.linkHousehold("household-1", NOW);
        member.linkHousehold("household-2", NOW);

        assertRule(() -> member.linkHousehold("household-3", NOW), "household-link-limit");
        assertThat(member.householdLinks()).extracting(HouseholdLink::householdId)
                .containsExactly("household-1", "household-2");
    }

    @Test
    void unlinkingAHouseholdFreesItsPlace() {
        PartyMember member = PartyMemberMother.residentMember();
        member.linkHousehold("household-1", NOW);
        member.linkHousehold("household-2", NOW);

        member.unlinkHousehold("household-1", LATER);
        member.linkHousehold("household-3", LATER);

        assertThat(member.householdLinks()).extracting(HouseholdLink::householdId)
                .containsExactly("household-2", "household-3");
        assertThat(member.pendingEvents()).extracting(event -> event.type()).containsExactly("PartyMemberRegistered",
                "PartyMemberHouseholdLinked", "PartyMemberHouseholdLinked", "PartyMemberHouseholdUnlinked",
                "PartyMemberHouseholdLinked");
        assertThatThrownBy(() -> member.unlinkHousehold("household-1", LATER)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void refusesLinkingTheSameHouseholdTwice() {
        PartyMember member = PartyMemberMother.unitLeader();
        member.linkHousehold("household-1", NOW);

        assertRule(() -> member.linkHousehold("household-1", NOW), "household-already-linked");
        assertRule(() -> member.linkSpecialHousehold("household-1", SpecialGroup.DISABLED, "building-3/unit-2", NOW),
                "household-already-linked");
        assertThat(member.householdLinks()).hasSize(1);
    }

    @Test
    void onlyAUnitLeaderLinksSpecialGroupHouseholds() {
        PartyMember member = PartyMemberMother.residentMember();

        assertRule(() -> member.linkSpecialHousehold("household-9", SpecialGroup.ELDERLY_LIVING_ALONE,
                "building-3/unit-2", NOW), "not-a-unit-leader");
        assertThat(member.householdLinks()).isEmpty();
    }

    @Test
    void aUnitLeaderLinksSpecialGroupHouseholdsOfItsOwnBuildingUnitOnly() {
        PartyMember leader = PartyMemberMother.unitLeader();

        assertRule(() -> leader.linkSpecialHousehold("household-9", SpecialGroup.ELDERLY_LIVING_ALONE,
                "building-3/unit-1", NOW), "outside-building-unit");
        assertRule(() -> leader.linkSpecialHousehold("household-9", SpecialGroup.ELDERLY_LIVING_ALONE, null, NOW),
                "outside-building-unit");
        assertRule(() -> leader.linkSpecialHousehold("household-9", null, "building-3/unit-2", NOW),
                "special-group-required");

        leader.linkSpecialHousehold("household-9", SpecialGroup.ELDERLY_LIVING_ALONE, "building-3/unit-2", NOW);
        assertThat(leader.householdLinks()).singleElement().satisfies(link -> {
            assertThat(link.special()).isTrue();
            assertThat(link.buildingUnitRef()).isEqualTo("building-3/unit-2");
        });
        assertThat(leader.pendingEvents().get(leader.pendingEvents().size() - 1).payload()).contains("\"special\":true");
    }

    @Test
    void specialGroupLinksDoNotCountAgainstTheOrdinaryLimit() {
        PartyMember leader = PartyMemberMother.unitLeader();
        leader.linkHousehold("household-1", NOW);
        leader.linkHousehold("household-2", NOW);

        leader.linkSpecialHousehold("household-3", SpecialGroup.DISABLED, "building-3/unit-2", NOW);
        leader.linkSpecialHousehold("household-4", SpecialGroup.HARDSHIP, "building-3/unit-2", NOW);

        assertThat(leader.householdLinks()).hasSize(4);
    }

    @Test
    void aUnitLeaderNeedsABuildingUnit() {
        PartyMember.Registration withoutUnit = new PartyMember.Registration("王建国", "11010519491231002X", null,
                MemberKind.RESIDENT, null, "building-3", null, null, null);
        PartyMember member = PartyMember.register(withoutUnit, BRANCH, null, NOW);

        assertRule(() -> member.appointUnitLeader(NOW), "building-unit-required");
        assertThat(member.isUnitLeader()).isFalse();
    }

    @Test
    void aTransferMovesBranchGroupAndPathAndKeepsTheHistory() {
        PartyMember member = PartyMemberMother.residentMember();

        member.transferTo(OTHER_BRANCH, null, "搬家", LATER);

        assertThat(member.branchId()).isEqualTo(OTHER_BRANCH.id());
        assertThat(member.groupId()).isNull();
        assertThat(member.unitPath()).isEqualTo(OTHER_BRANCH.path());
        assertThat(member.transfers()).containsExactly(new Transfer(BRANCH.id(), OTHER_BRANCH.id(), LATER, "搬家"));

        member.transferTo(BRANCH, GROUP, "搬回", LATER.plusSeconds(60));
        assertThat(member.transfers()).extracting(Transfer::toUnitId).containsExactly(OTHER_BRANCH.id(), BRANCH.id());
        assertThat(member.groupId()).isEqualTo(GROUP.id());
        assertThat(member.pendingEvents()).filteredOn(event -> event.type().equals("PartyMemberTransferred"))
                .hasSize(2).first().satisfies(event -> assertThat(event.payload()).contains(
                        "\"oldPath\":\"" + BRANCH.path() + "\"", "\"newPath\":\"" + OTHER_BRANCH.path() + "\""));
    }

    @Test
    void refusesATransferToTheUnitTheMemberIsIn() {
        PartyMember member = PartyMemberMother.residentMember();

        assertRule(() -> member.transferTo(BRANCH, GROUP, "无变化", LATER), "transfer-to-same-unit");
        assertRule(() -> member.transferTo(PartyMemberMother.inactive(OTHER_BRANCH), null, "撤销的支部", LATER),
                "unit-inactive");
        assertThat(member.transfers()).isEmpty();
    }

    private static void assertRule(ThrowingCallable call, String code) {
        assertThatThrownBy(call).isInstanceOf(BusinessRuleViolation.class)
                .satisfies(e -> assertThat(((BusinessRuleViolation) e).code()).isEqualTo(code));
    }
}
