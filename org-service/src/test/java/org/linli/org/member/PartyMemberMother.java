package org.linli.org.member;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.linli.org.unit.OrgUnitDirectory.UnitView;
import org.linli.org.unit.OrgUnitType;

/** Fixtures for party-member tests: units as other features see them, registrations, valid id numbers. */
public final class PartyMemberMother {

    /** Valid resident identity numbers (check characters computed independently of {@link IdNumber}). */
    public static final List<String> VALID_ID_NUMBERS = List.of("420602198803101017", "420606199107111086",
            "420607197512121154", "42062419660913122X", "420683200011141297", "420602198803151364",
            "420606199107161438", "420607197512171506", "420624196609181577", "420683200011191649",
            "420602198803201712", "420606199107211781", "42060719751222185X", "420624196609231925",
            "420683200011241992", "420602198803252069", "420606199107262132", "420607197512272200",
            "420624196609282271", "420683200011292343");

    static final Instant NOW = Instant.parse("2026-11-21T08:30:00Z");

    private static final AtomicInteger NEXT_ID_NUMBER = new AtomicInteger();

    static final UnitView COMMUNITY = unit(OrgUnitType.COMMUNITY_COMMITTEE, "檀溪社区党委", "/street/");
    static final UnitView BRANCH = unit(OrgUnitType.GRID_BRANCH, "第一网格党支部", COMMUNITY.path());
    static final UnitView GROUP = unit(OrgUnitType.BUILDING_GROUP, "3号楼党小组", BRANCH.path());
    static final UnitView OTHER_BRANCH = unit(OrgUnitType.GRID_BRANCH, "第二网格党支部", COMMUNITY.path());

    private PartyMemberMother() {
    }

    /** A different valid identity number on each call (at most {@code VALID_ID_NUMBERS.size()} per run). */
    public static String nextIdNumber() {
        return VALID_ID_NUMBERS.get(NEXT_ID_NUMBER.getAndIncrement() % VALID_ID_NUMBERS.size());
    }

    static UnitView unit(OrgUnitType type, String name, String parentPath) {
        String id = UUID.randomUUID().toString();
        return new UnitView(id, type, name, parentPath + id + "/", true);
    }

    static UnitView inactive(UnitView unit) {
        return new UnitView(unit.id(), unit.type(), unit.name(), unit.path(), false);
    }

    static PartyMember.Registration resident(String idNumber) {
        return new PartyMember.Registration("王建国", idNumber, "13871234567", MemberKind.RESIDENT, null,
                "building-3", "building-3/unit-2", "支部书记", null);
    }

    static PartyMember.Registration inService(DualRegistration dualRegistration) {
        return new PartyMember.Registration("李红", "11010519491231002X", null, MemberKind.IN_SERVICE,
                dualRegistration, "building-3", "building-3/unit-1", null, null);
    }

    static DualRegistration dualRegistration() {
        return new DualRegistration("襄阳市住建局", COMMUNITY.id(), LocalDate.of(2026, 3, 5));
    }

    static PartyMember residentMember() {
        return PartyMember.register(resident("11010519491231002X"), BRANCH, GROUP, NOW);
    }

    static PartyMember unitLeader() {
        PartyMember member = residentMember();
        member.appointUnitLeader(NOW);
        return member;
    }
}
