package org.linli.property.focus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.linli.property.Api.admin;
import static org.linli.property.Api.countyAdmin;
import static org.linli.property.Api.json;
import static org.linli.property.Api.staff;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.events.Topics;
import org.linli.platform.test.EmbeddedInfrastructure;
import org.linli.platform.test.PublishedEvents;
import org.linli.property.Api;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

/**
 * Complaints from issue-service's pinned IssueReported put a compound on the focus list past the threshold
 * (5 in 30 days); a completed plan accepted by a third party takes it off; IssueClosed ratings count once.
 */
@SpringBootTest
@AutoConfigureMockMvc
@EmbeddedInfrastructure
class FocusIT {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final LocalDate TODAY = LocalDate.now(ZONE);

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    String company;
    String compound;

    @BeforeEach
    void aCompoundServedByACompany() throws Exception {
        for (String collection : new String[] {"compounds", "companies", "focus_entries", "complaints", "issue_ratings",
                "surveys", "property_supervisors"}) {
            mongo.remove(new Query(), collection);
        }
        Api.knownUnits(mongo, "community-a", "community-b");
        company = json(mvc.perform(post("/api/v1/property-companies").with(countyAdmin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"甲物业\", \"creditCode\": \"91350100M000100Y43\"}"))
                .andReturn().getResponse().getContentAsString()).get("id").asString();
        compound = json(mvc.perform(post("/api/v1/compounds").with(countyAdmin()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "檀溪花园", "kind": "COMMERCIAL", "communityUnitId": "community-a",
                                 "households": 500, "lat": 31.3, "lng": 118.4}"""))
                .andReturn().getResponse().getContentAsString()).get("id").asString();
        mvc.perform(post("/api/v1/contracts").with(countyAdmin()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"compoundId": "%s", "companyId": "%s", "kind": "REGULAR", "startsOn": "%s",
                                 "endsOn": "%s"}""".formatted(compound, company, TODAY.minusYears(1), TODAY.plusYears(2))))
                .andExpect(status().isCreated());
    }

    @Test
    void complaintsPastTheThresholdPutTheCompoundOnTheFocusListUntilAThirdPartyAcceptsTheRectification() throws Exception {
        String firstIssueId = UUID.randomUUID().toString();
        String first = reported(firstIssueId);
        kafka.send(Topics.ISSUE_EVENTS, "issue", first).get();
        kafka.send(Topics.ISSUE_EVENTS, "issue", first).get();
        for (int i = 0; i < 4; i++) {
            kafka.send(Topics.ISSUE_EVENTS, "issue", reported(UUID.randomUUID().toString())).get();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> complaints() == 5);
        Thread.sleep(300);
        mvc.perform(get("/api/v1/compounds/focus-list").with(countyAdmin()))
                .andExpect(jsonPath("$.page.totalElements").value(0));

        kafka.send(Topics.ISSUE_EVENTS, "issue", reported(UUID.randomUUID().toString())).get();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            FocusEntry entry = mongo.findById(compound, FocusEntry.class);
            return entry != null && entry.onList();
        });
        mvc.perform(get("/api/v1/compounds/focus-list").with(admin("community-a")))
                .andExpect(jsonPath("$.content[0].compoundId").value(compound))
                .andExpect(jsonPath("$.content[0].stays[0].complaints").value(6));
        mvc.perform(get("/api/v1/compounds/focus-list").with(admin("community-b")))
                .andExpect(jsonPath("$.page.totalElements").value(0));
        mvc.perform(get("/api/v1/compounds/" + compound + "/complaints").param("limit", "2").with(admin("community-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.complaintsInWindow").value(6))
                .andExpect(jsonPath("$.threshold").value(5))
                .andExpect(jsonPath("$.onFocusList").value(true))
                .andExpect(jsonPath("$.complaints.length()").value(2))
                .andExpect(jsonPath("$.complaints[0].channel").value("ISSUE"));
        mvc.perform(get("/api/v1/compounds/" + compound + "/complaints").param("limit", "10").with(staff(company)))
                .andExpect(jsonPath("$.complaints[?(@.id == '" + firstIssueId + "')]").exists());
        mvc.perform(get("/api/v1/compounds/" + compound + "/complaints").with(admin("community-b")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/compounds/focus-list").with(staff(company)))
                .andExpect(jsonPath("$.page.totalElements").value(1));
        JsonNode entered = PublishedEvents.awaitFirst(bootstrapServers, Topics.PROPERTY_EVENTS, compound, "FocusListEntered");
        PublishedEvents.assertMatchesExample(entered, "property-events");
        assertThat(entered.at("/payload/complaints").asInt()).isEqualTo(6);
        assertThat(entered.at("/payload/threshold").asInt()).isEqualTo(5);

        String plan = """
                {"items": [{"description": "修复3号楼电梯", "deadline": "%s"},
                           {"description": "清理楼道堆物", "deadline": "%s"}]}""".formatted(TODAY.plusDays(10), TODAY.plusDays(5));
        mvc.perform(put("/api/v1/compounds/" + compound + "/focus/plan").with(staff("another-company"))
                        .contentType(MediaType.APPLICATION_JSON).content(plan))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/compounds/" + compound + "/focus/plan").with(staff(company))
                        .contentType(MediaType.APPLICATION_JSON).content(plan))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stays[0].plan.length()").value(2));
        mvc.perform(post("/api/v1/compounds/" + compound + "/focus/plan/items/0/completion").with(staff(company)))
                .andExpect(status().isOk());
        String acceptance = "{\"acceptedOn\": \"" + TODAY + "\", \"acceptor\": \"芜湖第三方评估中心\", \"passed\": true}";
        mvc.perform(post("/api/v1/compounds/" + compound + "/focus/acceptance").with(admin("community-a"))
                        .contentType(MediaType.APPLICATION_JSON).content(acceptance))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("plan-not-complete"));
        mvc.perform(post("/api/v1/compounds/" + compound + "/focus/plan/items/1/completion").with(staff(company)))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/compounds/" + compound + "/focus/acceptance").with(staff(company))
                        .contentType(MediaType.APPLICATION_JSON).content(acceptance))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/compounds/" + compound + "/focus/acceptance").with(admin("community-a"))
                        .contentType(MediaType.APPLICATION_JSON).content(acceptance))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("supervisor-sign-off-missing"));
        signedOffByASupervisor();
        mvc.perform(post("/api/v1/compounds/" + compound + "/focus/acceptance").with(admin("community-a"))
                        .contentType(MediaType.APPLICATION_JSON).content(acceptance))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.onFocusList").value(false))
                .andExpect(jsonPath("$.stays[0].supervision[0].supervisorName").value("王监督"))
                .andExpect(jsonPath("$.stays[0].leftOn").value(TODAY.toString()));
        mvc.perform(get("/api/v1/compounds/focus-list").with(countyAdmin()))
                .andExpect(jsonPath("$.page.totalElements").value(0));
        JsonNode left = PublishedEvents.awaitFirst(bootstrapServers, Topics.PROPERTY_EVENTS, compound, "FocusListLeft");
        PublishedEvents.assertMatchesExample(left, "property-events");
    }

    /**
     * 物业监督员: only the community appoints (an admin of another community gets 403), only an appointed resident
     * files (a resident who is none gets 403); the supervisor signs the completed rectification off.
     */
    private void signedOffByASupervisor() throws Exception {
        String appointment = "{\"accountId\": \"resident-wang\", \"name\": \"王监督\"}";
        mvc.perform(post("/api/v1/compounds/" + compound + "/supervisors").with(admin("community-b"))
                        .contentType(MediaType.APPLICATION_JSON).content(appointment))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/compounds/" + compound + "/supervisors").with(admin("community-a"))
                        .contentType(MediaType.APPLICATION_JSON).content(appointment))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.appointed").value(true));
        JsonNode appointed = PublishedEvents.awaitFirst(bootstrapServers, Topics.PROPERTY_EVENTS,
                compound + "/resident-wang", "PropertySupervisorAppointed");
        PublishedEvents.assertMatchesExample(appointed, "property-events");
        assertThat(appointed.at("/payload/accountId").asString()).isEqualTo("resident-wang");
        assertThat(appointed.toString()).doesNotContain("王监督");
        mvc.perform(post("/api/v1/compounds/" + compound + "/supervisors").with(admin("community-a"))
                        .contentType(MediaType.APPLICATION_JSON).content(appointment))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("already-supervisor"));
        mvc.perform(get("/api/v1/compounds/" + compound + "/supervisors").with(admin("community-b")))
                .andExpect(status().isForbidden());
        String signOff = "{\"note\": \"电梯已修复、楼道已清理，确认整改完成\", \"signOff\": true}";
        mvc.perform(post("/api/v1/compounds/" + compound + "/focus/supervision-records").with(resident("resident-li"))
                        .contentType(MediaType.APPLICATION_JSON).content(signOff))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/compounds/" + compound + "/focus/supervision-records").with(resident("resident-wang"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"signOff\": true}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/compounds/" + compound + "/focus/supervision-records").with(resident("resident-wang"))
                        .contentType(MediaType.APPLICATION_JSON).content(signOff))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.records[0].signOff").value(true))
                .andExpect(jsonPath("$.records[0].round").value(0));
    }

    static RequestPostProcessor resident(String accountId) {
        return jwt().jwt(token -> token.subject(accountId).claim("roles", List.of("RESIDENT")))
                .authorities(new SimpleGrantedAuthority("ROLE_RESIDENT"));
    }

    @Test
    void hotlineComplaintsCountTheSameAndClosedIssueRatingsFeedSatisfactionOnce() throws Exception {
        for (int i = 1; i <= 6; i++) {
            mvc.perform(post("/api/v1/compounds/" + compound + "/complaints").with(admin("community-a"))
                            .contentType(MediaType.APPLICATION_JSON).content("{\"channel\": \"HOTLINE_12345\"}"))
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.complaintsInWindow").value(i))
                    .andExpect(jsonPath("$.onFocusList").value(i > 5));
        }
        mvc.perform(post("/api/v1/compounds/" + compound + "/complaints").with(admin("community-b"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"channel\": \"HOTLINE_12345\"}"))
                .andExpect(status().isForbidden());

        String closed = closed(UUID.randomUUID().toString(), 5);
        kafka.send(Topics.ISSUE_EVENTS, "issue", closed).get();
        kafka.send(Topics.ISSUE_EVENTS, "issue", closed).get();
        kafka.send(Topics.ISSUE_EVENTS, "issue", closed(UUID.randomUUID().toString(), 2)).get();
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.count(new Query(), "issue_ratings") == 2);
        mvc.perform(get("/api/v1/evaluations/kpis").param("unitId", "community-a")
                        .param("month", YearMonth.from(TODAY).toString()).with(countyAdmin()))
                .andExpect(jsonPath("$.satisfaction.part").value(1))
                .andExpect(jsonPath("$.satisfaction.base").value(2))
                .andExpect(jsonPath("$.satisfaction.percent").value(50.0));
    }

    @Test
    void anIssueReportedAgainUnderNewEventIdsCountsOnce() throws Exception {
        String issue = UUID.randomUUID().toString();
        for (int i = 0; i < 6; i++) {
            kafka.send(Topics.ISSUE_EVENTS, "issue", reported(issue)).get();
        }
        for (int i = 0; i < 4; i++) {
            kafka.send(Topics.ISSUE_EVENTS, "issue", reported(UUID.randomUUID().toString())).get();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> complaints() == 5);

        mvc.perform(get("/api/v1/compounds/" + compound + "/complaints").with(admin("community-a")))
                .andExpect(jsonPath("$.complaintsInWindow").value(5))
                .andExpect(jsonPath("$.onFocusList").value(false));
    }

    @Test
    void complaintsOlderThanTheWindowDoNotCountTowardsTheThreshold() throws Exception {
        Instant thirtyDaysAgo = TODAY.minusDays(30).atTime(12, 0).atZone(ZONE).toInstant();
        for (int i = 0; i < 6; i++) {
            kafka.send(Topics.ISSUE_EVENTS, "issue", reported(UUID.randomUUID().toString(), thirtyDaysAgo)).get();
        }
        Instant firstDayOfTheWindow = TODAY.minusDays(29).atTime(0, 1).atZone(ZONE).toInstant();
        for (int i = 0; i < 5; i++) {
            kafka.send(Topics.ISSUE_EVENTS, "issue", reported(UUID.randomUUID().toString(), firstDayOfTheWindow)).get();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> complaints() == 11);

        mvc.perform(get("/api/v1/compounds/" + compound + "/complaints").with(admin("community-a")))
                .andExpect(jsonPath("$.complaintsInWindow").value(5))
                .andExpect(jsonPath("$.onFocusList").value(false));
        assertThat(mongo.findById(compound, FocusEntry.class)).isNull();
    }

    @Test
    void anIssueReportedHereNowButReceivedEarlierElsewhereCountsOnTheDayItWasReceived() throws Exception {
        Instant fortyDaysAgo = TODAY.minusDays(40).atTime(12, 0).atZone(ZONE).toInstant();
        for (int i = 0; i < 6; i++) {
            kafka.send(Topics.ISSUE_EVENTS, "issue", reported(UUID.randomUUID().toString(), Instant.now())
                    .replaceFirst("\"receivedAt\": \"[^\"]+\"", "\"receivedAt\": \"" + fortyDaysAgo + "\"")).get();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> complaints() == 6);

        mvc.perform(get("/api/v1/compounds/" + compound + "/complaints").with(admin("community-a")))
                .andExpect(jsonPath("$.complaintsInWindow").value(0))
                .andExpect(jsonPath("$.onFocusList").value(false));
    }

    @Test
    void aHotlineComplaintKeepsItsOriginalTimeFromACountyAccountWithinTheLimits() throws Exception {
        Instant fortyDaysAgo = Instant.now().minus(Duration.ofDays(40)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String body = "{\"channel\": \"HOTLINE_12345\", \"receivedAt\": \"%s\"}";
        mvc.perform(post("/api/v1/compounds/" + compound + "/complaints").with(countyAdmin())
                        .contentType(MediaType.APPLICATION_JSON).content(body.formatted(fortyDaysAgo)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.complaintsInWindow").value(0));
        assertThat(mongo.findOne(Query.query(Criteria.where("compoundId").is(compound)), Complaint.class).receivedAt())
                .isEqualTo(fortyDaysAgo);

        mvc.perform(post("/api/v1/compounds/" + compound + "/complaints").with(admin("community-a"))
                        .contentType(MediaType.APPLICATION_JSON).content(body.formatted(fortyDaysAgo)))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.type").value("https://linli.example/problems/forbidden"));
        for (Instant outOfBounds : new Instant[] {Instant.now().plus(Duration.ofHours(1)),
                Instant.now().minus(Duration.ofDays(401))}) {
            mvc.perform(post("/api/v1/compounds/" + compound + "/complaints").with(countyAdmin())
                            .contentType(MediaType.APPLICATION_JSON).content(body.formatted(outOfBounds)))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.type").value("https://linli.example/problems/invalid-request"))
                    .andExpect(jsonPath("$.errors[0].field").value("receivedAt"));
        }
        assertThat(complaints()).isEqualTo(1);
    }

    private long complaints() {
        return mongo.count(Query.query(Criteria.where("compoundId").is(compound)), Complaint.class);
    }

    private String reported(String issueId) throws Exception {
        return reported(issueId, Instant.now());
    }

    private String reported(String issueId, Instant at) throws Exception {
        return pinned("IssueReported").replace("4f426dcb-b394-4b36-bb2d-420f0f88080b", UUID.randomUUID().toString())
                .replace("0cb1e29c-658c-4a14-95e6-0af593bd04cf", issueId)
                .replace("a170b338-3926-4059-b28c-105d1fb17c23", compound)
                .replace("2026-11-21T10:11:00Z", at.toString());
    }

    private String closed(String issueId, int rating) throws Exception {
        return pinned("IssueClosed").replace("49952399-c4aa-4ac1-b7dc-76fb0f17a300", UUID.randomUUID().toString())
                .replace("0cb1e29c-658c-4a14-95e6-0af593bd04cf", issueId)
                .replace("a170b338-3926-4059-b28c-105d1fb17c23", compound)
                .replace("\"rating\": 5", "\"rating\": " + rating)
                .replace("2026-11-21T10:17:00Z", Instant.now().toString());
    }

    private static String pinned(String type) throws Exception {
        try (InputStream in = FocusIT.class.getResourceAsStream("/contracts/issue-events/" + type + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
