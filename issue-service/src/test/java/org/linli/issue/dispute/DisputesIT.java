package org.linli.issue.dispute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.linli.issue.Seeds.admin;
import static org.linli.issue.Seeds.caller;
import static org.linli.issue.Seeds.otherCommunityAdmin;
import static org.linli.issue.Seeds.resident;
import static org.linli.issue.Seeds.appointedWorker;
import static org.linli.issue.Seeds.worker;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.events.Topics;
import org.linli.issue.Seeds;
import org.linli.issue.issue.Issue;
import org.linli.issue.issue.IssueIntake;
import org.linli.issue.place.Route;
import org.linli.platform.test.EmbeddedInfrastructure;
import org.linli.platform.test.PublishedEvents;
import org.linli.platform.test.SimultaneousRequests;
import org.linli.platform.web.Caller;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Mediation first (前置调解) through the API: one dispute mediated, one referred as an issue exactly once (each
 * published, DisputeMediated / DisputeReferred, without the parties), the
 * success rate of the grid and the worker, and the scope: another community refused, and a grid worker limited to
 * the disputes of the grids they are the appointed worker of. Same context as CommunityWorkIT.
 */
@SpringBootTest(properties = {"spring.kafka.consumer.group-id=community-it-${random.uuid}",
        "linli.issue.sweep.enabled=false", "linli.issue.qr.secret=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
        "linli.issue.grid-service.url=http://127.0.0.1:9"})
@AutoConfigureMockMvc
@EmbeddedInfrastructure
class DisputesIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final RequestPostProcessor STREET_ADMIN = caller("STREET_ADMIN", "/" + Seeds.STREET + "/",
            "admin-street");
    private static final String PARTIES = "[{\"name\": \"张三\", \"phone\": \"13812345678\"}, "
            + "{\"name\": \"李四\", \"phone\": \"13987654321\"}]";

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    IssueIntake issues;
    @Autowired
    DisputeService disputes;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @BeforeEach
    void copiesKnowTheGrid() {
        Seeds.replay(kafka, mongo);
    }

    @Test
    void oneDisputeIsMediatedAnotherReferredAsOneIssueAndTheSuccessRateCountsBoth() throws Exception {
        Instant start = Instant.now();
        String mediated = record("楼上漏水殃及楼下");
        post("/api/v1/disputes/" + mediated + "/sessions", appointedWorker(), "{\"note\": \"双方到场沟通\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("MEDIATING"));
        post("/api/v1/disputes/" + mediated + "/mediation", appointedWorker(),
                "{\"agreement\": \"楼上维修\", \"consentedBy\": [\"张三\"], \"agreedOn\": \"2026-11-22\"}")
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("consent-missing"));
        post("/api/v1/disputes/" + mediated + "/mediation", appointedWorker(),
                "{\"agreement\": \"楼上维修\", \"consentedBy\": [\"张三\", \"李四\"], \"agreedOn\": \"2026-11-22\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("MEDIATED"))
                .andExpect(jsonPath("$.agreement.agreedOn").value("2026-11-22"));
        post("/api/v1/disputes/" + mediated + "/referral", appointedWorker(), "{\"reason\": \"再报\"}")
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("wrong-step"));
        JsonNode settled = PublishedEvents.awaitFirst(bootstrapServers, Topics.ISSUE_EVENTS, mediated, "DisputeMediated");
        PublishedEvents.assertMatchesExample(settled, "issue-events");
        assertThat(settled.at("/payload/gridId").asString()).isEqualTo(Seeds.GRID);
        assertThat(settled.at("/payload/sessions").asInt()).isEqualTo(1);
        assertThat(settled.toString()).doesNotContain("张三", "13812345678", "楼上维修");

        String referred = record("宅基地边界争议");
        post("/api/v1/disputes/" + referred + "/sessions", appointedWorker(), "{\"note\": \"第一次调解未果\"}")
                .andExpect(status().isOk());
        // a first try stored the issue and died before the dispute was saved
        Dispute dispute = disputes.find(referred);
        Issue firstTry = issues.submitOnce(dispute.referralIssueId(), workerCaller(),
                dispute.referralReport(null, "需国土部门确权", Seeds.APPOINTED_WORKER, Seeds.APPOINTED_WORKER,
                        ZoneId.of("Asia/Shanghai")),
                null);
        JsonNode retried = json(post("/api/v1/disputes/" + referred + "/referral", appointedWorker(),
                "{\"reason\": \"需国土部门确权\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REFERRED")));
        assertThat(retried.at("/referral/issueId").asString()).isEqualTo(firstTry.id());
        post("/api/v1/disputes/" + referred + "/referral", appointedWorker(), "{\"reason\": \"需国土部门确权\"}")
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("wrong-step"));
        JsonNode passedOn = PublishedEvents.awaitFirst(bootstrapServers, Topics.ISSUE_EVENTS, referred, "DisputeReferred");
        PublishedEvents.assertMatchesExample(passedOn, "issue-events");
        assertThat(passedOn.at("/payload/issueId").asString()).isEqualTo(firstTry.id());
        assertThat(passedOn.toString()).doesNotContain("李四", "13987654321");
        assertThat(mongo.count(Query.query(Criteria.where("description").regex(referred)), Issue.class)).isEqualTo(1);
        mvc.perform(get("/api/v1/issues/" + firstTry.id()).with(admin())).andExpect(status().isOk())
                .andExpect(jsonPath("$.gridId").value(Seeds.GRID))
                .andExpect(jsonPath("$.channel").value("PATROL"))
                .andExpect(jsonPath("$.status").value("DISPATCHED"))
                .andExpect(jsonPath("$.deadlines.solutionDueAt").isNotEmpty())
                .andExpect(jsonPath("$.description").value(allOf(containsString("张三、李四"),
                        containsString("第一次调解未果"), not(containsString("13812345678")))));

        for (String by : new String[] {"GRID", "WORKER"}) {
            mvc.perform(get("/api/v1/disputes/success-rates").param("by", by).param("from", start.toString())
                            .param("communityUnitId", Seeds.COMMUNITY).with(admin()))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.content[0].key")
                            .value(by.equals("GRID") ? Seeds.GRID : Seeds.APPOINTED_WORKER))
                    .andExpect(jsonPath("$.content[0].recorded").value(2))
                    .andExpect(jsonPath("$.content[0].mediated").value(1))
                    .andExpect(jsonPath("$.content[0].referred").value(1))
                    .andExpect(jsonPath("$.content[0].successRate").value(0.5))
                    .andExpect(jsonPath("$.page.totalElements").value(1));
        }
    }

    @Test
    void partiesPhonesAreMaskedBeyondTheMediatorsAndAnotherCommunityIsRefused() throws Exception {
        String id = record("噪音纠纷");
        mvc.perform(get("/api/v1/disputes/" + id).with(STREET_ADMIN)).andExpect(status().isOk())
                .andExpect(jsonPath("$.parties[0].phone").value("138****5678"));
        mvc.perform(get("/api/v1/disputes").param("gridId", Seeds.GRID).with(STREET_ADMIN))
                .andExpect(status().isOk()).andExpect(jsonPath("$.content[?(@.id == '" + id + "')]").exists());

        RequestPostProcessor otherWorker = caller("GRID_WORKER", "/" + Seeds.STREET + "/other-community/",
                "worker-far");
        mvc.perform(get("/api/v1/disputes/" + id).with(otherCommunityAdmin())).andExpect(status().isForbidden());
        post("/api/v1/disputes/" + id + "/sessions", otherWorker, "{\"note\": \"x\"}")
                .andExpect(status().isForbidden());
        post("/api/v1/disputes/" + id + "/referral", otherWorker, "{\"reason\": \"x\"}")
                .andExpect(status().isForbidden());
        post("/api/v1/disputes", otherWorker, recordBody("x")).andExpect(status().isForbidden());
        post("/api/v1/disputes", resident("resident-a"), recordBody("x")).andExpect(status().isForbidden());
        assertThat(mongo.getCollection("disputes").find(new Document("_id", id)).first().toJson())
                .contains("张三").doesNotContain("13812345678");
        mvc.perform(get("/api/v1/disputes/success-rates").param("communityUnitId", Seeds.COMMUNITY)
                .with(otherCommunityAdmin())).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/disputes/success-rates").param("gridId", Seeds.GRID).with(otherCommunityAdmin()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/disputes").with(otherCommunityAdmin())).andExpect(status().isOk())
                .andExpect(jsonPath("$.page.totalElements").value(0));
    }

    @Test
    void aGridWorkerActsOnlyOnTheDisputesOfTheGridTheyAreAppointedTo() throws Exception {
        String inGridA = record("晾衣杆越界"); // Seeds.GRID, by its appointed worker; grid B is worker-li's
        String gridB = "grid-b-" + UUID.randomUUID();
        mongo.save(new Document("_id", "appointment-" + gridB).append("gridId", gridB).append("role", "GRID_WORKER")
                .append("active", true).append("from", new Date()).append("accountId", "worker-li"), "worker_copies");
        String inGridB = mongo.insert(Dispute.record(UUID.randomUUID().toString(), Dispute.Kind.NEIGHBOUR,
                "占道堆物",
                List.of(Dispute.Party.of("赵五", null), Dispute.Party.of("钱六", null)),
                new Dispute.Place(Seeds.LAT, Seeds.LNG, null, null), new Route(gridB, Seeds.COMMUNITY,
                        Seeds.COMMUNITY_PATH, Seeds.STREET, null, null, "appointment-" + gridB, "worker-li",
                        Route.Source.LOCAL_COPY), "worker-li", "worker-li", Instant.now())).id();
        RequestPostProcessor li = caller("GRID_WORKER", Seeds.COMMUNITY_PATH, "worker-li");

        post("/api/v1/disputes", li, recordBody("不是李的网格")).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/disputes/" + inGridA).with(li)).andExpect(status().isForbidden());
        post("/api/v1/disputes/" + inGridA + "/sessions", li, "{\"note\": \"x\"}").andExpect(status().isForbidden());
        post("/api/v1/disputes/" + inGridA + "/referral", li, "{\"reason\": \"x\"}").andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/disputes/" + inGridB).with(appointedWorker())).andExpect(status().isForbidden());
        post("/api/v1/disputes/" + inGridB + "/mediation", appointedWorker(), "{\"agreement\": \"x\", \"consentedBy\": "
                + "[\"赵五\", \"钱六\"], \"agreedOn\": \"2026-11-22\"}").andExpect(status().isForbidden());

        mvc.perform(get("/api/v1/disputes").param("size", "200").with(li)).andExpect(status().isOk())
                .andExpect(jsonPath("$.content[?(@.id == '" + inGridB + "')]").exists())
                .andExpect(jsonPath("$.content[?(@.id == '" + inGridA + "')]").doesNotExist());
        mvc.perform(get("/api/v1/disputes").param("size", "200").with(appointedWorker())).andExpect(status().isOk())
                .andExpect(jsonPath("$.content[?(@.id == '" + inGridA + "')]").exists())
                .andExpect(jsonPath("$.content[?(@.id == '" + inGridB + "')]").doesNotExist());
        mvc.perform(get("/api/v1/disputes").param("size", "200").with(admin())).andExpect(status().isOk())
                .andExpect(jsonPath("$.content[?(@.id == '" + inGridB + "')]").exists())
                .andExpect(jsonPath("$.content[?(@.id == '" + inGridA + "')]").exists());
        mvc.perform(get("/api/v1/disputes").with(worker())) // of the community, appointed to no grid
                .andExpect(status().isOk()).andExpect(jsonPath("$.page.totalElements").value(0));
        mvc.perform(get("/api/v1/disputes/" + inGridA).with(worker())).andExpect(status().isForbidden());
        post("/api/v1/disputes", worker(), recordBody("x")).andExpect(status().isForbidden());

        mvc.perform(get("/api/v1/disputes/" + inGridB).with(li)).andExpect(status().isOk());
        post("/api/v1/disputes/" + inGridB + "/sessions", li, "{\"note\": \"双方到场\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("MEDIATING"));
    }

    /**
     * A dispute referred eight times at once becomes one issue: the issue's id derives from the dispute's (the store
     * refuses a second insert, the intake then finds the first), and the dispute's version lets one referral be
     * saved; the others answer 409 stale-version, or 422 wrong-step when they read it referred.
     */
    @Test
    void aDisputeReferredEightTimesAtOnceBecomesOneIssue() throws Exception {
        String referred = record("违建遮挡采光纠纷");

        List<MockHttpServletResponse> responses = SimultaneousRequests.perform(mvc, 8, i ->
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/disputes/"
                                + referred + "/referral").with(appointedWorker())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"需城管执法\"}"));

        assertThat(SimultaneousRequests.statuses(responses)).containsEntry(200, 1);
        assertThat(SimultaneousRequests.statuses(responses).keySet()).isSubsetOf(200, 409, 422);
        assertThat(SimultaneousRequests.problemCodes(responses)).isSubsetOf("stale-version", "wrong-step");
        Dispute dispute = disputes.find(referred);
        assertThat(dispute.status()).isEqualTo(Dispute.Status.REFERRED);
        assertThat(dispute.referral().issueId()).isEqualTo(dispute.referralIssueId());
        assertThat(mongo.count(Query.query(Criteria.where("description").regex(referred)), Issue.class)).isEqualTo(1);
        assertThat(mongo.exists(Query.query(Criteria.where("_id").is(dispute.referralIssueId())), Issue.class))
                .isTrue();
    }

    private String record(String description) throws Exception {
        return json(post("/api/v1/disputes", appointedWorker(), recordBody(description))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.gridId").value(Seeds.GRID))
                .andExpect(jsonPath("$.communityUnitId").value(Seeds.COMMUNITY))
                .andExpect(jsonPath("$.parties[1].phone").value("13987654321"))).get("id").asString();
    }

    private static String recordBody(String description) {
        return "{\"kind\": \"NEIGHBOUR\", \"description\": \"" + description + "\", \"parties\": " + PARTIES
                + ", \"lat\": " + Seeds.LAT + ", \"lng\": " + Seeds.LNG + "}";
    }

    private static Caller workerCaller() {
        return new Caller(Seeds.APPOINTED_WORKER, Seeds.APPOINTED_WORKER, Set.of("GRID_WORKER"), Seeds.COMMUNITY,
                Seeds.COMMUNITY_PATH, null);
    }

    private ResultActions post(String path, RequestPostProcessor who, String body) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path).with(who)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private static JsonNode json(ResultActions result) throws Exception {
        return JSON.readTree(result.andReturn().getResponse().getContentAsString());
    }
}
