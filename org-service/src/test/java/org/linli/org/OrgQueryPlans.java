package org.linli.org;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.mongodb.client.MongoClient;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.linli.org.identity.InitialPasswords;
import org.linli.platform.test.QueryPlans;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every query org-service sends on its hot paths is answered through an index on real MongoDB: signing in,
 * creating units, an account and a party member (with their uniqueness checks), each by id, the lists as a
 * community admin sees them, the members' board, the coverage dashboard of a community and deactivating a unit
 * (its active children and members). The service's own code sends them; {@link QueryPlans} records them and
 * asks MongoDB's {@code explain} for each. Run by {@link OrgQueryPlansContainersIT} (real MongoDB,
 * skipped without Docker) and {@link OrgQueryPlansEmbeddedIT} (the embedded store, which has no {@code explain}:
 * there only that the hot paths ran and queried these collections).
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(QueryPlans.Recording.class)
abstract class OrgQueryPlans {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    QueryPlans plans;
    @Autowired
    MongoClient client;

    @Test
    void theHotPathsQueryThroughIndexes() throws Exception {
        plans.forget();
        String county = token("admin", "test-admin-password");
        JsonNode street = create(county, "/api/v1/org-units", Map.of("type", "STREET_COMMITTEE", "name", "真武山街道党工委",
                "templateId", "FIVE_LEVEL"));
        JsonNode community = create(county, "/api/v1/org-units", Map.of("type", "COMMUNITY_COMMITTEE", "name", "檀溪社区党委",
                "parentId", street.get("id").asString()));
        String communityId = community.get("id").asString();
        JsonNode branch = create(county, "/api/v1/org-units", Map.of("type", "GRID_BRANCH", "name", "第一网格党支部",
                "parentId", communityId));
        JsonNode group = create(county, "/api/v1/org-units", Map.of("type", "BUILDING_GROUP", "name", "3号楼党小组",
                "parentId", branch.get("id").asString()));
        create(county, "/api/v1/accounts", Map.of("username", "tanxi-admin", "password", InitialPasswords.INITIAL,
                "roles", List.of("COMMUNITY_ADMIN"), "orgUnitId", communityId));
        InitialPasswords.changeInitial(mvc, "tanxi-admin", "Member-Test-Pass1");
        String admin = token("tanxi-admin", "Member-Test-Pass1");
        Map<String, Object> member = new HashMap<>(Map.of("name", "王建国", "idNumber", "110101199003074514",
                "phone", "13871234567", "kind", "RESIDENT", "branchId", branch.get("id").asString(), "duty", "支部书记"));
        String memberId = create(admin, "/api/v1/party-members", member).get("id").asString();

        for (String path : new String[] {"/api/v1/org-units/" + communityId, "/api/v1/org-units",
                "/api/v1/org-units?parentId=" + communityId, "/api/v1/org-units/" + communityId + "/coverage",
                "/api/v1/org-units/" + communityId + "/property-companies", "/api/v1/party-members/" + memberId,
                "/api/v1/party-members", "/api/v1/party-members?branchId=" + branch.get("id").asString(),
                "/api/v1/accounts/me", "/api/v1/accounts", "/api/v1/owners-committees", "/api/v1/appointments",
                "/api/v1/dual-registration/units", "/api/v1/dual-registration/gaps?year=" + Year.now()}) {
            mvc.perform(bearer(get(path), admin)).andExpect(status().isOk());
        }
        mvc.perform(bearer(get("/api/v1/party-members/public-board").param("unitId", communityId), admin))
                .andExpect(status().isOk());
        mvc.perform(bearer(post("/api/v1/org-units/" + group.get("id").asString() + "/deactivation"), admin));
        create(admin, "/api/v1/proposals", Map.of("unitId", communityId, "title", "巷口装路灯", "content", "晚上太黑"));
        mvc.perform(bearer(get("/api/v1/proposals"), admin)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/proposals/posted").param("unitId", communityId)).andExpect(status().isOk());
        mvc.perform(bearer(get("/api/v1/org-units/" + communityId + "/subtree").param("type", "GRID_BRANCH"), admin))
                .andExpect(status().isOk());

        rateBranches(county, admin, communityId, branch.get("id").asString());
        needsAndProjects(county, admin, communityId);

        check( "accounts", "org_units", "party_members", "owners_committees",
                "cross_appointments", "dual_registration_units", "proposals", "branch_rating_rounds",
                "branch_rating_visits", "branch_rating_codes", "branch_ratings", "needs", "resources", "projects");
    }

    /** 支部好不好: a round, a visit's code used, the lists and results as the community admin and the public see them. */
    private void rateBranches(String county, String admin, String communityId, String branchId) throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String round = create(county, "/api/v1/branch-ratings/rounds", Map.of("unitId", communityId,
                "title", "第四季度支部测评", "startsOn", today.minusDays(1).toString(),
                "endsOn", today.plusDays(30).toString())).get("id").asString();
        String rounds = "/api/v1/branch-ratings/rounds/" + round;
        JsonNode visit = create(county, rounds + "/visits", Map.of("branchId", branchId, "household", "3号楼301",
                "visitedOn", today.toString(), "visitor", "街道组织委员", "codes", 1));
        mvc.perform(post(rounds + "/code-ratings").contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(Map.of("branchId", branchId, "score", "SATISFIED",
                                "comment", "好", "code", visit.get("codes").get(0).asString()))))
                .andExpect(status().isCreated());
        for (String path : new String[] {"/api/v1/branch-ratings/rounds", rounds, rounds + "/results",
                rounds + "/branches/" + branchId + "/comments"}) {
            mvc.perform(bearer(get(path), admin)).andExpect(status().isOk());
        }
        mvc.perform(bearer(get(rounds + "/visits"), county)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/branch-ratings/published").param("unitId", communityId)).andExpect(status().isOk());
    }

    /** 两张清单 → 项目清单: a need, a resource, the suggestions, a project, the lists as the community admin sees them. */
    private void needsAndProjects(String county, String admin, String communityId) throws Exception {
        String unit = create(county, "/api/v1/dual-registration/units", Map.of("name", "县民政局",
                "pairedCommunityIds", List.of(communityId))).get("id").asString();
        String need = create(admin, "/api/v1/needs", Map.of("communityId", communityId, "category", "ELDERLY_CARE",
                "title", "独居老人助餐", "description", "午餐配送")).get("id").asString();
        String resource = create(admin, "/api/v1/resources", Map.of("providerKind", "DUAL_REGISTRATION_UNIT",
                "providerId", unit, "category", "ELDERLY_CARE", "description", "送餐", "capacity", 10,
                "capacityUnit", "PLACES", "communityIds", List.of(communityId))).get("id").asString();
        mvc.perform(bearer(get("/api/v1/needs/" + need + "/suggestions"), admin)).andExpect(status().isOk());
        String project = create(admin, "/api/v1/projects", Map.of("needId", need, "ownerKind",
                "DUAL_REGISTRATION_UNIT", "ownerId", unit, "resources", List.of(Map.of("resourceId", resource,
                        "amount", 2)), "deadline", LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(7).toString()))
                .get("id").asString();
        for (String path : new String[] {"/api/v1/needs", "/api/v1/needs?status=OPEN", "/api/v1/needs?mine=true",
                "/api/v1/resources?communityId=" + communityId + "&category=ELDERLY_CARE", "/api/v1/projects",
                "/api/v1/projects?overdue=true", "/api/v1/projects/" + project,
                "/api/v1/projects/unit-summaries?year=" + Year.now()}) {
            mvc.perform(bearer(get(path), admin)).andExpect(status().isOk());
        }
    }

    private JsonNode create(String token, String path, Map<String, Object> body) throws Exception {
        return JSON.readTree(mvc.perform(bearer(post(path), token).contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(body)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
    }

    private static MockHttpServletRequestBuilder bearer(MockHttpServletRequestBuilder request, String token) {
        return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }

    private String token(String username, String password) throws Exception {
        String body = mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("grant_type", "password").param("username", username).param("password", password))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return JSON.readTree(body).get("access_token").asString();
    }

    /** What is asked of the queries recorded on the named collections. */
    abstract void check(String... collections);

    /** 履职清单: a duty recorded against a street's quota, the month's reports of the holder and of the community. */
    @Test
    void theDutyPathsQueryThroughIndexes() throws Exception {
        String county = token("admin", "test-admin-password");
        String street = create(county, "/api/v1/org-units", Map.of("type", "STREET_COMMITTEE", "name", "新街镇党委",
                "templateId", "FIVE_LEVEL")).get("id").asString();
        String community = create(county, "/api/v1/org-units", Map.of("type", "COMMUNITY_COMMITTEE",
                "name", "东海社区党委", "parentId", street)).get("id").asString();
        String holder = JSON.readTree(mvc.perform(bearer(get("/api/v1/accounts/me"), county)).andReturn().getResponse()
                .getContentAsString()).get("id").asString();
        create(county, "/api/v1/duty-quotas", Map.of("unitId", street, "template", "SAN_BANG_WU_DU"));
        create(county, "/api/v1/duty-holders", Map.of("accountId", holder, "role", "ALLEY_CHIEF",
                "unitId", community));
        plans.forget();
        create(county, "/api/v1/duty-records", Map.of("role", "ALLEY_CHIEF", "kind", "SUPERVISE_SANITATION",
                "doneOn", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString(), "note", "巷内巡查"));
        String month = java.time.YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
        for (String path : new String[] {"/api/v1/duty-reports/holders/" + holder + "?month=" + month,
                "/api/v1/duty-reports/units/" + community + "?month=" + month,
                "/api/v1/duty-quotas?unitId=" + street, "/api/v1/duty-holders?unitId=" + community}) {
            mvc.perform(bearer(get(path), county)).andExpect(status().isOk());
        }
        check("duty_quotas", "duty_assignments", "duty_records");
    }
}
