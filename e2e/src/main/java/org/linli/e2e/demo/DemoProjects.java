package org.linli.e2e.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.linli.e2e.client.Session;
import org.linli.e2e.demo.County.Community;
import tools.jackson.databind.JsonNode;

/**
 * 两张清单 → 项目清单 in the first community: the county registers 县人民医院 as a dual-registration unit paired with it,
 * {@code demo.community} offers the hospital's home visits as a resource (资源清单) and raises a need (需求清单) for
 * blood-pressure checks of lone elderly residents, makes a project of the two claimed by the hospital (认领制 +
 * 时限制), started and done: the need CLOSED, the hospital's project counted as done in the year's unit summaries
 * ({@code GET /api/v1/projects/unit-summaries?year=}). {@code demo.resident} raises a second need (群众点单), after-school
 * care, still OPEN with no resource to meet it.
 */
final class DemoProjects {

    static final String HOSPITAL = "县人民医院";

    private final Session admin;
    private final County county;

    DemoProjects(Session admin, County county) {
        this.admin = admin;
        this.county = county;
    }

    void lists(Session community, Session resident) {
        Community first = county.communities.get(0);
        LocalDate today = LocalDate.now(DemoSeason.COUNTY_ZONE);
        String hospital = admin.post("/api/v1/dual-registration/units", Map.of("name", HOSPITAL,
                "pairedCommunityIds", List.of(first.unitId))).expect(201).path("id").asString();
        String visits = community.post("/api/v1/resources", Map.of("providerKind", "DUAL_REGISTRATION_UNIT",
                "providerId", hospital, "category", "HEALTH", "description", "医护人员进社区义诊，上门为行动不便的老人测血压、测血糖",
                "capacity", 4, "capacityUnit", "TIMES", "communityIds", List.of(first.unitId)))
                .expect(201).path("id").asString();
        String need = community.post("/api/v1/needs", Map.of("communityId", first.unitId, "category", "HEALTH",
                "title", "独居老人定期上门测血压", "description", "网格走访发现辖区十余位独居老人患高血压、行动不便，需要每月上门测量并建立健康档案",
                "place", first.branches.get(0).name())).expect(201).path("id").asString();
        JsonNode project = community.post("/api/v1/projects", Map.of("needId", need, "ownerKind", "DUAL_REGISTRATION_UNIT",
                "ownerId", hospital, "resources", List.of(Map.of("resourceId", visits, "amount", 2)),
                "deadline", today.plusDays(30).toString())).expect(201);
        String path = "/api/v1/projects/" + project.path("id").asString();
        JsonNode started = community.post(path + "/start", Map.of("version", project.path("version").asLong())).ok();
        community.post(path + "/completion", Map.of("version", started.path("version").asLong(),
                "result", "医院派出两名医护人员上门两次，为12位独居老人测量血压并建立随访档案，2人转诊复查",
                "completedOn", today.toString())).ok();
        resident.post("/api/v1/needs", Map.of("communityId", first.unitId, "category", "CHILD_CARE",
                "title", "双职工家庭孩子放学后无人看护", "description", "小区里不少双职工家庭，孩子下午四点放学后没人照看，希望社区开办四点半课堂",
                "place", first.name + "党群服务站")).expect(201);
    }
}
