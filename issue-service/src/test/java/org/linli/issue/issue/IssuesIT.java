package org.linli.issue.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.issue.Seeds.admin;
import static org.linli.issue.Seeds.caller;
import static org.linli.issue.Seeds.otherCommunityAdmin;
import static org.linli.issue.Seeds.resident;
import static org.linli.issue.Seeds.worker;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import com.mongodb.client.result.UpdateResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.events.Topics;
import org.linli.issue.MutableClock;
import org.linli.issue.Seeds;
import org.linli.platform.test.EmbeddedInfrastructure;
import org.linli.platform.test.PublishedEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.linli.platform.protection.FieldCipher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issues through the API on real embedded Kafka and Mongo, with copies fed by the producers' pinned
 * events: QR report with a photo routed to the grid worker, the clock running out escalates, a bad
 * rating reopens, Idempotency-Key, scope, and every event matching its contract.
 */
@SpringBootTest(properties = {"spring.kafka.consumer.group-id=issue-it-${random.uuid}",
        "linli.issue.sweep.enabled=false", "linli.issue.qr.secret=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
        "linli.issue.grid-service.url=http://127.0.0.1:9", "linli.issue.qr.per-address=1000"})
@AutoConfigureMockMvc
@EmbeddedInfrastructure
@Import(MutableClock.Config.class)
class IssuesIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    MutableClock clock;
    @Autowired
    DeadlineSweep deadlines;
    @Autowired
    PhotoStore photos;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @BeforeEach
    void copiesKnowTheCommunityGridWorkerBuildingAndCompound() {
        Seeds.replay(kafka, mongo);
    }

    @Test
    void qrReportWithAPhotoIsRoutedToTheGridWorkerEscalatesWhenOverdueAndReopensOnABadRating() throws Exception {
        String token = json(mvc.perform(get("/api/v1/issues/qr-codes/" + Seeds.BUILDING).with(worker()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.buildingName").value("3号楼"))
                .andExpect(jsonPath("$.gridId").value(Seeds.GRID))
                .andExpect(jsonPath("$.compoundId").value(Seeds.COMPOUND))).get("token").asString();

        JsonNode created = json(mvc.perform(multipart("/api/v1/issues/qr-reports")
                        .file(report("{\"token\": \"" + token + "\", \"category\": \"PROPERTY_REPAIR\", "
                                + "\"description\": \"3号楼楼道灯坏了\", \"name\": \"李四\", \"phone\": \"13912345678\"}"))
                        .file(new MockMultipartFile("photos", "light.png", "image/png", Seeds.png())))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.issue.status").value("DISPATCHED"))
                .andExpect(jsonPath("$.issue.gridId").value(Seeds.GRID))
                .andExpect(jsonPath("$.issue.assigned").value(true)));
        String id = created.get("id").asString();
        String callback = created.get("callbackToken").asString();
        assertThat(mongo.findById(id, org.bson.Document.class, "issues").getString("reporterPhone"))
                .as("stored encrypted").startsWith(FieldCipher.PREFIX).doesNotContain("13912345678");

        mvc.perform(get("/api/v1/issues/" + id).with(worker()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.assigneeAppointmentId").value(Seeds.APPOINTMENT))
                .andExpect(jsonPath("$.routedBy").value("BUILDING"))
                .andExpect(jsonPath("$.communityUnitId").value(Seeds.COMMUNITY))
                .andExpect(jsonPath("$.compoundId").value(Seeds.COMPOUND))
                .andExpect(jsonPath("$.companyId").value(Seeds.COMPANY))
                .andExpect(jsonPath("$.reporterPhone").value("13912345678"))
                .andExpect(jsonPath("$.level").value("GRID"));
        String photoId = mvc.perform(get("/api/v1/issues/" + id).with(caller("PARTY_MEMBER", Seeds.COMMUNITY_PATH,
                        "member-zhao")))
                .andExpect(jsonPath("$.reporterPhone").value("139****5678"))
                .andReturn().getResponse().getContentAsString().replaceAll(".*\"photoIds\":\\[\"([0-9a-f]+)\".*", "$1");
        mvc.perform(get("/api/v1/issues/" + id + "/photos/" + photoId).with(worker()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png"));
        mvc.perform(get("/api/v1/issues/" + id).with(otherCommunityAdmin())).andExpect(status().isForbidden());

        // nobody arrives within 5 minutes: the sweep marks it overdue and escalates it to the community
        clock.advance(Duration.ofMinutes(6));
        assertThat(deadlines.sweep(500)).isPositive();
        mvc.perform(get("/api/v1/issues/" + id).with(admin()))
                .andExpect(jsonPath("$.level").value("COMMUNITY"))
                .andExpect(jsonPath("$.supervised").value(true))
                .andExpect(jsonPath("$.deadlines.onSiteOverdue").value(true));

        act(id, "arrival", "{}", worker()).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ON_SITE"));
        act(id, "resolution", "{}", worker())
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("resolution-note-required"));
        act(id, "resolution", "{\"note\": \"已更换灯泡\"}", worker())
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("RESOLVED"));
        mvc.perform(post("/api/v1/issues/qr-reports/" + id + "/rating").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"callbackToken\": \"wrong\", \"rating\": 2}"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/issues/qr-reports/" + id + "/rating").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"callbackToken\": \"" + callback + "\", \"rating\": 2, \"comment\": \"还是不亮\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REOPENED"));

        act(id, "arrival", "{}", worker()).andExpect(status().isOk());
        act(id, "resolution", "{\"note\": \"更换了线路\"}", worker()).andExpect(status().isOk());
        mvc.perform(post("/api/v1/issues/qr-reports/" + id + "/rating").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"callbackToken\": \"" + callback + "\", \"rating\": 5}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED"));

        for (String type : new String[] {"IssueReported", "IssueDispatched", "IssueOverdue", "IssueEscalated",
                "IssueResolved", "IssueReopened", "IssueClosed"}) {
            JsonNode event = PublishedEvents.awaitFirst(bootstrapServers, Topics.ISSUE_EVENTS, id, type);
            PublishedEvents.assertMatchesExample(event, "issue-events");
            assertThat(event.toString()).doesNotContain("13912345678").doesNotContain("李四");
        }
        JsonNode reported = PublishedEvents.awaitFirst(bootstrapServers, Topics.ISSUE_EVENTS, id, "IssueReported");
        assertThat(reported.at("/payload/channel").asString()).isEqualTo("QR_CODE");
        assertThat(reported.at("/payload/companyId").asString()).isEqualTo(Seeds.COMPANY);
        JsonNode escalated = PublishedEvents.awaitFirst(bootstrapServers, Topics.ISSUE_EVENTS, id, "IssueEscalated");
        assertThat(escalated.at("/payload/level").asString()).isEqualTo("COMMUNITY");
        assertThat(escalated.at("/payload/targetUnitId").asString()).isEqualTo(Seeds.COMMUNITY);
        JsonNode reopened = PublishedEvents.awaitFirst(bootstrapServers, Topics.ISSUE_EVENTS, id, "IssueReopened");
        assertThat(reopened.at("/payload/rating").asInt()).isEqualTo(2);
        JsonNode closed = PublishedEvents.awaitFirst(bootstrapServers, Topics.ISSUE_EVENTS, id, "IssueClosed");
        assertThat(closed.at("/payload/rating").asInt()).isEqualTo(5);
        assertThat(closed.at("/payload/handlerAccountId").asString()).isEqualTo("worker-wang");
        assertThat(closed.at("/payload/handlerKind").asString()).isEqualTo("GRID_WORKER");
    }

    @Test
    void aBadPhotoRefusesTheWholeReportAndStoresNothing() throws Exception {
        String token = json(mvc.perform(get("/api/v1/issues/qr-codes/" + Seeds.BUILDING).with(admin())))
                .get("token").asString();
        long issuesBefore = mongo.count(new Query(), Issue.class);
        long photosBefore = photos.count();

        mvc.perform(multipart("/api/v1/issues/qr-reports")
                        .file(report("{\"token\": \"" + token + "\", \"category\": \"ENVIRONMENT\", \"description\": \"垃圾\"}"))
                        .file(new MockMultipartFile("photos", "ok.png", "image/png", Seeds.png()))
                        .file(new MockMultipartFile("photos", "evil.png", "image/png",
                                "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)))
                        .header("Accept-Language", "en"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("invalid-photo"))
                .andExpect(jsonPath("$.detail").value("Photo 2 is not a JPEG, PNG or WebP image."));

        var tooMany = multipart("/api/v1/issues/qr-reports")
                .file(report("{\"token\": \"" + token + "\", \"category\": \"ENVIRONMENT\", \"description\": \"垃圾\"}"));
        for (int i = 0; i < 10; i++) {
            tooMany.file(new MockMultipartFile("photos", i + ".png", "image/png", Seeds.png()));
        }
        mvc.perform(tooMany).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("too-many-photos"));
        byte[] huge = java.util.Arrays.copyOf(Seeds.png(), 5 * 1024 * 1024 + 1);
        mvc.perform(multipart("/api/v1/issues").with(resident("resident-photo"))
                        .file(report("{\"category\": \"ENVIRONMENT\", \"description\": \"垃圾\", \"lat\": 36.2004, \"lng\": 113.4006}"))
                        .file(new MockMultipartFile("photos", "ok.png", "image/png", Seeds.png()))
                        .file(new MockMultipartFile("photos", "huge.png", "image/png", huge)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("photo-too-large"));

        assertThat(mongo.count(new Query(), Issue.class)).isEqualTo(issuesBefore);
        assertThat(photos.count()).isEqualTo(photosBefore);
        mvc.perform(multipart("/api/v1/issues/qr-reports")
                        .file(report("{\"token\": \"" + Seeds.BUILDING + ".forged\", \"category\": \"ENVIRONMENT\", "
                                + "\"description\": \"垃圾\"}")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("invalid-qr-token"));
    }

    @Test
    void aRetriedSubmitWithTheSameIdempotencyKeyCreatesOneIssue() throws Exception {
        String body = "{\"category\": \"PARKING\", \"description\": \"车辆堵住消防通道\", \"lat\": " + Seeds.LAT
                + ", \"lng\": " + Seeds.LNG + ", \"reporterPhone\": \"13912340000\"}";
        long before = mongo.count(new Query(), Issue.class);
        MockHttpServletResponse answered = mvc.perform(post("/api/v1/issues").with(resident("resident-idem"))
                        .header("Idempotency-Key", "retry-1").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.routedBy").value("LOCAL_COPY"))
                .andExpect(jsonPath("$.gridId").value(Seeds.GRID))
                .andReturn().getResponse();
        String first = answered.getHeader("Location");
        mvc.perform(post("/api/v1/issues").with(resident("resident-idem"))
                        .header("Idempotency-Key", "retry-1").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "true"))
                .andExpect(header().string("Location", first))
                .andExpect(content().string(answered.getContentAsString()));
        org.bson.Document kept = mongo.findOne(Query.query(Criteria.where("location").is(first)), org.bson.Document.class,
                "idempotency_keys");
        assertThat(new String(kept.get("sealedBody", org.bson.types.Binary.class).getData(), StandardCharsets.ISO_8859_1))
                .as("the remembered answer is stored sealed").startsWith(FieldCipher.PREFIX).doesNotContain("1391234");

        assertThat(mongo.count(new Query(), Issue.class)).isEqualTo(before + 1);
    }

    @Test
    void aRetryAfterTheFirstRunDiedGetsTheIssueThatRunCreatedNotASecondOne() throws Exception {
        long before = mongo.count(new Query(), Issue.class);
        String id = json(keyedReport("resident-crash", "crash-1").andExpect(status().isCreated())).get("id").asString();
        // the first run saved its issue and died before keeping its answer; its lease has run out
        leaveClaimRunning("/api/v1/issues/" + id, clock.instant().minusSeconds(1));

        keyedReport("resident-crash", "crash-1")
                .andExpect(status().isCreated())
                .andExpect(header().doesNotExist("Idempotent-Replayed"))
                .andExpect(header().string("Location", "/api/v1/issues/" + id))
                .andExpect(jsonPath("$.id").value(id));
        assertThat(mongo.count(new Query(), Issue.class)).isEqualTo(before + 1);
        keyedReport("resident-crash", "crash-1")
                .andExpect(header().string("Idempotent-Replayed", "true"))
                .andExpect(jsonPath("$.id").value(id));
    }

    @Test
    void aRetryWhileTheFirstRunStillHoldsItsLeaseIsRefused409() throws Exception {
        String id = json(keyedReport("resident-slow", "slow-1").andExpect(status().isCreated())).get("id").asString();
        leaveClaimRunning("/api/v1/issues/" + id, clock.instant().plusSeconds(10));

        keyedReport("resident-slow", "slow-1")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://linli.example/problems/idempotency-key-in-progress"));
    }

    private ResultActions keyedReport(String resident, String key) throws Exception {
        return mvc.perform(post("/api/v1/issues").with(resident(resident)).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).content("{\"category\": \"PARKING\", \"description\": "
                        + "\"车辆堵住消防通道\", \"lat\": " + Seeds.LAT + ", \"lng\": " + Seeds.LNG + "}"));
    }

    /** Turns the kept answer for {@code location} back into a claim still running, as a run that died leaves it. */
    private void leaveClaimRunning(String location, Instant leaseUntil) {
        UpdateResult rewound = mongo.updateFirst(Query.query(Criteria.where("location").is(location)),
                new Update().set("completed", false).set("owner", "a-run-that-died").set("expiresAt", Date.from(leaseUntil))
                        .unset("status").unset("contentType").unset("location").unset("sealedBody"), "idempotency_keys");
        assertThat(rewound.getModifiedCount()).isEqualTo(1);
    }

    @Test
    void illegalTransitionsAre422AndOtherCommunitiesGet403() throws Exception {
        String id = json(mvc.perform(post("/api/v1/issues").with(resident("resident-a"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"category\": \"NOISE\", \"description\": \"夜间施工\", "
                        + "\"buildingId\": \"" + Seeds.BUILDING + "\"}"))
                .andExpect(status().isCreated())).get("id").asString();

        act(id, "resolution", "{\"note\": \"done\"}", worker())
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("illegal-transition"));
        mvc.perform(post("/api/v1/issues/" + id + "/rating").with(resident("resident-a"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"rating\": 5}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("illegal-transition"));
        act(id, "dispatch", "{}", otherCommunityAdmin()).andExpect(status().isForbidden());
        // handling is for grid workers, party members, departments and admins: not the reporter, not a company
        act(id, "arrival", "{}", resident("resident-a")).andExpect(status().isForbidden());
        act(id, "arrival", "{}", caller("PROPERTY_STAFF", Seeds.COMMUNITY_PATH, "company-staff"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/issues/" + id).with(resident("resident-b"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/issues").with(resident("resident-b")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.page.totalElements").value(0));
        mvc.perform(get("/api/v1/issues").param("status", "DISPATCHED").with(otherCommunityAdmin()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.page.totalElements").value(0));
        mvc.perform(get("/api/v1/issues/missing").with(admin())).andExpect(status().isNotFound());
    }

    @Test
    void partyMembersClaimIssuesOpenForClaimAndOnlyTheClaimantHandlesThem() throws Exception {
        String id = json(mvc.perform(post("/api/v1/issues").with(resident("resident-c"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"category\": \"OTHER\", \"description\": \"帮忙\", "
                        + "\"lat\": " + Seeds.LAT + ", \"lng\": " + Seeds.LNG + "}"))).get("id").asString();
        act(id, "dispatch", "{}", admin()).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("OPEN_FOR_CLAIM"));
        act(id, "claim", "{}", caller("PARTY_MEMBER", "/" + Seeds.STREET + "/other-community/", "member-far"))
                .andExpect(status().isForbidden());
        act(id, "claim", "{}", caller("PARTY_MEMBER", Seeds.COMMUNITY_PATH, "member-zhao"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CLAIMED"));
        act(id, "arrival", "{}", caller("PARTY_MEMBER", Seeds.COMMUNITY_PATH, "member-qian"))
                .andExpect(status().isForbidden());
        act(id, "arrival", "{}", caller("PARTY_MEMBER", Seeds.COMMUNITY_PATH, "member-zhao"))
                .andExpect(status().isOk());
        act(id, "resolution", "{\"note\": \"已帮忙\"}", caller("PARTY_MEMBER", Seeds.COMMUNITY_PATH, "member-zhao"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.handlerKind").value("PARTY_MEMBER"));

        JsonNode claimed = PublishedEvents.awaitFirst(bootstrapServers, Topics.ISSUE_EVENTS, id, "IssueClaimed");
        PublishedEvents.assertMatchesExample(claimed, "issue-events");
        assertThat(claimed.at("/payload/claimantAccountId").asString()).isEqualTo("member-zhao");
        JsonNode dispatched = PublishedEvents.awaitFirst(bootstrapServers, Topics.ISSUE_EVENTS, id, "IssueDispatched");
        assertThat(dispatched.at("/payload/mode").asString()).isIn("ASSIGNED", "OPEN_FOR_CLAIM");
    }

    @Test
    void aSecondReportNearbyIsSuggestedAsDuplicateAndStaffMergeIt() throws Exception {
        String body = "{\"category\": \"ROAD_AND_LIGHTING\", \"description\": \"路灯不亮\", \"lat\": " + Seeds.LAT
                + ", \"lng\": " + Seeds.LNG + "}";
        String first = json(mvc.perform(post("/api/v1/issues").with(resident("resident-d"))
                .contentType(MediaType.APPLICATION_JSON).content(body))).get("id").asString();
        JsonNode second = json(mvc.perform(post("/api/v1/issues").with(resident("resident-e"))
                .contentType(MediaType.APPLICATION_JSON).content(body.replace(String.valueOf(Seeds.LNG), "113.4008")))
                .andExpect(jsonPath("$.suggestedDuplicateOf").value(first)));

        act(second.get("id").asString(), "merge", "{\"originalIssueId\": \"" + first + "\"}", admin())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DUPLICATE"))
                .andExpect(jsonPath("$.duplicateOf").value(first));
        mvc.perform(get("/api/v1/issues/" + first).with(resident("resident-d")))
                .andExpect(jsonPath("$.mergedIssueIds[0]").value(second.get("id").asString()));
    }

    @Test
    void aHeldIssuesClocksPauseAndAResolvedIssueClosesUnratedAfterTheCallbackWindow() throws Exception {
        String id = json(mvc.perform(post("/api/v1/issues").with(resident("resident-f"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"category\": \"UTILITIES\", \"description\": \"暖气不热\", "
                        + "\"lat\": " + Seeds.LAT + ", \"lng\": " + Seeds.LNG + "}"))).get("id").asString();
        act(id, "hold", "{\"reason\": \"等待供热公司排期\"}", admin()).andExpect(status().isOk());
        clock.advance(Duration.ofHours(10));
        deadlines.sweep(500);
        mvc.perform(get("/api/v1/issues/" + id).with(admin()))
                .andExpect(jsonPath("$.status").value("HELD"))
                .andExpect(jsonPath("$.level").value("GRID"));
        act(id, "resumption", "{}", admin()).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DISPATCHED"))
                .andExpect(jsonPath("$.deadlines.onSiteOverdue").value(false));
        act(id, "arrival", "{}", worker()).andExpect(status().isOk());
        act(id, "resolution", "{\"note\": \"已排气\"}", worker()).andExpect(status().isOk());

        clock.advance(Duration.ofHours(73));
        deadlines.sweep(500);
        mvc.perform(get("/api/v1/issues/" + id).with(resident("resident-f")))
                .andExpect(jsonPath("$.status").value("CLOSED"));
        JsonNode closed = PublishedEvents.awaitFirst(bootstrapServers, Topics.ISSUE_EVENTS, id, "IssueClosed");
        assertThat(closed.at("/payload/automatic").asBoolean()).isTrue();
    }

    @Test
    void submissionsSucceedWhenGridServiceIsDown() throws Exception {
        // far from every copied grid: the copy cannot answer, grid-service (a dead port here) cannot either
        long started = System.nanoTime();
        for (int i = 0; i < 6; i++) {
            mvc.perform(post("/api/v1/issues").with(resident("resident-down"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"category\": \"ENVIRONMENT\", \"description\": \"河道垃圾\", \"lat\": 30.1, \"lng\": 100.2}"))
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.routedBy").value("COUNTY_QUEUE"))
                    .andExpect(jsonPath("$.level").value("COUNTY"));
        }
        mvc.perform(post("/api/v1/issues").with(worker()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"category\": \"ENVIRONMENT\", \"description\": \"巡查发现垃圾\", \"lat\": 30.1, \"lng\": 100.2}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.channel").value("PATROL"))
                .andExpect(jsonPath("$.routedBy").value("COMMUNITY_QUEUE"))
                .andExpect(jsonPath("$.communityUnitId").value(Seeds.COMMUNITY))
                .andExpect(jsonPath("$.status").value("REPORTED"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void refusesStatisticsWhosePeriodEndsBeforeItStarts() throws Exception {
        mvc.perform(get("/api/v1/issues/statistics").with(caller("COUNTY_ADMIN", null, "county-admin"))
                        .param("from", "2026-12-01T00:00:00Z").param("to", "2026-01-01T00:00:00Z"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("invalid-request"))
                .andExpect(jsonPath("$.errors[0].field").value("to"));
    }

    @Test
    void aCountyAdminFeedsInAReportWithItsOriginalTimeWhichTheStatisticsAndTheEventCarry() throws Exception {
        Instant received = clock.instant().minus(Duration.ofDays(21)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String body = "{\"category\": \"PROPERTY_REPAIR\", \"channel\": \"HOTLINE\", \"description\": \"三周前的来电\", "
                + "\"lat\": " + Seeds.LAT + ", \"lng\": " + Seeds.LNG + ", \"reporterName\": \"王五\", \"receivedAt\": \"%s\"}";
        org.springframework.test.web.servlet.request.RequestPostProcessor county = caller("COUNTY_ADMIN", null, "county-admin");

        String id = json(mvc.perform(post("/api/v1/issues").with(county).contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted(received)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.reportedAt").value(received.toString()))
                .andExpect(jsonPath("$.supervised").value(true))).get("id").asString();
        JsonNode reported = PublishedEvents.awaitFirst(bootstrapServers, Topics.ISSUE_EVENTS, id, "IssueReported");
        assertThat(reported.get("payload").get("receivedAt").asString()).isEqualTo(received.toString());
        mvc.perform(get("/api/v1/issues/statistics").with(county).param("compoundId", Seeds.COMPOUND)
                        .param("from", received.minusSeconds(1).toString()).param("to", received.plusSeconds(1).toString()))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.asOf").isNotEmpty());

        mvc.perform(post("/api/v1/issues").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted(received)))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.type").value("https://linli.example/problems/forbidden"));
        for (Instant outOfBounds : List.of(clock.instant().plus(Duration.ofHours(1)),
                clock.instant().minus(Duration.ofDays(401)))) {
            mvc.perform(post("/api/v1/issues").with(county).contentType(MediaType.APPLICATION_JSON)
                            .content(body.formatted(outOfBounds)))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.type").value("https://linli.example/problems/invalid-request"))
                    .andExpect(jsonPath("$.errors[0].field").value("receivedAt"));
        }
    }

    private ResultActions act(String id, String action, String body, org.springframework.test.web.servlet.request.RequestPostProcessor who)
            throws Exception {
        return mvc.perform(post("/api/v1/issues/" + id + "/" + action).with(who)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private static MockMultipartFile report(String json) {
        return new MockMultipartFile("report", "", MediaType.APPLICATION_JSON_VALUE, json.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode json(ResultActions result) throws Exception {
        return JSON.readTree(result.andReturn().getResponse().getContentAsString());
    }
}
