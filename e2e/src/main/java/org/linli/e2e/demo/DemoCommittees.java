package org.linli.e2e.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.linli.e2e.client.Identifiers;
import org.linli.e2e.client.Session;
import org.linli.e2e.demo.County.Community;
import org.linli.e2e.demo.County.Compound;

/**
 * Owners' committees and cross-appointments (双向进入、交叉任职) in the first community, registered by its community
 * admin: the owners' committees (业委会) of its first two company-served compounds, the first with a party majority and
 * a major decision reported in advance (事前报告, acknowledged by the community), and an interim property committee
 * (物管会) in its third; then a community committee member on the first committee, the first company's project manager
 * as a part-time community committee member, and the first committee's director supervising that company.
 */
final class DemoCommittees {

    private final Session community;
    private final County county;
    private final LocalDate today = LocalDate.now(DemoSeason.COUNTY_ZONE);
    private final List<String> committeeIds = new ArrayList<>();

    DemoCommittees(Session community, County county) {
        this.community = community;
        this.county = county;
    }

    void ownersCommittees() {
        Community first = county.communities.get(0);
        List<Compound> served = county.compounds().stream()
                .filter(compound -> compound.micro.branch.community == first && compound.company != null).limit(3)
                .toList();
        for (int i = 0; i < served.size(); i++) {
            String kind = i < 2 ? "OWNERS_COMMITTEE" : "INTERIM_PROPERTY_COMMITTEE";
            LocalDate startsOn = i < 2 ? today.minusYears(1 + i).withDayOfMonth(1) : today.minusMonths(2);
            var committee = community.post("/api/v1/owners-committees", Map.of("compoundId", served.get(i).id,
                    "kind", kind, "communityUnitId", first.unitId, "startsOn", startsOn.toString(),
                    "endsOn", startsOn.plusYears(i < 2 ? 5 : 1).minusDays(1).toString(),
                    "members", members(7000 + 10 * i, i == 0 ? 3 : 2))).expect(201);
            committeeIds.add(committee.path("id").asString());
            if (i == 0) {
                reportRenewal(committee.path("id").asString(), committee.path("version").asLong(), served.get(0));
            }
        }
    }

    /** Three people who hold a role in a body other than their own; needs {@link #ownersCommittees} first. */
    void crossAppointments() {
        if (committeeIds.isEmpty()) {
            return;
        }
        Community first = county.communities.get(0);
        County.Company company = county.companies.get(0);
        String committee = committeeIds.get(0);
        String since = today.minusMonths(10).withDayOfMonth(1).toString();
        community.post("/api/v1/appointments", Map.of("personName", Names.person(7100), "role", "业委会委员（社区居委会委员兼任）",
                "bodyKind", "OWNERS_COMMITTEE", "bodyId", committee, "communityUnitId", first.unitId,
                "startsOn", since)).expect(201);
        community.post("/api/v1/appointments", Map.of("personName", Names.person(7101), "role", "社区兼职委员（物业项目经理、党员）",
                "bodyKind", "COMMUNITY_COMMITTEE", "bodyId", first.unitId, "companyId", company.id(),
                "communityUnitId", first.unitId, "startsOn", since,
                "endsOn", today.plusYears(2).toString())).expect(201);
        community.post("/api/v1/appointments", Map.of("personName", Names.person(7000), "role", "物业服务独立监督员（业委会主任）",
                "bodyKind", "PROPERTY_COMPANY", "bodyId", company.id(), "communityUnitId", first.unitId,
                "startsOn", since)).expect(201);
    }

    /** 事前报告: the re-selection of the company, to take effect in a fortnight, acknowledged by the community. */
    private void reportRenewal(String committee, long version, Compound compound) {
        var decision = community.post("/api/v1/owners-committees/" + committee + "/decisions", Map.of(
                "version", version,
                "title", "续聘" + compound.company.name() + "为" + compound.name + "物业服务企业",
                "summary", "业主大会表决通过续聘，合同期三年，物业费标准不变", "takesEffectOn", today.plusDays(14).toString()))
                .expect(201);
        community.post("/api/v1/owners-committees/" + committee + "/decisions/" + decision.path("id").asString()
                + "/acknowledgement", Map.of("version", decision.path("version").asLong(), "accepted", true)).ok();
    }

    /** Five members, one director and one deputy; the first {@code partyMembers} are party members. */
    private static List<Map<String, Object>> members(int n, int partyMembers) {
        List<Map<String, Object>> members = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            members.add(Map.of("name", Names.person(n + k),
                    "idNumber", Identifiers.idNumber(LocalDate.of(1960 + k * 5, 1 + k, 10 + k), n + k),
                    "role", k == 0 ? "DIRECTOR" : k == 1 ? "DEPUTY_DIRECTOR" : "MEMBER",
                    "partyMember", k < partyMembers));
        }
        return members;
    }
}
