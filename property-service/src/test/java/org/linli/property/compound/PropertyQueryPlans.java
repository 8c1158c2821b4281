package org.linli.property.compound;

import static org.awaitility.Awaitility.await;
import static org.linli.property.Api.admin;
import static org.linli.property.Api.countyAdmin;
import static org.linli.property.Api.json;
import static org.linli.property.Api.staff;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.mongodb.client.MongoClient;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.linli.events.Topics;
import org.linli.platform.test.QueryPlans;
import org.linli.property.Api;
import org.linli.property.sanction.SanctionService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every query property-service sends on its hot paths is answered through an index on real MongoDB: a
 * compound, its company and contract, complaints and ratings from issue events (the focus list's counts),
 * the lists in their usual scope, the public caution list and published rankings, a community's KPIs, the
 * nightly contract expiry, the eviction repair and couriers' registrations with their access requests. The
 * service's own code sends them; {@link QueryPlans}
 * records them and asks MongoDB's {@code explain} for each. Run by {@link PropertyQueryPlansContainersIT} (real MongoDB,
 * skipped without Docker) and {@link PropertyQueryPlansEmbeddedIT} (the embedded store, which has no {@code explain}:
 * there only that the hot paths ran and queried these collections).
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(QueryPlans.Recording.class)
abstract class PropertyQueryPlans {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    ContractExpiry expiry;
    @Autowired
    SanctionService sanctions;
    @Autowired
    QueryPlans plans;
    @Autowired
    MongoClient client;

    @Test
    void theHotPathsQueryThroughIndexes() throws Exception {
        Api.knownUnits(mongo, "community-a", "community-b");
        plans.forget(); // the test's own set-up is not the service's query
        String company = json(mvc.perform(post("/api/v1/property-companies").with(countyAdmin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"甲物业\", \"creditCode\": \"91350100M000100Y43\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asString();
        String compound = json(mvc.perform(post("/api/v1/compounds").with(admin("community-a"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"name": "檀溪花园", "kind": "COMMERCIAL", "communityUnitId": "community-a",
                                 "households": 500, "lat": 31.3, "lng": 118.4}"""))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asString();
        String contract = json(mvc.perform(post("/api/v1/contracts").with(admin("community-a"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"compoundId": "%s", "companyId": "%s", "kind": "REGULAR", "startsOn": "%s",
                                 "endsOn": "%s"}""".formatted(compound, company, TODAY.minusYears(1), TODAY.plusYears(2))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asString();
        kafka.send(Topics.ISSUE_EVENTS, "issue", issueEvent("IssueReported", compound)).get();
        kafka.send(Topics.ISSUE_EVENTS, "issue", issueEvent("IssueClosed", compound)).get();
        await().atMost(Duration.ofSeconds(20)).until(() -> !plans.recordedOn("complaints").isEmpty()
                && !plans.recordedOn("issue_ratings").isEmpty());

        mvc.perform(get("/api/v1/compounds/" + compound).with(admin("community-a"))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/compounds").with(admin("community-a"))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/compounds").with(staff(company))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/contracts/" + contract).with(staff(company))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/compounds/" + compound + "/complaints").with(admin("community-a")))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/compounds/focus-list").with(admin("community-a"))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/compounds/focus-list").with(staff(company))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/sanctions").with(admin("community-a"))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/sanctions/caution-list")).andExpect(status().isOk());
        mvc.perform(get("/api/v1/property-companies/" + company + "/credit-record").with(countyAdmin()))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/rankings/published")).andExpect(status().isOk());
        mvc.perform(get("/api/v1/rankings/published").param("scopeUnitId", Api.STREET)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/evaluations/kpis").with(admin("community-a"))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/evaluations/scores").param("compoundId", compound)
                .param("month", YearMonth.from(TODAY).toString()).with(admin("community-a"))).andExpect(status().isOk());
        String courier = json(mvc.perform(post("/api/v1/couriers").with(admin("community-a"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"personName": "王师傅", "kind": "FOOD_RIDER", "company": "美团",
                                 "phone": "13812345678", "areaUnitId": "community-a", "accountId": "account-rider"}"""))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asString();
        mvc.perform(post("/api/v1/couriers/" + courier + "/verification").with(admin("community-a")))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/couriers").with(admin("community-a"))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/couriers/access-requests").with(staff(company))).andExpect(status().isOk());
        expiry.expireContracts();
        sanctions.restoreEvictionRecords();

        check( "compounds", "companies", "complaints",
                "focus_entries", "issue_ratings", "sanctions", "rankings", "committee_copies", "org_unit_copies",
                "courier_registrations", "courier_access_requests");
    }

    private static String issueEvent(String type, String compound) throws Exception {
        try (InputStream in = PropertyQueryPlans.class.getResourceAsStream("/contracts/issue-events/" + type
                + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replaceAll("\"eventId\": \"[^\"]+\"", "\"eventId\": \"" + UUID.randomUUID() + "\"")
                    .replace("a170b338-3926-4059-b28c-105d1fb17c23", compound)
                    .replace("2026-11-21T10:11:00Z", Instant.now().toString())
                    .replace("2026-11-21T10:17:00Z", Instant.now().toString());
        }
    }

    /** What is asked of the queries recorded on the named collections. */
    abstract void check(String... collections);
}
