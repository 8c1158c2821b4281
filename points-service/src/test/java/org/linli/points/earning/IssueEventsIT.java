package org.linli.points.earning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.events.Topics;
import org.linli.platform.test.EmbeddedInfrastructure;
import org.linli.platform.test.PublishedEvents;
import org.linli.points.Callers;
import org.linli.points.Communities;
import org.linli.points.ledger.AccountSummary;
import org.linli.points.ledger.LedgerEntry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/** Points earned from issue-service's pinned events: exactly once per deed however often it arrives. */
@SpringBootTest
@AutoConfigureMockMvc
@EmbeddedInfrastructure
class IssueEventsIT {

    private static final String HANDLER = "6b4cb242-4a23-4596-a217-beaddbc496cb";
    private static final String COMMUNITY = "36f675cc-81e7-4ef5-a8e2-5d940ed90475";
    private static final String ISSUE = "0cb1e29c-658c-4a14-95e6-0af593bd04cf";

    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    MockMvc mvc;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @BeforeEach
    void startWithEmptyLedger() {
        mongo.remove(new Query(), LedgerEntry.class);
        mongo.remove(new Query(), AccountSummary.class);
        mongo.dropCollection("refused_credits");
        mongo.dropCollection("processed_events");
        mongo.dropCollection("black_list");
        Communities.community(mongo, COMMUNITY);
    }

    @Test
    void creditsTheHandlerOnceWhenTheSameIssueClosedIsDeliveredThreeTimes() throws Exception {
        String pinned = pinned("IssueClosed");
        for (int i = 0; i < 3; i++) {
            kafka.send(Topics.ISSUE_EVENTS, ISSUE, pinned).get();
        }
        // the same deed once more under another event id (as after a reopen and a second close)
        kafka.send(Topics.ISSUE_EVENTS, ISSUE, pinned.replace("49952399-c4aa-4ac1-b7dc-76fb0f17a300",
                "49952399-c4aa-4ac1-b7dc-76fb0f17a399")).get();

        await().atMost(Duration.ofSeconds(20)).until(() -> marks() == 2);
        List<LedgerEntry> entries = entriesOf(HANDLER);
        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.reference()).isEqualTo("issue:" + ISSUE);
            assertThat(entry.amount()).isEqualTo(20);
            assertThat(entry.balanceAfter()).isEqualTo(20);
            assertThat(entry.communityUnitId()).isEqualTo(COMMUNITY);
            assertThat(entry.communityPath()).isEqualTo(Communities.STREET + COMMUNITY + "/");
        });

        mvc.perform(get("/api/v1/points/accounts/me").with(Callers.person(HANDLER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.balance").value(20))
                .andExpect(jsonPath("$.entries").value(1));
        mvc.perform(get("/api/v1/points/accounts/" + HANDLER)
                        .with(Callers.communityAdmin("admin-1", Communities.STREET + COMMUNITY + "/")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.balance").value(20));
        mvc.perform(get("/api/v1/points/accounts/" + HANDLER)
                        .with(Callers.communityAdmin("admin-2", Communities.STREET + "other-community/")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/points/accounts/" + HANDLER).with(Callers.person("somebody-else")))
                .andExpect(status().isForbidden());

        JsonNode credited = PublishedEvents.awaitFirst(bootstrapServers, Topics.POINTS_EVENTS, entries.get(0).id(),
                "PointsCredited");
        PublishedEvents.assertMatchesExample(credited, "points-events");
        assertThat(credited.at("/payload/reason").asString()).isEqualTo("ISSUE_RESOLVED");
        assertThat(credited.at("/payload/amount").asLong()).isEqualTo(20);
        assertThat(credited.at("/payload/balanceAfter").asLong()).isEqualTo(20);
    }

    @Test
    void creditsNothingForAnIssueClosedWithoutResolutionOrByAGridWorker() throws Exception {
        String pinned = pinned("IssueClosed");
        String rejected = pinned.replace("49952399-c4aa-4ac1-b7dc-76fb0f17a300", "rejected-event")
                .replace("\"handlerAccountId\": \"" + HANDLER + "\"", "\"handlerAccountId\": null")
                .replace("\"handlerKind\": \"PARTY_MEMBER\"", "\"handlerKind\": null");
        String byGridWorker = pinned.replace("49952399-c4aa-4ac1-b7dc-76fb0f17a300", "grid-worker-event")
                .replace("\"handlerKind\": \"PARTY_MEMBER\"", "\"handlerKind\": \"GRID_WORKER\"");
        String byVolunteer = pinned.replace("49952399-c4aa-4ac1-b7dc-76fb0f17a300", "volunteer-event")
                .replace(ISSUE + "\",\n    \"rating", "other-issue\",\n    \"rating")
                .replace("\"handlerKind\": \"PARTY_MEMBER\"", "\"handlerKind\": \"VOLUNTEER\"");
        kafka.send(Topics.ISSUE_EVENTS, ISSUE, rejected).get();
        kafka.send(Topics.ISSUE_EVENTS, ISSUE, byGridWorker).get();
        kafka.send(Topics.ISSUE_EVENTS, "other-issue", byVolunteer).get();

        await().atMost(Duration.ofSeconds(20)).until(() -> marks() == 3);
        assertThat(entriesOf(HANDLER)).singleElement()
                .satisfies(entry -> assertThat(entry.reference()).isEqualTo("issue:other-issue"));
    }

    @Test
    void creditsAPartyMemberForAFulfilledMicroWishButNotWhileBlackListed() throws Exception {
        kafka.send(Topics.ISSUE_EVENTS, "wish", pinned("MicroWishFulfilled")).get();
        await().atMost(Duration.ofSeconds(20)).until(() -> entriesOf(HANDLER).size() == 1);
        assertThat(entriesOf(HANDLER).get(0).reference()).isEqualTo("micro-wish:92276658-1e27-41c0-8a6a-63ec24ede6a4");
        assertThat(entriesOf(HANDLER).get(0).amount()).isEqualTo(10);

        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/honour-lists/black-list")
                        .with(Callers.communityAdmin("admin-1", Communities.STREET + COMMUNITY + "/"))
                        .contentType("application/json")
                        .content("{\"accountId\": \"" + HANDLER + "\", \"communityUnitId\": \"" + COMMUNITY + "\", "
                                + "\"reason\": \"在公共区域堆放杂物，拒不整改\", \"evidence\": [\"照片 2026-11-20\"], "
                                + "\"until\": \"2099-01-01T00:00:00Z\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.active").value(true));
        kafka.send(Topics.ISSUE_EVENTS, ISSUE, pinned("IssueClosed")).get();

        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.exists(Query.query(Criteria.where("_id")
                .is(HANDLER + ":issue:" + ISSUE)), "refused_credits"));
        assertThat(entriesOf(HANDLER)).hasSize(1);
        assertThat(mongo.findById(HANDLER + ":issue:" + ISSUE, org.bson.Document.class, "refused_credits"))
                .containsEntry("why", "REFUSED_BLACK_LISTED");
    }

    private List<LedgerEntry> entriesOf(String accountId) {
        return mongo.find(Query.query(Criteria.where("accountId").is(accountId)), LedgerEntry.class);
    }

    private long marks() {
        return mongo.count(Query.query(Criteria.where("type").is("IssueClosed")), "processed_events");
    }

    private static String pinned(String type) throws Exception {
        try (InputStream in = IssueEventsIT.class.getResourceAsStream("/contracts/issue-events/" + type + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
