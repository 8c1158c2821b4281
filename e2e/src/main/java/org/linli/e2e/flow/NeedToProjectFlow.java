package org.linli.e2e.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.linli.e2e.client.Gateway;
import org.linli.e2e.client.Session;
import tools.jackson.databind.JsonNode;

/**
 * Flow k of issue #17: a resident's issue becomes a need (需求清单), met by a dual-registration unit's resource (资源清单)
 * in a project (项目清单) the unit claims (认领制 + 时限制), done, and counted for the unit's year-end score (承包制).
 *
 * <ol>
 *   <li>A {@link Neighbourhood} with grids; the county registers a dual-registration unit (双报到单位) paired with its
 *       community (org-service).</li>
 *   <li>A resident of the community reports an issue in the app (issue-service).</li>
 *   <li>The community's admin raises a need from it ({@code sourceIssueId}) and offers the unit's resource to the
 *       community; the need's matching suggestions list the resource (org-service).</li>
 *   <li>The admin of another community ({@code demo.community}: the demo county must be loaded) gets 403 on the
 *       suggestions and on making a project of the need.</li>
 *   <li>The community's admin makes a project of the need and the resource, claimed by the unit: the need is
 *       MATCHED and the resource's capacity held; the project is started and recorded done: the need is CLOSED and
 *       the capacity back.</li>
 *   <li>The year's unit summaries count the project claimed and done for the unit (not for the other community's
 *       admin); the community gives the unit its year-end score.</li>
 * </ol>
 *
 * No lag: issue-service and org-service share only the issue's id here, and every org-service step is synchronous.
 */
public final class NeedToProjectFlow implements Flow {

    private static final ZoneId COUNTY_ZONE = ZoneId.of("Asia/Shanghai");
    private static final int CAPACITY = 4;
    private static final int YEAR_END_SCORE = 95;

    @Override
    public String name() {
        return "k-need-to-project";
    }

    @Override
    public FlowResult run(Gateway gateway) {
        Session admin = gateway.admin();
        Neighbourhood n = Neighbourhood.withGrids(admin);
        String unitName = "端到端县人民医院" + n.run();
        String unitId = n.pairedDualRegistrationUnit(admin, unitName);
        Session communityAdmin = People.communityAdmin(gateway, admin, n);
        Session resident = People.resident(gateway, admin, n);

        String issueId = resident.post("/api/v1/issues", Map.of("category", "OTHER",
                "description", "端到端：楼里独居老人行动不便，希望有人定期上门量血压 " + n.run(),
                "lat", n.microBox().centreLat(), "lng", n.microBox().centreLng())).expect(201).path("id").asString();
        assertThat(Issues.read(communityAdmin, issueId).path("communityUnitId").asString())
                .as("issue-service: the resident's issue is in the community").isEqualTo(n.communityId());

        JsonNode need = communityAdmin.post("/api/v1/needs", Map.of("communityId", n.communityId(),
                "category", "HEALTH", "title", "独居老人定期上门测血压", "description", "居民反映：独居老人行动不便，需要每月上门测血压",
                "place", "端到端社区" + n.run(), "sourceIssueId", issueId)).expect(201);
        String needId = need.path("id").asString();
        assertThat(need.path("status").asString()).isEqualTo("OPEN");
        assertThat(need.path("sourceIssueId").asString()).as("org-service: the need cites the issue").isEqualTo(issueId);
        String resourceId = communityAdmin.post("/api/v1/resources", Map.of("providerKind", "DUAL_REGISTRATION_UNIT",
                "providerId", unitId, "category", "HEALTH", "description", "医护人员上门义诊、测血压",
                "capacity", CAPACITY, "capacityUnit", "TIMES", "communityIds", List.of(n.communityId())))
                .expect(201).path("id").asString();
        JsonNode suggestions = communityAdmin.get("/api/v1/needs/" + needId + "/suggestions").ok();
        assertThat(Pages.contains(suggestions, "id", resourceId)).as("org-service: the suggestions list the unit's "
                + "resource").isTrue();

        Map<String, Object> plan = Map.of("needId", needId, "ownerKind", "DUAL_REGISTRATION_UNIT", "ownerId", unitId,
                "resources", List.of(Map.of("resourceId", resourceId, "amount", 1)),
                "deadline", today().plusDays(30).toString());
        Session otherCommunity = gateway.demoAccount("demo.community");
        otherCommunity.get("/api/v1/needs/" + needId + "/suggestions").expect(403);
        otherCommunity.post("/api/v1/projects", plan).expect(403);

        JsonNode project = communityAdmin.post("/api/v1/projects", plan).expect(201);
        String projectId = project.path("id").asString();
        assertThat(project.path("owner").path("id").asString()).isEqualTo(unitId);
        assertThat(need(communityAdmin, needId).path("status").asString()).isEqualTo("MATCHED");
        assertThat(capacityLeft(communityAdmin, resourceId)).as("held by the project").isEqualTo(CAPACITY - 1);
        JsonNode started = communityAdmin.post("/api/v1/projects/" + projectId + "/start",
                Map.of("version", project.path("version").asLong())).ok();
        JsonNode done = communityAdmin.post("/api/v1/projects/" + projectId + "/completion", Map.of(
                "version", started.path("version").asLong(), "result", "医院医护人员已上门两次，老人血压平稳，建立了随访档案",
                "completedOn", today().toString())).ok();
        assertThat(done.path("status").asString()).isEqualTo("DONE");

        assertTheNeedIsClosedByTheProject(communityAdmin, needId, projectId, issueId);
        assertThat(capacityLeft(communityAdmin, resourceId)).as("given back when done").isEqualTo(CAPACITY);
        otherCommunity.get("/api/v1/projects/" + projectId).expect(403);
        int year = done.path("year").asInt();
        assertTheYearCountsItForTheUnit(communityAdmin, otherCommunity, year, unitId);
        assertTheCommunityScoresTheUnit(communityAdmin, unitId, year, n);
        return FlowResult.of(name()).build();
    }

    private static JsonNode need(Session staff, String needId) {
        return staff.get("/api/v1/needs/" + needId).ok();
    }

    private static int capacityLeft(Session staff, String resourceId) {
        return staff.get("/api/v1/resources/" + resourceId).ok().path("capacityLeft").asInt();
    }

    private static void assertTheNeedIsClosedByTheProject(Session staff, String needId, String projectId,
                                                          String issueId) {
        JsonNode need = need(staff, needId);
        assertThat(need.path("status").asString()).as("org-service: the need is closed").isEqualTo("CLOSED");
        assertThat(need.path("projectId").asString()).isEqualTo(projectId);
        assertThat(need.path("closedAt").isNull()).isFalse();
        assertThat(need.path("sourceIssueId").asString()).isEqualTo(issueId);
    }

    private static void assertTheYearCountsItForTheUnit(Session staff, Session otherCommunity, int year, String unitId) {
        String summaries = "/api/v1/projects/unit-summaries?year=" + year + "&size=200";
        JsonNode unit = Pages.find(staff.get(summaries).ok(), "unitId", unitId).orElseThrow(
                () -> new AssertionError("org-service: no " + year + " summary for unit " + unitId));
        assertThat(unit.path("claimed").asInt()).as("claimed").isEqualTo(1);
        assertThat(unit.path("done").asInt()).as("done").isEqualTo(1);
        assertThat(unit.path("overdue").asInt()).as("overdue").isZero();
        assertThat(unit.path("cancelled").asInt()).as("cancelled").isZero();
        assertThat(Pages.contains(otherCommunity.get(summaries).ok(), "unitId", unitId))
                .as("another community's summaries leave the unit out").isFalse();
    }

    /** 承包制: what the community weighs for the unit's year-end score, given once a year. */
    private static void assertTheCommunityScoresTheUnit(Session staff, String unitId, int year, Neighbourhood n) {
        String path = "/api/v1/dual-registration/units/" + unitId;
        JsonNode unit = staff.post(path + "/scores", Map.of("version", staff.get(path).ok().path("version").asLong(),
                "year", year, "communityId", n.communityId(), "score", YEAR_END_SCORE)).ok();
        JsonNode score = Pages.find(unit.path("yearEndScores"), "communityId", n.communityId()).orElseThrow();
        assertThat(score.path("year").asInt()).isEqualTo(year);
        assertThat(score.path("score").asInt()).isEqualTo(YEAR_END_SCORE);
    }

    private static LocalDate today() {
        return LocalDate.now(COUNTY_ZONE);
    }
}
