package org.linli.points.communitylist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.platform.test.EmbeddedInfrastructure;
import org.linli.platform.test.SimultaneousRequests;
import org.linli.points.Callers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Last month's volunteering in a street of four communities, recorded after the fact (a volunteer's own sign-up is
 * refused once an activity has ended; the organiser enrols), ranked into the street's red and black lists: computed
 * as a draft, published, read without a token, immutable, superseded by a new version with a reason; another street's
 * admin gets 403. Computing or publishing 8 times at once still makes one draft and one publication. Also: the
 * volunteer black list refuses an account points-service never saw.
 */
@SpringBootTest
@AutoConfigureMockMvc
@EmbeddedInfrastructure
class CommunityListsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;

    private final String street = "street-" + UUID.randomUUID();
    private final String streetPath = "/county-t/" + street + "/";
    private final YearMonth lastMonth = YearMonth.now(ZONE).minusMonths(1);
    private RequestPostProcessor streetAdmin;
    private final RequestPostProcessor otherStreetAdmin = Callers.caller("other-admin", "/county-t/street-other/",
            "STREET_ADMIN");

    @BeforeEach
    void aStreetOfFourCommunities() {
        mongo.save(new Document("_id", street).append("unitType", "STREET_COMMITTEE").append("name", "城关街道")
                .append("parentId", "county-t").append("path", streetPath).append("active", true), "org_unit_copies");
        for (String c : List.of("a", "b", "c", "d")) {
            mongo.save(new Document("_id", community(c)).append("unitType", "COMMUNITY_COMMITTEE")
                    .append("name", c + "社区").append("parentId", street).append("path", streetPath + community(c) + "/")
                    .append("active", true), "org_unit_copies");
        }
        streetAdmin = Callers.caller("admin-" + street, streetPath, "STREET_ADMIN");
    }

    @Test
    void aStreetsMonthIsRankedPublishedReadWithoutATokenAndOnlySupersededWithAReason() throws Exception {
        String v1 = "v1-" + street;
        String v2 = "v2-" + street;
        String v3 = "v3-" + street;
        String absent = "absent-" + street;
        Instant startsAt = lastMonth.atDay(10).atTime(LocalTime.of(9, 0)).atZone(ZONE).toInstant();
        String inA = activity("a", startsAt);
        mvc.perform(post("/api/v1/activities/" + inA + "/sign-ups").with(Callers.person(v1)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("activity-ended"));
        attended(inA, startsAt, v1, v2);
        String inB = activity("b", startsAt);
        enrol(inB, absent);
        attended(inB, startsAt, v3);

        blackList(UUID.randomUUID().toString()).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("unknown-account"));
        blackList(absent).andExpect(status().isCreated());

        compute(otherStreetAdmin, null).andExpect(status().isForbidden());
        compute(Callers.communityAdmin("community-admin", streetPath + community("a") + "/"), null)
                .andExpect(status().isForbidden());
        // 8 first computations at once: one draft (its id is scope:month:number); the rest refresh it or get 409
        List<MockHttpServletResponse> computed = SimultaneousRequests.perform(mvc, 8,
                i -> computing(streetAdmin, null));
        assertThat(SimultaneousRequests.statuses(computed)).containsKey(201);
        assertThat(SimultaneousRequests.statuses(computed).keySet()).isSubsetOf(201, 409);
        assertThat(SimultaneousRequests.problemCodes(computed)).isSubsetOf("already-exists", "stale-version");
        assertThat(mongo.count(Query.query(Criteria.where("scopeMonth").is(street + ":" + lastMonth)),
                "community_lists")).isEqualTo(1);
        JsonNode draft = body(compute(streetAdmin, null).andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.red[*].communityUnitId").value(org.hamcrest.Matchers.contains(community("a"),
                        community("b"))))
                .andExpect(jsonPath("$.black[*].communityUnitId").value(org.hamcrest.Matchers.contains(community("d"),
                        community("c"))))
                .andExpect(jsonPath("$.red[0].attendances").value(2))
                .andExpect(jsonPath("$.red[0].volunteerMinutes").value(240))
                .andExpect(jsonPath("$.red[0].score").value(1000))
                .andExpect(jsonPath("$.red[1].noShows").value(1))
                .andExpect(jsonPath("$.red[1].noShowPermille").value(500)));
        String first = draft.get("id").asString();
        mvc.perform(get("/api/v1/community-lists/published").param("scopeUnitId", street)
                .param("month", lastMonth.toString())).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/community-lists/published/" + first)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/community-lists/" + first).with(otherStreetAdmin)).andExpect(status().isForbidden());
        publish(otherStreetAdmin, first, 0).andExpect(status().isForbidden());

        // the same draft published 8 times at once: one publication, the others 409 (stale) or 422 (published)
        List<MockHttpServletResponse> published = SimultaneousRequests.perform(mvc, 8, i ->
                publishing(streetAdmin, first, draft.get("version").asLong()));
        assertThat(SimultaneousRequests.statuses(published)).containsEntry(200, 1);
        assertThat(SimultaneousRequests.statuses(published).keySet()).isSubsetOf(200, 409, 422);
        assertThat(SimultaneousRequests.problemCodes(published)).isSubsetOf("stale-version", "list-published");
        assertThat(mongo.findById(first, Document.class, "community_lists")).containsEntry("status", "PUBLISHED")
                .containsEntry("version", draft.get("version").asLong() + 1);
        mvc.perform(get("/api/v1/community-lists/published").param("scopeUnitId", street)
                        .param("month", lastMonth.toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(first))
                .andExpect(jsonPath("$.red[0].communityName").value("a社区"));
        compute(streetAdmin, null).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("list-published"));
        publish(streetAdmin, first, draft.get("version").asLong() + 1).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("list-published"));

        JsonNode second = body(compute(streetAdmin, "b 社区的巡逻漏录").andExpect(status().isCreated())
                .andExpect(jsonPath("$.number").value(2))
                .andExpect(jsonPath("$.supersedes").value(first)));
        publish(streetAdmin, second.get("id").asString(), second.get("version").asLong()).andExpect(status().isOk());
        mvc.perform(get("/api/v1/community-lists/published/" + first))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUPERSEDED"))
                .andExpect(jsonPath("$.supersededBy").value(second.get("id").asString()));
        mvc.perform(get("/api/v1/community-lists/published").param("scopeUnitId", street)
                        .param("month", lastMonth.toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(second.get("id").asString()))
                .andExpect(jsonPath("$.supersedeReason").value("b 社区的巡逻漏录"));
    }

    private String community(String letter) {
        return street + "-" + letter;
    }

    private String activity(String letter, Instant startsAt) throws Exception {
        return body(mvc.perform(post("/api/v1/activities").with(streetAdmin).contentType(MediaType.APPLICATION_JSON)
                .content("{\"communityUnitId\": \"" + community(letter) + "\", \"title\": \"巷巷比拼 清理\", \"type\": "
                        + "\"CLEAN_UP\", \"place\": \"巷口\", \"startsAt\": \"" + startsAt + "\", \"endsAt\": \""
                        + startsAt.plusSeconds(7200) + "\", \"capacity\": 5}"))
                .andExpect(status().isCreated())).get("id").asString();
    }

    /** The organiser enrols the volunteers after the end, records their two hours and confirms. */
    private void attended(String activity, Instant startsAt, String... volunteers) throws Exception {
        for (String volunteer : volunteers) {
            enrol(activity, volunteer);
            for (String step : List.of("check-ins", "check-outs")) {
                Instant at = step.equals("check-ins") ? startsAt : startsAt.plusSeconds(7200);
                mvc.perform(post("/api/v1/activities/" + activity + "/" + step).with(streetAdmin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"accountId\": \"" + volunteer + "\", \"at\": \"" + at + "\"}"))
                        .andExpect(status().isOk());
            }
        }
        mvc.perform(post("/api/v1/activities/" + activity + "/confirmation").with(streetAdmin))
                .andExpect(status().isOk());
    }

    private void enrol(String activity, String volunteer) throws Exception {
        mvc.perform(post("/api/v1/activities/" + activity + "/enrolments").with(streetAdmin)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"accountId\": \"" + volunteer + "\"}"))
                .andExpect(status().isCreated());
    }

    private ResultActions blackList(String accountId) throws Exception {
        return mvc.perform(post("/api/v1/honour-lists/black-list").with(streetAdmin)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"accountId\": \"" + accountId + "\", \"communityUnitId\": \"" + community("b")
                        + "\", \"reason\": \"报名后未到场\", \"until\": \"" + Instant.now().plusSeconds(86_400) + "\"}"));
    }

    private ResultActions compute(RequestPostProcessor caller, String supersedeReason) throws Exception {
        return mvc.perform(computing(caller, supersedeReason));
    }

    private MockHttpServletRequestBuilder computing(RequestPostProcessor caller, String supersedeReason) {
        String reason = supersedeReason == null ? "" : ", \"supersedeReason\": \"" + supersedeReason + "\"";
        return post("/api/v1/community-lists").with(caller).contentType(MediaType.APPLICATION_JSON)
                .content("{\"scopeUnitId\": \"" + street + "\", \"month\": \"" + lastMonth + "\", \"size\": 2"
                        + reason + "}");
    }

    private ResultActions publish(RequestPostProcessor caller, String id, long version) throws Exception {
        return mvc.perform(publishing(caller, id, version));
    }

    private static MockHttpServletRequestBuilder publishing(RequestPostProcessor caller, String id, long version) {
        return post("/api/v1/community-lists/" + id + "/publication").with(caller)
                .contentType(MediaType.APPLICATION_JSON).content("{\"version\": " + version + "}");
    }

    private static JsonNode body(ResultActions result) throws Exception {
        return JSON.readTree(result.andReturn().getResponse().getContentAsString());
    }
}
