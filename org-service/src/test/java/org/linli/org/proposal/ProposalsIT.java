package org.linli.org.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
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
 * 三议一示 through the API: a resident's proposal, the alley chiefs' discussion, the branch's decision, the posting
 * (published as ProposalPosted, without the proposer).
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@EmbeddedInfrastructure
class ProposalsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;
    @Autowired
    MongoOperations mongo;

    private String county;
    private String community;
    private String alley;
    private String otherCommunity;

    @BeforeEach
    void aStreetWithTwoCommunitiesAndAnAlleyBranch() throws Exception {
        county = "Bearer " + JSON.readTree(mvc.perform(post("/api/v1/auth/token")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED).param("grant_type", "password")
                        .param("username", "admin").param("password", "test-admin-password"))
                .andReturn().getResponse().getContentAsString()).get("access_token").asString();
        String street = create(Map.of("type", "STREET_COMMITTEE", "name", "八所镇党委" + java.util.UUID.randomUUID(),
                "templateId", "FIVE_LEVEL"));
        community = create(Map.of("type", "COMMUNITY_COMMITTEE", "name", "东海社区党委", "parentId", street));
        alley = create(Map.of("type", "GRID_BRANCH", "name", "东海一巷党支部", "parentId", community));
        otherCommunity = create(Map.of("type", "COMMUNITY_COMMITTEE", "name", "西海社区党委", "parentId", street));
    }

    @Test
    void aResidentsProposalIsDiscussedDecidedAndPostedForAnyoneToRead() throws Exception {
        String resident = TestAccounts.bearerOf(mvc, county, "RESIDENT", community);
        String chief = TestAccounts.bearerOf(mvc, county, "PARTY_MEMBER", alley);
        String secretary = TestAccounts.bearerOf(mvc, county, "COMMUNITY_ADMIN", community);
        JsonNode proposal = body(call(resident, "/api/v1/proposals", Map.of("unitId", alley, "title", "巷口装路灯",
                "content", "晚上太黑，老人出门不便")).andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("PROPOSED")));
        String id = proposal.get("id").asString();

        call(secretary, "/api/v1/proposals/" + id + "/decision", Map.of("adopted", true, "resolution", "同意",
                "version", 0)).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("wrong-step"));
        call(chief, "/api/v1/proposals/" + id + "/discussion", Map.of("recommendation", "SUPPORT",
                "summary", "五位巷长一致同意", "version", 0)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DISCUSSED"));
        call(resident, "/api/v1/proposals/" + id + "/withdrawal", Map.of("version", 1))
                .andExpect(status().isUnprocessableContent());
        call(secretary, "/api/v1/proposals/" + id + "/decision", Map.of("adopted", true,
                "resolution", "支部决定由社区出资安装两盏路灯", "version", 1)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/proposals/posted").param("unitId", community))
                .andExpect(status().isOk()).andExpect(jsonPath("$.page.totalElements").value(0));
        call(secretary, "/api/v1/proposals/" + id + "/posting", Map.of("notice", "公示七天，有异议请联系社区",
                "days", 7, "version", 2)).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("POSTED"));

        mvc.perform(get("/api/v1/proposals/posted").param("unitId", community))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].adopted").value(true))
                .andExpect(jsonPath("$.content[0].recommendation").value("SUPPORT"))
                .andExpect(jsonPath("$.content[0].onDisplay").value(true))
                .andExpect(jsonPath("$.content[0].proposedBy").doesNotExist());
        mvc.perform(get("/api/v1/proposals/posted").param("unitId", otherCommunity))
                .andExpect(status().isOk()).andExpect(jsonPath("$.page.totalElements").value(0));
        mvc.perform(get("/api/v1/proposals/" + id).header(HttpHeaders.AUTHORIZATION, resident))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.decision.resolution").value("支部决定由社区出资安装两盏路灯"));

        JsonNode posted = PublishedEvents.awaitFirst(bootstrapServers, Topics.ORG_EVENTS, id, "ProposalPosted");
        PublishedEvents.assertMatchesExample(posted, "org-events");
        assertThat(posted.at("/payload/unitId").asString()).isEqualTo(alley);
        assertThat(posted.at("/payload/adopted").asBoolean()).isTrue();
        assertThat(posted.toString()).doesNotContain(proposal.get("proposedBy").asString());
    }

    @Test
    void anotherCommunitysStaffAndResidentsGet403AndResidentsSeeOnlyTheirOwn() throws Exception {
        String resident = TestAccounts.bearerOf(mvc, county, "RESIDENT", community);
        String neighbour = TestAccounts.bearerOf(mvc, county, "RESIDENT", community);
        String strangerAdmin = TestAccounts.bearerOf(mvc, county, "COMMUNITY_ADMIN", otherCommunity);
        String strangerResident = TestAccounts.bearerOf(mvc, county, "RESIDENT", otherCommunity);
        String id = body(call(resident, "/api/v1/proposals", Map.of("unitId", community, "title", "增设电动车充电桩",
                "content", "杜绝飞线充电")).andExpect(status().isCreated())).get("id").asString();

        call(strangerResident, "/api/v1/proposals", Map.of("unitId", community, "title", "x", "content", "y"))
                .andExpect(status().isForbidden());
        call(strangerAdmin, "/api/v1/proposals/" + id + "/discussion", Map.of("recommendation", "SUPPORT",
                "summary", "x", "version", 0)).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/proposals/" + id).header(HttpHeaders.AUTHORIZATION, strangerAdmin))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/proposals/" + id).header(HttpHeaders.AUTHORIZATION, neighbour))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/proposals").header(HttpHeaders.AUTHORIZATION, neighbour))
                .andExpect(status().isOk()).andExpect(jsonPath("$.page.totalElements").value(0));
        mvc.perform(get("/api/v1/proposals").param("unitId", community).header(HttpHeaders.AUTHORIZATION, strangerAdmin))
                .andExpect(status().isForbidden());
        call(neighbour, "/api/v1/proposals/" + id + "/withdrawal", Map.of("version", 0))
                .andExpect(status().isForbidden());
        call(resident, "/api/v1/proposals/" + id + "/withdrawal", Map.of("version", 0))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("WITHDRAWN"));
        mvc.perform(get("/api/v1/proposals").header(HttpHeaders.AUTHORIZATION, resident))
                .andExpect(status().isOk()).andExpect(jsonPath("$.page.totalElements").value(1));
        mvc.perform(get("/api/v1/proposals/posted/" + id)).andExpect(status().isNotFound());
    }

    /**
     * Each step is recorded once however the requests race: eight discussions sent at once from the same version,
     * then eight decisions: one 200 each time, the others 409 stale-version (read before the winner's save) or 422
     * wrong-step (read after); the stored proposal holds the winner's step, one version further each time.
     */
    @Test
    void eightDiscussionsThenEightDecisionsSentAtOnceRecordOneStepEach() throws Exception {
        String resident = TestAccounts.bearerOf(mvc, county, "RESIDENT", community);
        String chief = TestAccounts.bearerOf(mvc, county, "PARTY_MEMBER", alley);
        String secretary = TestAccounts.bearerOf(mvc, county, "COMMUNITY_ADMIN", community);
        String id = body(call(resident, "/api/v1/proposals", Map.of("unitId", alley, "title", "巷内划定晾晒区",
                "content", "衣物挡住消防通道")).andExpect(status().isCreated())).get("id").asString();

        List<MockHttpServletResponse> discussed = SimultaneousRequests.perform(mvc, 8, i -> json(chief,
                "/api/v1/proposals/" + id + "/discussion", Map.of("recommendation", i % 2 == 0 ? "SUPPORT" : "OPPOSE",
                        "summary", "巷长商议第" + i + "稿", "version", 0)));
        assertOneStepWon(discussed);
        Proposal afterDiscussion = mongo.findById(id, Proposal.class);
        assertThat(afterDiscussion.version()).isEqualTo(1);
        assertThat(afterDiscussion.status()).isEqualTo(Proposal.Status.DISCUSSED);
        assertThat(afterDiscussion.discussion().summary()).isEqualTo(winner(discussed).get("discussion")
                .get("summary").asString());

        List<MockHttpServletResponse> decided = SimultaneousRequests.perform(mvc, 8, i -> json(secretary,
                "/api/v1/proposals/" + id + "/decision", Map.of("adopted", i % 2 == 0,
                        "resolution", "支部决议第" + i + "稿", "version", 1)));
        assertOneStepWon(decided);
        Proposal afterDecision = mongo.findById(id, Proposal.class);
        assertThat(afterDecision.version()).isEqualTo(2);
        assertThat(afterDecision.status()).isEqualTo(Proposal.Status.DECIDED);
        assertThat(afterDecision.decision().resolution()).isEqualTo(winner(decided).get("decision")
                .get("resolution").asString());
        assertThat(afterDecision.discussion()).isEqualTo(afterDiscussion.discussion());
    }

    private static void assertOneStepWon(List<MockHttpServletResponse> responses) throws Exception {
        assertThat(SimultaneousRequests.statuses(responses)).containsEntry(200, 1);
        assertThat(SimultaneousRequests.statuses(responses).keySet()).isSubsetOf(200, 409, 422);
        assertThat(SimultaneousRequests.problemCodes(responses)).isSubsetOf("stale-version", "wrong-step");
        assertThat(responses).filteredOn(response -> response.getStatus() != 200)
                .allMatch(response -> response.getContentType().startsWith("application/problem+json"));
    }

    private static JsonNode winner(List<MockHttpServletResponse> responses) throws Exception {
        for (MockHttpServletResponse response : responses) {
            if (response.getStatus() == 200) {
                return JSON.readTree(response.getContentAsString());
            }
        }
        throw new AssertionError("no step was recorded");
    }

    private String create(Map<String, Object> unit) throws Exception {
        return body(call(county, "/api/v1/org-units", unit).andExpect(status().isCreated())).get("id").asString();
    }

    private ResultActions call(String bearer, String path, Map<String, Object> body) throws Exception {
        return mvc.perform(json(bearer, path, body));
    }

    private static MockHttpServletRequestBuilder json(String bearer, String path, Map<String, Object> body) {
        return post(path).header(HttpHeaders.AUTHORIZATION, bearer).contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(body));
    }

    private static JsonNode body(ResultActions result) throws Exception {
        return JSON.readTree(result.andReturn().getResponse().getContentAsString());
    }
}
