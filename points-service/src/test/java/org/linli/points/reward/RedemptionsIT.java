package org.linli.points.reward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.events.Topics;
import org.linli.platform.test.EmbeddedInfrastructure;
import org.linli.platform.test.PublishedEvents;
import org.linli.points.Callers;
import org.linli.points.Communities;
import org.linli.points.ledger.Ledger;
import org.linli.points.ledger.LedgerEntry;
import org.linli.points.ledger.LedgerEntry.Context;
import org.linli.points.ledger.Reason;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Redemptions through the API under real concurrency: no overdraft, no overselling, cancel refunds, staff fulfil. */
@SpringBootTest
@AutoConfigureMockMvc
@EmbeddedInfrastructure
class RedemptionsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    Ledger ledger;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    private String community;
    private String path;

    @BeforeEach
    void aCommunityWithASupermarket() {
        community = "community-" + UUID.randomUUID();
        path = Communities.community(mongo, community);
    }

    @Test
    void fiftyConcurrentRedemptionsOfTenInStockSucceedExactlyTenTimesAndNoBalanceGoesNegative() throws Exception {
        String rice = reward("大米 5kg", 30, 10, null);
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String account = "redeemer-" + UUID.randomUUID();
            ledger.credit(account, 100, Reason.CORRECTION, "correction:opening", Context.NONE, null, "opening");
            accounts.add(account);
        }

        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        List<String> pickupCodes = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<Future<MvcResult>> results = new ArrayList<>();
        for (String account : accounts) {
            results.add(pool.submit(() -> {
                start.await();
                return mvc.perform(post("/api/v1/redemptions").with(Callers.person(account))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"rewardId\": \"" + rice + "\", \"quantity\": 1}")).andReturn();
            }));
        }
        start.countDown();
        for (Future<MvcResult> result : results) {
            MvcResult done = result.get();
            statuses.merge(done.getResponse().getStatus(), 1, Integer::sum);
            if (done.getResponse().getStatus() == 201) {
                pickupCodes.add(JSON.readTree(done.getResponse().getContentAsString()).get("pickupCode").asString());
            } else {
                assertThat(done.getResponse().getContentAsString()).contains("out-of-stock");
            }
        }
        pool.shutdown();

        assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of(201, 10, 422, 40));
        assertThat(pickupCodes).doesNotHaveDuplicates().allMatch(code -> code.matches("\\d{8}"));
        mvc.perform(get("/api/v1/rewards/" + rice).with(Callers.person(accounts.get(0))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.stock").value(0));
        long spent = 0;
        for (String account : accounts) {
            List<LedgerEntry> entries = mongo.find(Query.query(Criteria.where("accountId").is(account)), LedgerEntry.class);
            long balance = ledger.balance(account);
            assertThat(balance).isNotNegative();
            assertThat(entries.stream().mapToLong(LedgerEntry::amount).sum()).isEqualTo(balance);
            spent += 100 - balance;
        }
        assertThat(spent).isEqualTo(10 * 30);
        assertThat(mongo.count(Query.query(Criteria.where("rewardId").is(rice).and("status").is("CONFIRMED")),
                Redemption.class)).isEqualTo(10);
    }

    @Test
    void aHolderDownloadsOwnLedgerAndNoOneElses() throws Exception {
        String holder = "holder-" + UUID.randomUUID();
        ledger.credit(holder, 30, Reason.CORRECTION, "correction:opening", Context.NONE, null, "opening");
        ledger.credit("holder-" + UUID.randomUUID(), 70, Reason.CORRECTION, "correction:opening", Context.NONE, null,
                "opening");

        mvc.perform(get("/api/v1/personal-data/points").with(Callers.person(holder)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ledgerEntries.length()").value(1))
                .andExpect(jsonPath("$.ledgerEntries[0].amount").value(30))
                .andExpect(jsonPath("$.ledgerEntries[0].reference").value("correction:opening"))
                .andExpect(jsonPath("$.account.balance").value(30));
        mvc.perform(get("/api/v1/personal-data/points").with(Callers.person("holder-" + UUID.randomUUID())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ledgerEntries.length()").value(0))
                .andExpect(jsonPath("$.account").doesNotExist());
    }

    @Test
    void aCancelRefundsWithAReversingEntryAndStaffHandOverAgainstThePickupCode() throws Exception {
        String oil = reward("食用油 5L", 50, 5, 2);
        String holder = "holder-" + UUID.randomUUID();
        ledger.credit(holder, 120, Reason.CORRECTION, "correction:opening", Context.NONE, null, "opening");

        JsonNode first = redeem(holder, oil, 201);
        JsonNode second = redeem(holder, oil, 201);
        assertThat(ledger.balance(holder)).isEqualTo(20);
        mvc.perform(post("/api/v1/redemptions").with(Callers.person(holder)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"rewardId\": \"" + oil + "\", \"quantity\": 1}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("per-person-limit"));

        String firstId = first.get("id").asString();
        mvc.perform(post("/api/v1/redemptions/" + firstId + "/cancellation").with(Callers.person("someone-else")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/redemptions/" + firstId + "/cancellation").with(Callers.person(holder)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CANCELLED"));
        mvc.perform(post("/api/v1/redemptions/" + firstId + "/cancellation").with(Callers.person(holder)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("redemption-cancelled"));
        assertThat(ledger.balance(holder)).isEqualTo(70);
        assertThat(ledger.byReference(holder, "refund:" + firstId)).get()
                .satisfies(entry -> assertThat(entry.reason()).isEqualTo(Reason.REFUND));
        mvc.perform(get("/api/v1/rewards/" + oil).with(Callers.person(holder))).andExpect(jsonPath("$.stock").value(4));

        String code = second.get("pickupCode").asString();
        mvc.perform(post("/api/v1/redemptions/fulfilment").with(Callers.communityAdmin("staff-x", Communities.STREET
                        + "another-community/")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"pickupCode\": \"" + code + "\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/redemptions/fulfilment").with(Callers.caller("staff-1", path, "GRID_WORKER"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"pickupCode\": \"" + code + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("FULFILLED"))
                .andExpect(jsonPath("$.pickupCode").doesNotExist());
        mvc.perform(post("/api/v1/redemptions/" + second.get("id").asString() + "/cancellation")
                        .with(Callers.person(holder)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("redemption-fulfilled"));

        mvc.perform(post("/api/v1/redemptions").with(Callers.person(holder)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"rewardId\": \"" + reward("面粉 10kg", 80, 5, null) + "\", \"quantity\": 1}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("insufficient-points"));
        assertThat(ledger.balance(holder)).isEqualTo(70);

        // the two refused ones stay on record as FAILED with the rule that refused them
        mvc.perform(get("/api/v1/redemptions").with(Callers.person(holder)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page.totalElements").value(4));
        mvc.perform(get("/api/v1/redemptions").param("status", "FAILED").param("sort", "createdAt").with(Callers.person(holder)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[0].failure").value("per-person-limit"))
                .andExpect(jsonPath("$.content[1].failure").value("insufficient-points"));

        JsonNode made = PublishedEvents.awaitFirst(bootstrapServers, Topics.POINTS_EVENTS, firstId, "RedemptionMade");
        PublishedEvents.assertMatchesExample(made, "points-events");
        JsonNode cancelled = PublishedEvents.awaitFirst(bootstrapServers, Topics.POINTS_EVENTS, firstId,
                "RedemptionCancelled");
        PublishedEvents.assertMatchesExample(cancelled, "points-events");
        assertThat(cancelled.at("/payload/points").asLong()).isEqualTo(50);
        JsonNode fulfilled = PublishedEvents.awaitFirst(bootstrapServers, Topics.POINTS_EVENTS,
                second.get("id").asString(), "RedemptionFulfilled");
        PublishedEvents.assertMatchesExample(fulfilled, "points-events");
        String debitId = ledger.byReference(holder, "redemption:" + firstId).orElseThrow().id();
        JsonNode debited = PublishedEvents.awaitFirst(bootstrapServers, Topics.POINTS_EVENTS, debitId, "PointsDebited");
        PublishedEvents.assertMatchesExample(debited, "points-events");
        assertThat(debited.at("/payload/reason").asString()).isEqualTo("REDEMPTION");
    }

    @Test
    void anotherCommunitysAdminCannotStockThisSupermarket() throws Exception {
        mvc.perform(post("/api/v1/rewards").with(Callers.communityAdmin("admin-2", Communities.STREET + "other/"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"communityUnitId\": \"" + community + "\", \"name\": \"大米\", \"pointsPrice\": 30, "
                                + "\"stock\": 10}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/rewards").with(Callers.communityAdmin("admin-1", path))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"communityUnitId\": \"" + community + "\", \"name\": \"大米\", \"pointsPrice\": 0, "
                                + "\"stock\": 10}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/rewards").with(Callers.person("resident-1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"communityUnitId\": \"" + community + "\", \"name\": \"大米\", \"pointsPrice\": 30, "
                                + "\"stock\": 10}"))
                .andExpect(status().isForbidden());
    }

    private JsonNode redeem(String account, String rewardId, int expected) throws Exception {
        MvcResult result = mvc.perform(post("/api/v1/redemptions").with(Callers.person(account))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"rewardId\": \"" + rewardId + "\", \"quantity\": 1}"))
                .andExpect(status().is(expected)).andReturn();
        return JSON.readTree(result.getResponse().getContentAsString());
    }

    private String reward(String name, int price, int stock, Integer limit) throws Exception {
        MvcResult result = mvc.perform(post("/api/v1/rewards").with(Callers.communityAdmin("admin-1", path))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"communityUnitId\": \"" + community + "\", \"name\": \"" + name + "\", \"pointsPrice\": "
                                + price + ", \"stock\": " + stock + (limit == null ? "" : ", \"perPersonLimit\": " + limit)
                                + "}"))
                .andExpect(status().isCreated()).andReturn();
        return JSON.readTree(result.getResponse().getContentAsString()).get("id").asString();
    }
}
