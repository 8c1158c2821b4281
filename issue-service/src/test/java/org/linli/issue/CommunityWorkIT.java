package org.linli.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.issue.Seeds.admin;
import static org.linli.issue.Seeds.caller;
import static org.linli.issue.Seeds.otherCommunityAdmin;
import static org.linli.issue.Seeds.resident;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.events.Topics;
import org.linli.platform.test.EmbeddedInfrastructure;
import org.linli.platform.test.PublishedEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Micro-wishes, joint meetings with public 公示, statistics and the demo, through the API. */
@SpringBootTest(properties = {"spring.kafka.consumer.group-id=community-it-${random.uuid}",
        "linli.issue.sweep.enabled=false", "linli.issue.qr.secret=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
        "linli.issue.grid-service.url=http://127.0.0.1:9"})
@AutoConfigureMockMvc
@EmbeddedInfrastructure
class CommunityWorkIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final RequestPostProcessor MEMBER = caller("PARTY_MEMBER", Seeds.COMMUNITY_PATH, "member-li");

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @BeforeEach
    void copiesKnowTheCommunity() {
        Seeds.replay(kafka, mongo);
    }

    @Test
    void aMicroWishIsPublishedClaimedByAPartyMemberFulfilledAndConfirmed() throws Exception {
        String id = json(post("/api/v1/micro-wishes", resident("resident-wish"),
                "{\"title\": \"想要一副老花镜\", \"communityUnitId\": \"" + Seeds.COMMUNITY + "\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("PUBLISHED"))).get("id").asString();
        post("/api/v1/micro-wishes", resident("resident-wish"),
                "{\"title\": \"x\", \"communityUnitId\": \"nowhere\"}")
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("unknown-community"));

        post("/api/v1/micro-wishes/" + id + "/claim", caller("PARTY_MEMBER", "/" + Seeds.STREET + "/other/", "far"), "{}")
                .andExpect(status().isForbidden());
        post("/api/v1/micro-wishes/" + id + "/claim", MEMBER, "{}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.claimantId").value("member-li"));
        post("/api/v1/micro-wishes/" + id + "/claim", MEMBER, "{}")
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("illegal-transition"));
        post("/api/v1/micro-wishes/" + id + "/confirmation", resident("resident-wish"), "{}")
                .andExpect(status().isUnprocessableContent());
        post("/api/v1/micro-wishes/" + id + "/fulfilment", MEMBER, "{\"note\": \"已送到家\"}")
                .andExpect(status().isOk());
        post("/api/v1/micro-wishes/" + id + "/confirmation", resident("someone-else"), "{}")
                .andExpect(status().isForbidden());
        post("/api/v1/micro-wishes/" + id + "/confirmation", resident("resident-wish"), "{}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CONFIRMED"));

        JsonNode fulfilled = PublishedEvents.awaitFirst(bootstrapServers, Topics.ISSUE_EVENTS, id, "MicroWishFulfilled");
        PublishedEvents.assertMatchesExample(fulfilled, "issue-events");
        assertThat(fulfilled.at("/payload/claimantKind").asString()).isEqualTo("PARTY_MEMBER");
        assertThat(fulfilled.at("/payload/communityUnitId").asString()).isEqualTo(Seeds.COMMUNITY);
    }

    @Test
    void aJointMeetingTakesEscalatedIssuesRecordsResolutionsThatCloseThemAndPublishesTheDecisions() throws Exception {
        String issue = json(post("/api/v1/issues", resident("resident-roof"),
                "{\"category\": \"PROPERTY_REPAIR\", \"description\": \"屋面漏水多年\", \"lat\": " + Seeds.LAT
                        + ", \"lng\": " + Seeds.LNG + "}")).get("id").asString();
        post("/api/v1/issues/" + issue + "/escalations", admin(), "{}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.level").value("COMMUNITY"));

        String attendees = "[{\"party\": \"PARTY_ORGANISATION\", \"name\": \"檀溪社区党委\"}, "
                + "{\"party\": \"RESIDENTS_COMMITTEE\", \"name\": \"檀溪居委会\"}, "
                + "{\"party\": \"OWNERS_COMMITTEE\", \"name\": \"檀溪花园业委会\"}, "
                + "{\"party\": \"PROPERTY_COMPANY\", \"name\": \"红旗物业\"}, "
                + "{\"party\": \"DEPARTMENT\", \"name\": \"县住建局\"}]";
        post("/api/v1/meetings", admin(), "{\"title\": \"十一月联席会议\", \"communityUnitId\": \"" + Seeds.COMMUNITY
                + "\", \"scheduledAt\": \"2026-11-25T02:00:00Z\", \"attendees\": [{\"party\": \"PARTY_ORGANISATION\", "
                + "\"name\": \"檀溪社区党委\"}], \"agendaFromEscalated\": true}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("incomplete-attendance"));
        post("/api/v1/meetings", otherCommunityAdmin(), "{\"title\": \"越权\", \"communityUnitId\": \"" + Seeds.COMMUNITY
                + "\", \"scheduledAt\": \"2026-11-25T02:00:00Z\", \"attendees\": " + attendees + "}")
                .andExpect(status().isForbidden());
        JsonNode meeting = json(post("/api/v1/meetings", admin(), "{\"title\": \"十一月联席会议\", \"communityUnitId\": \""
                + Seeds.COMMUNITY + "\", \"scheduledAt\": \"2026-11-25T02:00:00Z\", \"place\": \"社区党群服务中心\", "
                + "\"attendees\": " + attendees + ", \"agendaFromEscalated\": true}")
                .andExpect(status().isCreated()));
        String id = meeting.get("id").asString();
        List<String> agenda = meeting.get("agenda").valueStream().map(item -> item.get("issueId").asString()).toList();
        assertThat(agenda).contains(issue);

        post("/api/v1/meetings/" + id + "/publication", admin(), "{}")
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("unresolved-items"));
        for (String item : agenda) {
            post("/api/v1/meetings/" + id + "/resolutions", admin(), "{\"issueId\": \"" + item
                    + "\", \"decision\": \"" + (item.equals(issue) ? "CLOSE" : "FOLLOW_UP")
                    + "\", \"summary\": \"物业公司两周内完成屋面防水维修\"}").andExpect(status().isOk());
        }
        mvc.perform(get("/api/v1/issues/" + issue).with(admin()))
                .andExpect(jsonPath("$.status").value("CLOSED"))
                .andExpect(jsonPath("$.resolutionNote").value("物业公司两周内完成屋面防水维修"));
        mvc.perform(get("/api/v1/meetings/published/" + id)).andExpect(status().isNotFound());
        post("/api/v1/meetings/" + id + "/publication", admin(), "{}").andExpect(status().isOk());
        mvc.perform(get("/api/v1/meetings/published/" + id))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.communityName").value("檀溪社区党委"))
                .andExpect(jsonPath("$.attendees[3].partyLabel").value("物业服务企业"))
                .andExpect(jsonPath("$.decisions[?(@.issueId == '" + issue + "')].decision").value("CLOSE"));
        mvc.perform(get("/api/v1/meetings/published").param("communityUnitId", Seeds.COMMUNITY))
                .andExpect(status().isOk()).andExpect(jsonPath("$.page.totalElements").value(1));

        JsonNode recorded = PublishedEvents.awaitFirst(bootstrapServers, Topics.ISSUE_EVENTS, id,
                "MeetingResolutionRecorded");
        PublishedEvents.assertMatchesExample(recorded, "issue-events");
    }

    @Test
    void statisticsCountOpenOverdueIssuesAndPropertyStaffSeeOnlyTheirCompany() throws Exception {
        post("/api/v1/issues", resident("resident-stats"), "{\"category\": \"PARKING\", \"description\": \"乱停车\", "
                + "\"lat\": " + Seeds.LAT + ", \"lng\": " + Seeds.LNG + "}").andExpect(status().isCreated());

        // the seeded compound lies in the contract example's community, outside admin()'s: the county sees it
        mvc.perform(get("/api/v1/issues/statistics").param("compoundId", Seeds.COMPOUND)
                        .with(caller("COUNTY_ADMIN", null, "county-admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").isNumber())
                .andExpect(jsonPath("$.byStatus.DISPATCHED").isNumber());
        mvc.perform(get("/api/v1/issues/statistics").param("companyId", Seeds.COMPANY).with(propertyStaff(Seeds.COMPANY)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/issues/statistics").param("companyId", Seeds.COMPANY).with(propertyStaff("rival")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/issues/statistics").with(resident("r"))).andExpect(status().isForbidden());
    }

    @Test
    void theCountysAndAStreetsFiguresCountTheirOwnIssuesAndRefuseEndlessPeriods() throws Exception {
        post("/api/v1/issues", resident("resident-street"), "{\"category\": \"PARKING\", \"description\": \"占道\", "
                + "\"lat\": " + Seeds.LAT + ", \"lng\": " + Seeds.LNG + "}").andExpect(status().isCreated());

        mvc.perform(get("/api/v1/issues/statistics").with(caller("COUNTY_ADMIN", null, "county-admin")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(org.hamcrest.Matchers.greaterThan(0)));
        mvc.perform(get("/api/v1/issues/statistics").with(caller("STREET_ADMIN", "/" + Seeds.STREET + "/", "street-admin")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(org.hamcrest.Matchers.greaterThan(0)));
        mvc.perform(get("/api/v1/issues/statistics").with(caller("STREET_ADMIN", "/another-street/", "other-street")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/issues/statistics").with(caller("PROPERTY_STAFF", null, "staff-without-company")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/issues/statistics").param("from", "1970-01-01T00:00:00Z")
                        .with(caller("COUNTY_ADMIN", null, "county-admin")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("invalid-request"));
    }

    @Test
    void statisticsOfAnotherCommunityAreForbiddenLikeEveryOtherCrossScopeRead() throws Exception {
        mvc.perform(get("/api/v1/issues/statistics").param("communityUnitId", Seeds.COMMUNITY)
                        .with(otherCommunityAdmin()))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.type").value("https://linli.example/problems/forbidden"));
        mvc.perform(get("/api/v1/issues/statistics").param("gridId", Seeds.GRID).with(otherCommunityAdmin()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/issues/statistics").param("compoundId", Seeds.COMPOUND).with(admin()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/issues/statistics").param("gridId", Seeds.GRID).with(admin()))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/issues/statistics").param("communityUnitId", "no-such-community").with(admin()))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.type").value("https://linli.example/problems/forbidden"));
        mvc.perform(get("/api/v1/issues/statistics").param("communityUnitId", Seeds.COMMUNITY).with(admin()))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/issues/statistics").param("communityUnitId", Seeds.COMMUNITY)
                        .with(caller("COUNTY_ADMIN", null, "county-admin")))
                .andExpect(status().isOk());
    }

    @Test
    void aMeetingRefusesAnUnknownDecisionAndRecordsNoResolutionBeforeItStarts() throws Exception {
        String issue = json(post("/api/v1/issues", resident("resident-early"), "{\"category\": \"NOISE\", "
                + "\"description\": \"夜间施工\", \"lat\": " + Seeds.LAT + ", \"lng\": " + Seeds.LNG + "}")
                .andExpect(status().isCreated())).get("id").asString();
        String attendees = "[{\"party\": \"PARTY_ORGANISATION\", \"name\": \"檀溪社区党委\"}, "
                + "{\"party\": \"RESIDENTS_COMMITTEE\", \"name\": \"檀溪居委会\"}, "
                + "{\"party\": \"OWNERS_COMMITTEE\", \"name\": \"檀溪花园业委会\"}, "
                + "{\"party\": \"PROPERTY_COMPANY\", \"name\": \"红旗物业\"}]";
        String id = json(post("/api/v1/meetings", admin(), "{\"title\": \"下月联席会议\", \"communityUnitId\": \""
                + Seeds.COMMUNITY + "\", \"scheduledAt\": \"2099-01-05T02:00:00Z\", \"attendees\": " + attendees
                + ", \"issueIds\": [\"" + issue + "\"]}").andExpect(status().isCreated())).get("id").asString();

        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .post("/api/v1/meetings/" + id + "/resolutions").with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"issueId\": \"" + issue + "\", \"decision\": \"ADJOURN\", \"summary\": \"延期\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://linli.example/problems/invalid-request"))
                .andExpect(jsonPath("$.errors[0].field").value("decision"));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .post("/api/v1/meetings/" + id + "/resolutions").with(admin())
                        .header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"issueId\": \"" + issue + "\", \"decision\": \"CLOSE\", \"summary\": \"提前定了\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("meeting-not-started"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("2099-01-05T02:00:00Z")));
        mvc.perform(get("/api/v1/issues/" + issue).with(admin())).andExpect(jsonPath("$.status").value("DISPATCHED"));
    }

    @Test
    void qrReportsAreRateLimitedPerClientAddress() throws Exception {
        String token = json(mvc.perform(get("/api/v1/issues/qr-codes/" + Seeds.BUILDING).with(admin())))
                .get("token").asString();
        String body = "{\"token\": \"" + token + "\", \"category\": \"NOISE\", \"description\": \"楼上装修噪音\"}";
        for (int i = 0; i < 10; i++) {
            mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/issues/qr-reports")
                    .with(request -> { request.setRemoteAddr("10.9.8.7"); return request; })
                    .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isCreated());
        }
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/issues/qr-reports")
                        .with(request -> { request.setRemoteAddr("10.9.8.7"); return request; })
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isTooManyRequests())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().exists("Retry-After"))
                .andExpect(jsonPath("$.type").value("https://linli.example/problems/too-many-reports"));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/issues/qr-reports")
                        .with(request -> { request.setRemoteAddr("10.9.8.8"); return request; })
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated());
    }

    @Test
    void pinnedEventsDeliveredAgainAreAppliedOnce() throws Exception {
        Seeds.replay(kafka, mongo);
        Seeds.replay(kafka, mongo);
        String gridCreatedEvent = PublishedEvents.example("grid-events", "GridCreated").get("eventId").asString();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> mongo.count(
                org.springframework.data.mongodb.core.query.Query.query(org.springframework.data.mongodb.core.query.Criteria
                        .where("eventId").is(gridCreatedEvent)), "processed_events") >= 1);
        Thread.sleep(500);
        assertThat(mongo.count(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("eventId").is(gridCreatedEvent)),
                "processed_events")).isEqualTo(1);
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), "grid_copies")).isEqualTo(1);
    }

    private static RequestPostProcessor propertyStaff(String company) {
        return jwt().jwt(token -> token.subject("staff-" + company).claim("roles", List.of("PROPERTY_STAFF"))
                        .claim("company_id", company))
                .authorities(new SimpleGrantedAuthority("ROLE_PROPERTY_STAFF"));
    }

    private ResultActions post(String path, RequestPostProcessor who, String body) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path).with(who)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private static JsonNode json(ResultActions result) throws Exception {
        return JSON.readTree(result.andReturn().getResponse().getContentAsString());
    }
}
