package org.linli.org.branchrating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import org.springframework.http.HttpHeaders;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 支部好不好，群众说了算 through the API: the street opens a round for the branches of two communities, a resident
 * rates their own branch once, a random visit's code rates once, each community sees its own branch, the public
 * sees the summary only after the street closes the round, whose closing is published with each branch's counts.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@EmbeddedInfrastructure
class BranchRatingsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ROUNDS = "/api/v1/branch-ratings/rounds";

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoOperations mongo;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Test
    void residentsAndVisitCodesRateTheirBranchOnceEachCommunitySeesItsOwnAndThePublicTheClosedSummary()
            throws Exception {
        String county = "Bearer " + JSON.readTree(mvc.perform(post("/api/v1/auth/token")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED).param("grant_type", "password")
                        .param("username", "admin").param("password", "test-admin-password"))
                .andReturn().getResponse().getContentAsString()).get("access_token").asString();
        String street = create(county, "/api/v1/org-units", Map.of("type", "STREET_COMMITTEE",
                "name", "海棠街道党工委" + UUID.randomUUID(), "templateId", "FIVE_LEVEL"));
        String fujie = create(county, "/api/v1/org-units", Map.of("type", "COMMUNITY_COMMITTEE", "name", "府街社区党委",
                "parentId", street));
        String banzhuwan = create(county, "/api/v1/org-units", Map.of("type", "COMMUNITY_COMMITTEE",
                "name", "斑竹湾社区党委", "parentId", street));
        String fujieBranch = create(county, "/api/v1/org-units", Map.of("type", "GRID_BRANCH", "name", "府街一网格党支部",
                "parentId", fujie));
        String apartments = create(county, "/api/v1/org-units", Map.of("type", "GRID_BRANCH", "name", "88公寓小区党支部",
                "parentId", banzhuwan));
        String building = create(county, "/api/v1/org-units", Map.of("type", "BUILDING_GROUP", "name", "3号楼党小组",
                "parentId", fujieBranch));
        String streetAdmin = TestAccounts.bearerOf(mvc, county, "STREET_ADMIN", street);
        String resident = TestAccounts.bearerOf(mvc, county, "RESIDENT", building);
        String neighbour = TestAccounts.bearerOf(mvc, county, "RESIDENT", building);
        String fujieMember = TestAccounts.bearerOf(mvc, county, "PARTY_MEMBER", building);
        String banzhuwanAdmin = TestAccounts.bearerOf(mvc, county, "COMMUNITY_ADMIN", banzhuwan);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

        Map<String, Object> quarter = Map.of("unitId", street, "title", "第四季度支部测评",
                "startsOn", today.minusDays(10).toString(), "endsOn", today.plusDays(80).toString());
        call(banzhuwanAdmin, ROUNDS, quarter).andExpect(status().isForbidden());
        JsonNode round = body(call(streetAdmin, ROUNDS, quarter).andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("OPEN")));
        String id = round.get("id").asString();
        assertThat(round.get("branchIds").toString()).contains(fujieBranch, apartments);
        mvc.perform(get(ROUNDS).header(HttpHeaders.AUTHORIZATION, resident)).andExpect(status().isOk())
                .andExpect(jsonPath("$.content[0].id").value(id));
        mvc.perform(get("/api/v1/branch-ratings/published/" + id)).andExpect(status().isNotFound());

        // a resident rates their own branch once, and no other
        call(resident, ROUNDS + "/" + id + "/ratings", Map.of("branchId", fujieBranch, "score", "SATISFIED",
                "comment", "书记常来楼里听意见")).andExpect(status().isCreated())
                .andExpect(jsonPath("$.scoreLabel").value("满意")).andExpect(jsonPath("$.raterKey").doesNotExist());
        call(resident, ROUNDS + "/" + id + "/ratings", Map.of("branchId", fujieBranch, "score", "DISSATISFIED"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("already-rated"));
        call(neighbour, ROUNDS + "/" + id + "/ratings", Map.of("branchId", apartments, "score", "DISSATISFIED"))
                .andExpect(status().isForbidden());

        // a random visit's codes: each good once, in its round, for its branch, without a token
        JsonNode visit = body(call(streetAdmin, ROUNDS + "/" + id + "/visits", Map.of("branchId", apartments,
                "household", "88公寓2单元301", "visitedOn", today.toString(), "visitor", "街道组织委员", "codes", 2))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.visit.codesIssued").value(2)));
        String code = visit.get("codes").get(0).asString();
        call(null, ROUNDS + "/" + id + "/code-ratings", Map.of("branchId", fujieBranch, "code", code,
                "score", "SATISFIED")).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("invalid-rating-code"));
        Map<String, Object> byCode = Map.of("branchId", apartments, "code", code.toLowerCase(),
                "score", "DISSATISFIED", "comment", "停车难的问题拖了半年");
        call(null, ROUNDS + "/" + id + "/code-ratings", byCode).andExpect(status().isCreated())
                .andExpect(jsonPath("$.channel").value("VISIT_CODE"));
        call(null, ROUNDS + "/" + id + "/code-ratings", byCode).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("rating-code-used"));

        // the street sees every branch ranked; a community its own branch; another community's is 403
        read(streetAdmin, ROUNDS + "/" + id + "/results").andExpect(status().isOk())
                .andExpect(jsonPath("$.page.totalElements").value(2))
                .andExpect(jsonPath("$.content[0].branchId").value(fujieBranch))
                .andExpect(jsonPath("$.content[0].average").value(3.0))
                .andExpect(jsonPath("$.content[1].distribution.DISSATISFIED").value(1));
        read(banzhuwanAdmin, ROUNDS + "/" + id + "/results").andExpect(status().isOk())
                .andExpect(jsonPath("$.page.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].branchId").value(apartments));
        read(fujieMember, ROUNDS + "/" + id + "/branches/" + fujieBranch + "/comments").andExpect(status().isOk())
                .andExpect(jsonPath("$.content[0].comment").value("书记常来楼里听意见"));
        read(banzhuwanAdmin, ROUNDS + "/" + id + "/branches/" + fujieBranch + "/comments")
                .andExpect(status().isForbidden());
        read(banzhuwanAdmin, ROUNDS + "/" + id + "/visits").andExpect(status().isForbidden());
        call(banzhuwanAdmin, ROUNDS + "/" + id + "/closing", Map.of("version", 0)).andExpect(status().isForbidden());
        String fujieRound = create(streetAdmin, ROUNDS, Map.of("unitId", fujie, "title", "府街社区支部测评",
                "startsOn", today.toString(), "endsOn", today.toString()));
        read(banzhuwanAdmin, ROUNDS + "/" + fujieRound).andExpect(status().isForbidden());
        read(banzhuwanAdmin, ROUNDS + "/" + fujieRound + "/results").andExpect(status().isForbidden());
        read(fujieMember, ROUNDS + "/" + fujieRound + "/results").andExpect(status().isOk())
                .andExpect(jsonPath("$.content[0].responses").value(0));

        // closed: no more ratings, the summary is public
        call(streetAdmin, ROUNDS + "/" + id + "/closing", Map.of("version", 0)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED"));
        call(streetAdmin, ROUNDS + "/" + id + "/closing", Map.of("version", 1))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("round-closed"));
        call(neighbour, ROUNDS + "/" + id + "/ratings", Map.of("branchId", fujieBranch, "score", "SATISFIED"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("round-closed"));
        mvc.perform(get("/api/v1/branch-ratings/published/" + id)).andExpect(status().isOk())
                .andExpect(jsonPath("$.round.openedBy").doesNotExist())
                .andExpect(jsonPath("$.results.page.totalElements").value(2))
                .andExpect(jsonPath("$.results.content[0].branchName").value("府街一网格党支部"))
                .andExpect(jsonPath("$.results.content[0].responses").value(1))
                .andExpect(jsonPath("$.results.content[1].average").value(1.0))
                .andExpect(jsonPath("$.results.content[1].distribution").doesNotExist());
        mvc.perform(get("/api/v1/branch-ratings/published/" + fujieRound)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/branch-ratings/published").param("unitId", street)).andExpect(status().isOk())
                .andExpect(jsonPath("$.page.totalElements").value(1));

        // the closing is published with each branch's counts, nothing personal
        JsonNode closed = PublishedEvents.awaitFirst(bootstrapServers, Topics.ORG_EVENTS, id, "RatingRoundClosed");
        PublishedEvents.assertMatchesExample(closed, "org-events");
        assertThat(closed.at("/payload/unitId").asString()).isEqualTo(street);
        assertThat(closed.at("/payload/branches")).hasSize(2);
        for (JsonNode branch : closed.at("/payload/branches")) {
            boolean fujieOne = branch.get("branchId").asString().equals(fujieBranch);
            assertThat(branch.get("responses").asLong()).isEqualTo(1);
            assertThat(branch.get(fujieOne ? "satisfied" : "dissatisfied").asLong()).isEqualTo(1);
        }
        assertThat(closed.toString()).doesNotContain("书记常来楼里听意见", "停车难");
    }

    /**
     * One rating per resident, branch and round, and one per code, however the requests race: 8 at once, one 201,
     * the others 422, one rating stored (the unique index decides, not a read before the insert).
     */
    @Test
    void theSameResidentOrTheSameCodeRatingEightTimesAtOnceIsCountedOnce() throws Exception {
        String county = "Bearer " + JSON.readTree(mvc.perform(post("/api/v1/auth/token")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED).param("grant_type", "password")
                        .param("username", "admin").param("password", "test-admin-password"))
                .andReturn().getResponse().getContentAsString()).get("access_token").asString();
        String street = create(county, "/api/v1/org-units", Map.of("type", "STREET_COMMITTEE",
                "name", "桂林街道党工委" + UUID.randomUUID(), "templateId", "FIVE_LEVEL"));
        String community = create(county, "/api/v1/org-units", Map.of("type", "COMMUNITY_COMMITTEE",
                "name", "城南社区党委", "parentId", street));
        String branch = create(county, "/api/v1/org-units", Map.of("type", "GRID_BRANCH", "name", "城南二网格党支部",
                "parentId", community));
        String streetAdmin = TestAccounts.bearerOf(mvc, county, "STREET_ADMIN", street);
        String resident = TestAccounts.bearerOf(mvc, county, "RESIDENT", branch);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String round = create(streetAdmin, ROUNDS, Map.of("unitId", street, "title", "年度支部测评",
                "startsOn", today.toString(), "endsOn", today.plusDays(30).toString()));

        List<MockHttpServletResponse> byResident = SimultaneousRequests.perform(mvc, 8, i -> json(resident,
                ROUNDS + "/" + round + "/ratings", Map.of("branchId", branch, "score", i % 2 == 0 ? "SATISFIED"
                        : "DISSATISFIED")));
        assertThat(SimultaneousRequests.statuses(byResident)).isEqualTo(Map.of(201, 1, 422, 7));
        assertThat(SimultaneousRequests.problemCodes(byResident)).containsOnly("already-rated");
        assertThat(byResident).filteredOn(response -> response.getStatus() == 422)
                .allMatch(response -> response.getContentType().startsWith("application/problem+json"));
        assertThat(ratingsOf(round)).isEqualTo(1);

        String code = body(call(streetAdmin, ROUNDS + "/" + round + "/visits", Map.of("branchId", branch,
                "household", "城南2栋101", "visitedOn", today.toString(), "visitor", "街道组织委员", "codes", 1))
                .andExpect(status().isCreated())).get("codes").get(0).asString();
        List<MockHttpServletResponse> byCode = SimultaneousRequests.perform(mvc, 8, i -> json(null,
                ROUNDS + "/" + round + "/code-ratings", Map.of("branchId", branch, "code", code,
                        "score", "SATISFIED")));
        assertThat(SimultaneousRequests.statuses(byCode)).isEqualTo(Map.of(201, 1, 422, 7));
        assertThat(SimultaneousRequests.problemCodes(byCode)).isSubsetOf("already-rated", "rating-code-used");
        assertThat(ratingsOf(round)).isEqualTo(2);
        read(streetAdmin, ROUNDS + "/" + round + "/results").andExpect(status().isOk())
                .andExpect(jsonPath("$.content[0].responses").value(2));
    }

    private long ratingsOf(String round) {
        return mongo.count(Query.query(Criteria.where("roundId").is(round)), BranchRating.class);
    }

    private String create(String bearer, String path, Map<String, Object> body) throws Exception {
        return body(call(bearer, path, body).andExpect(status().isCreated())).get("id").asString();
    }

    private ResultActions read(String bearer, String path) throws Exception {
        return mvc.perform(get(path).header(HttpHeaders.AUTHORIZATION, bearer));
    }

    private ResultActions call(String bearer, String path, Map<String, Object> body) throws Exception {
        return mvc.perform(json(bearer, path, body));
    }

    private static MockHttpServletRequestBuilder json(String bearer, String path, Map<String, Object> body) {
        MockHttpServletRequestBuilder request = post(path).contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(new HashMap<>(body)));
        return bearer == null ? request : request.header(HttpHeaders.AUTHORIZATION, bearer);
    }

    private static JsonNode body(ResultActions result) throws Exception {
        return JSON.readTree(result.andReturn().getResponse().getContentAsString());
    }
}
