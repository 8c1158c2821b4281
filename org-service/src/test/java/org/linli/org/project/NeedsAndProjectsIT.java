package org.linli.org.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.events.Topics;
import org.linli.org.identity.TestAccounts;
import org.linli.platform.test.EmbeddedInfrastructure;
import org.linli.platform.test.PublishedEvents;
import org.linli.platform.test.SimultaneousRequests;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 两张清单 → 项目清单 through the API: a need, the suggestions, a project claimed, done (ProjectCompleted); the unit's
 * gaps and year-end figures; capacity; overdue; scope.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@EmbeddedInfrastructure
class NeedsAndProjectsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoOperations mongo;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    private String county;
    private String community;
    private String otherCommunity;
    private String admin;
    private String unit;

    @BeforeEach
    void aStreetWithTwoCommunitiesAndAUnitPairedWithBoth() throws Exception {
        county = "Bearer " + JSON.readTree(mvc.perform(post("/api/v1/auth/token")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED).param("grant_type", "password")
                        .param("username", "admin").param("password", "test-admin-password"))
                .andReturn().getResponse().getContentAsString()).get("access_token").asString();
        String street = create(county, "/api/v1/org-units", Map.of("type", "STREET_COMMITTEE",
                "name", "分宜镇党委" + UUID.randomUUID(), "templateId", "FIVE_LEVEL"));
        community = create(county, "/api/v1/org-units", Map.of("type", "COMMUNITY_COMMITTEE", "name", "城东社区党委",
                "parentId", street));
        otherCommunity = create(county, "/api/v1/org-units", Map.of("type", "COMMUNITY_COMMITTEE",
                "name", "城西社区党委", "parentId", street));
        admin = TestAccounts.bearerOf(mvc, county, "COMMUNITY_ADMIN", community);
        unit = create(county, "/api/v1/dual-registration/units", Map.of("name", "县卫健局",
                "pairedCommunityIds", List.of(community, otherCommunity)));
    }

    @Test
    void aNeedMetByResourcesBecomesAProjectWhoseCompletionClosesItAndFreesTheCapacity() throws Exception {
        String resident = TestAccounts.bearerOf(mvc, county, "RESIDENT", community);
        String need = create(resident, "/api/v1/needs", need("独居老人助餐"));
        String shared = create(county, "/api/v1/resources", resource("DUAL_REGISTRATION_UNIT", unit, "ELDERLY_CARE",
                10, List.of(community, otherCommunity)));
        String local = create(admin, "/api/v1/resources", Map.of("providerKind", "PROPERTY_COMPANY",
                "providerId", "company-" + UUID.randomUUID(), "providerName", "红枫物业", "category", "ELDERLY_CARE",
                "description", "物业管家每月陪护", "capacity", 3, "capacityUnit", "HOURS",
                "communityIds", List.of(community)));
        create(admin, "/api/v1/resources", resource("DUAL_REGISTRATION_UNIT", unit, "HEALTH", 20, List.of(community)));

        read(admin, "/api/v1/needs/" + need + "/suggestions").andExpect(status().isOk())
                .andExpect(jsonPath("$.page.totalElements").value(2))
                .andExpect(jsonPath("$.content[0].id").value(local))
                .andExpect(jsonPath("$.content[1].id").value(shared));

        String project = create(admin, "/api/v1/projects", project(need, shared, 4, TODAY.plusDays(14)));
        read(admin, "/api/v1/resources/" + shared).andExpect(jsonPath("$.capacityLeft").value(6));
        read(resident, "/api/v1/needs/" + need).andExpect(jsonPath("$.status").value("MATCHED"))
                .andExpect(jsonPath("$.projectId").value(project));

        String second = create(admin, "/api/v1/needs", need("老人理发"));
        call(admin, "/api/v1/projects", Map.of("needId", second, "ownerKind", "DUAL_REGISTRATION_UNIT",
                "ownerId", unit, "deadline", TODAY.plusDays(14).toString(), "resources", List.of(
                        Map.of("resourceId", local, "amount", 1), Map.of("resourceId", shared, "amount", 7))))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("capacity-exceeded"));
        read(admin, "/api/v1/needs/" + second).andExpect(jsonPath("$.status").value("OPEN"));
        read(admin, "/api/v1/resources/" + local).andExpect(jsonPath("$.capacityLeft").value(3));

        call(admin, "/api/v1/projects/" + project + "/completion", Map.of("version", 0, "result", "x",
                "completedOn", TODAY.toString())).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("wrong-step"));
        call(admin, "/api/v1/projects/" + project + "/start", Map.of("version", 0)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("IN_PROGRESS"));
        call(admin, "/api/v1/projects/" + project + "/completion", Map.of("version", 1,
                "result", "每日午餐配送到户", "completedOn", TODAY.toString())).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DONE"));

        read(resident, "/api/v1/needs/" + need).andExpect(jsonPath("$.status").value("CLOSED"));
        read(admin, "/api/v1/resources/" + shared).andExpect(jsonPath("$.capacityLeft").value(10));
        JsonNode completed = PublishedEvents.awaitFirst(bootstrapServers, Topics.ORG_EVENTS, project, "ProjectCompleted");
        PublishedEvents.assertMatchesExample(completed, "org-events");
        assertThat(completed.at("/payload/unitId").asString()).isEqualTo(unit);
        assertThat(completed.at("/payload/needId").asString()).isEqualTo(need);
        assertThat(completed.at("/payload/completedOn").asString()).isEqualTo(TODAY.toString());
        assertThat(completed.toString()).doesNotContain("每日午餐配送到户");

        Project late = claimedTenDaysAgoDueThreeDaysAgo(second);
        read(admin, "/api/v1/projects?overdue=true&communityId=" + community)
                .andExpect(jsonPath("$.page.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].id").value(late.id()));
        read(admin, "/api/v1/projects/unit-summaries?year=" + TODAY.getYear())
                .andExpect(jsonPath("$.content[0].unitId").value(unit))
                .andExpect(jsonPath("$.content[0].done").value(1))
                .andExpect(jsonPath("$.content[0].claimed").value(late.year() == TODAY.getYear() ? 2 : 1))
                .andExpect(jsonPath("$.content[0].overdue").value(late.year() == TODAY.getYear() ? 1 : 0));
    }

    @Test
    void aProjectListClaimKeepsTheUnitOffTheGapsListAndCountsInItsYearEndFigures() throws Exception {
        String gaps = "/api/v1/dual-registration/gaps?year=" + TODAY.getYear();
        read(admin, gaps).andExpect(jsonPath("$.content[*].id").value(hasItem(unit)));
        String need = create(admin, "/api/v1/needs", need("楼道照明"));
        String resource = create(admin, "/api/v1/resources", resource("DUAL_REGISTRATION_UNIT", unit, "ELDERLY_CARE",
                5, List.of(community)));
        String project = create(admin, "/api/v1/projects", project(need, resource, 1, TODAY.plusDays(7)));

        read(admin, gaps).andExpect(jsonPath("$.content[*].id").value(not(hasItem(unit))));
        call(admin, "/api/v1/projects/" + project + "/start", Map.of("version", 0)).andExpect(status().isOk());
        call(admin, "/api/v1/projects/" + project + "/completion", Map.of("version", 1, "result", "装好十二盏灯",
                "completedOn", TODAY.toString())).andExpect(status().isOk());

        read(admin, gaps).andExpect(jsonPath("$.content[*].id").value(not(hasItem(unit))));
        long version = JSON.readTree(read(admin, "/api/v1/dual-registration/units/" + unit).andReturn().getResponse()
                .getContentAsString()).get("version").asLong();
        call(admin, "/api/v1/dual-registration/units/" + unit + "/scores", Map.of("version", version,
                "year", TODAY.getYear(), "communityId", community, "score", 92)).andExpect(status().isOk());
        read(admin, "/api/v1/dual-registration/units/" + unit).andExpect(status().isOk())
                .andExpect(jsonPath("$.projects").isEmpty())
                .andExpect(jsonPath("$.yearEnd[0].year").value(TODAY.getYear()))
                .andExpect(jsonPath("$.yearEnd[0].claimedProjects").value(1))
                .andExpect(jsonPath("$.yearEnd[0].completedProjects").value(1))
                .andExpect(jsonPath("$.yearEnd[0].overdueProjects").value(0))
                .andExpect(jsonPath("$.yearEnd[0].averageScore").value(92.0));
    }

    @Test
    void anotherCommunitysCallersGet403AndResidentsSeeTheirOwnAndTheirCommunitysOpenNeeds() throws Exception {
        String resident = TestAccounts.bearerOf(mvc, county, "RESIDENT", community);
        String neighbour = TestAccounts.bearerOf(mvc, county, "RESIDENT", community);
        String strangerResident = TestAccounts.bearerOf(mvc, county, "RESIDENT", otherCommunity);
        String strangerAdmin = TestAccounts.bearerOf(mvc, county, "COMMUNITY_ADMIN", otherCommunity);
        String need = create(resident, "/api/v1/needs", need("楼道灯维修"));
        String other = create(admin, "/api/v1/needs", need("健身器材维修"));
        String resource = create(admin, "/api/v1/resources", resource("DUAL_REGISTRATION_UNIT", unit,
                "ELDERLY_CARE", 5, List.of(community)));
        String project = create(admin, "/api/v1/projects", project(other, resource, 1, TODAY.plusDays(7)));

        call(strangerResident, "/api/v1/needs", need("x")).andExpect(status().isForbidden());
        read(strangerResident, "/api/v1/needs?communityId=" + community).andExpect(status().isForbidden());
        read(strangerAdmin, "/api/v1/needs/" + need).andExpect(status().isForbidden());
        read(strangerAdmin, "/api/v1/needs/" + need + "/suggestions").andExpect(status().isForbidden());
        call(strangerAdmin, "/api/v1/projects", project(need, resource, 1, TODAY.plusDays(7)))
                .andExpect(status().isForbidden());
        read(strangerAdmin, "/api/v1/projects/" + project).andExpect(status().isForbidden());
        call(strangerAdmin, "/api/v1/projects/" + project + "/start", Map.of("version", 0))
                .andExpect(status().isForbidden());
        read(strangerAdmin, "/api/v1/resources?communityId=" + community).andExpect(status().isForbidden());
        read(strangerAdmin, "/api/v1/projects?communityId=" + community).andExpect(status().isForbidden());
        call(strangerAdmin, "/api/v1/resources", resource("DUAL_REGISTRATION_UNIT", unit, "HEALTH", 1,
                List.of(community))).andExpect(status().isForbidden());
        read(strangerAdmin, "/api/v1/projects").andExpect(jsonPath("$.page.totalElements").value(0));
        read(resident, "/api/v1/projects").andExpect(status().isForbidden());

        read(neighbour, "/api/v1/needs").andExpect(status().isOk())
                .andExpect(jsonPath("$.page.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].id").value(need));
        read(neighbour, "/api/v1/needs?mine=true").andExpect(jsonPath("$.page.totalElements").value(0));
        read(neighbour, "/api/v1/needs/" + need).andExpect(status().isOk());
        read(neighbour, "/api/v1/needs/" + other).andExpect(status().isForbidden());
        call(neighbour, "/api/v1/needs/" + need + "/withdrawal", Map.of("version", 0))
                .andExpect(status().isForbidden());
        call(resident, "/api/v1/needs/" + need + "/withdrawal", Map.of("version", 0))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("WITHDRAWN"));
        read(neighbour, "/api/v1/needs/" + need).andExpect(status().isForbidden());
        read(resident, "/api/v1/needs?mine=true").andExpect(jsonPath("$.page.totalElements").value(1));
    }

    /**
     * Projects made at once: from one need, only one (the need's version refuses the others: 409, or 422 wrong-step
     * once it is MATCHED), the need matched to it, one amount held; over one resource, never more than its capacity
     * (the conditional {@code $inc}), the refused needs open again.
     */
    @Test
    void projectsMadeAtOnceMatchANeedOnceAndNeverHoldMoreThanAResourcesCapacity() throws Exception {
        String need = create(admin, "/api/v1/needs", need("楼顶防水"));
        String ample = create(admin, "/api/v1/resources", resource("DUAL_REGISTRATION_UNIT", unit, "ELDERLY_CARE",
                10, List.of(community)));
        List<MockHttpServletResponse> sameNeed = SimultaneousRequests.perform(mvc, 8, i -> json(admin, "/api/v1/projects",
                project(need, ample, 1, TODAY.plusDays(7))));
        assertThat(SimultaneousRequests.statuses(sameNeed)).containsEntry(201, 1).doesNotContainKey(500);
        assertThat(SimultaneousRequests.statuses(sameNeed).keySet()).isSubsetOf(201, 409, 422);
        assertThat(SimultaneousRequests.problemCodes(sameNeed)).isSubsetOf("stale-version", "wrong-step");
        List<Project> projects = mongo.find(Query.query(Criteria.where("needId").is(need)), Project.class);
        assertThat(projects).hasSize(1);
        read(admin, "/api/v1/needs/" + need).andExpect(jsonPath("$.status").value("MATCHED"))
                .andExpect(jsonPath("$.projectId").value(projects.get(0).id()));
        read(admin, "/api/v1/resources/" + ample).andExpect(jsonPath("$.capacityLeft").value(9));

        String scarce = create(admin, "/api/v1/resources", resource("DUAL_REGISTRATION_UNIT", unit, "ELDERLY_CARE",
                5, List.of(community)));
        List<String> needs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            needs.add(create(admin, "/api/v1/needs", need("助浴 " + i)));
        }
        List<MockHttpServletResponse> oneResource = SimultaneousRequests.perform(mvc, 8, i -> json(admin,
                "/api/v1/projects", project(needs.get(i), scarce, 2, TODAY.plusDays(7))));
        assertThat(SimultaneousRequests.statuses(oneResource)).isEqualTo(Map.of(201, 2, 422, 6));
        assertThat(SimultaneousRequests.problemCodes(oneResource)).containsOnly("capacity-exceeded");
        read(admin, "/api/v1/resources/" + scarce).andExpect(jsonPath("$.capacityLeft").value(1));
        List<Project> holding = mongo.find(Query.query(Criteria.where("needId").in(needs)), Project.class);
        assertThat(holding).hasSize(2);
        assertThat(mongo.find(Query.query(Criteria.where("_id").in(needs)), Need.class))
                .extracting(Need::status).containsOnly(Need.Status.OPEN, Need.Status.MATCHED)
                .filteredOn(status -> status == Need.Status.OPEN).hasSize(6);
    }

    /** A project claimed before today whose deadline has passed (the API refuses a deadline in the past). */
    private Project claimedTenDaysAgoDueThreeDaysAgo(String needId) {
        Need need = mongo.findById(needId, Need.class);
        Instant tenDaysAgo = Instant.now().minus(10, ChronoUnit.DAYS);
        Project project = Project.claim(need, new Provider(Provider.Kind.DUAL_REGISTRATION_UNIT, unit, "县卫健局"),
                List.of(), TODAY.minusDays(3), TODAY.minusDays(10), "admin", tenDaysAgo);
        need.match(project.id());
        mongo.save(need);
        return mongo.insert(project);
    }

    private Map<String, Object> need(String title) {
        return Map.of("communityId", community, "category", "ELDERLY_CARE", "title", title,
                "description", "3号楼两位独居老人", "place", "3号楼", "sourceIssueId", "issue-1");
    }

    private static Map<String, Object> resource(String kind, String providerId, String category, int capacity,
                                                List<String> communities) {
        return Map.of("providerKind", kind, "providerId", providerId, "category", category,
                "description", "每月上门服务", "capacity", capacity, "capacityUnit", "PLACES",
                "communityIds", communities);
    }

    private Map<String, Object> project(String needId, String resourceId, int amount, LocalDate deadline) {
        return Map.of("needId", needId, "ownerKind", "DUAL_REGISTRATION_UNIT", "ownerId", unit,
                "resources", List.of(Map.of("resourceId", resourceId, "amount", amount)),
                "deadline", deadline.toString());
    }

    private String create(String bearer, String path, Map<String, Object> body) throws Exception {
        JsonNode created = JSON.readTree(call(bearer, path, body).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString());
        assertThat(created.get("id").asString()).isNotBlank();
        return created.get("id").asString();
    }

    private ResultActions call(String bearer, String path, Map<String, Object> body) throws Exception {
        return mvc.perform(json(bearer, path, body));
    }

    private static MockHttpServletRequestBuilder json(String bearer, String path, Map<String, Object> body) {
        return post(path).header(HttpHeaders.AUTHORIZATION, bearer).contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(body));
    }

    private ResultActions read(String bearer, String path) throws Exception {
        return mvc.perform(get(path).header(HttpHeaders.AUTHORIZATION, bearer));
    }
}
