package org.linli.grid;

import static org.awaitility.Awaitility.await;
import static org.linli.grid.GridFixture.admin;
import static org.linli.grid.GridFixture.caller;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.mongodb.client.MongoClient;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.linli.events.Topics;
import org.linli.platform.test.QueryPlans;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every query grid-service sends on its hot paths is answered through an index on real MongoDB: creating a
 * grid, a building, a household and a worker (the checks against siblings and keys), each by id, the lists in
 * their default order and a community admin's scope, the statistics, the notices and a worker's tasks, a campaign's
 * cases, list and report (a grid worker's too: their appointments by account), and
 * the org-unit copies following a move. Reads without any condition (the locator's and the station index's
 * loads) have nothing to index and are left out by {@link QueryPlans}. Run by {@link GridQueryPlansContainersIT} (real MongoDB,
 * skipped without Docker) and {@link GridQueryPlansEmbeddedIT} (the embedded store, which has no {@code explain}:
 * there only that the hot paths ran and queried these collections).
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(QueryPlans.Recording.class)
abstract class GridQueryPlans {

    private static final String COMMUNITY = "community-a";

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    QueryPlans plans;
    @Autowired
    MongoClient client;

    @Test
    void theHotPathsQueryThroughIndexes() throws Exception {
        GridFixture fixture = new GridFixture(mvc, mongo);
        fixture.reset(List.of(), COMMUNITY);
        plans.forget(); // the test's own set-up is not the service's query
        String grid = fixture.grid(COMMUNITY, "LEVEL_1", "第一网格", null, 0, 0, 0.02, 0.02);
        String building = fixture.building(COMMUNITY, grid, "3号楼");
        String household = fixture.household(COMMUNITY, building, "101");
        String worker = fixture.worker(COMMUNITY, grid, "王网格", "worker-wang");

        for (String path : new String[] {"/api/v1/grids/" + grid, "/api/v1/grids", "/api/v1/grids/" + grid + "/statistics",
                "/api/v1/households/buildings/" + building, "/api/v1/households/buildings?gridId=" + grid,
                "/api/v1/households/" + household, "/api/v1/households", "/api/v1/households?keyOnly=true&gridId=" + grid,
                "/api/v1/households/revisit-rate?gridId=" + grid + "&since=" + LocalDate.now().minusMonths(1),
                "/api/v1/grid-workers/" + worker, "/api/v1/grid-workers", "/api/v1/grid-workers?gridId=" + grid,
                "/api/v1/stations", "/api/v1/stations?gridId=" + grid, "/api/v1/stations/life-circle",
                "/api/v1/notices", "/api/v1/emergencies", "/api/v1/emergencies/statistics?gridId=" + grid}) {
            mvc.perform(get(path).with(admin(COMMUNITY))).andExpect(status().isOk());
        }
        fixture.grid(COMMUNITY, "LEVEL_1", "消防通道网格", null, 0.8, 0.8, 0.82, 0.82); // away from other tests' grids
        String campaign = GridFixture.id(mvc.perform(post("/api/v1/campaigns").with(admin(COMMUNITY))
                .contentType(MediaType.APPLICATION_JSON).content("{\"hazard\": \"BLOCKED_FIRE_LANE\", \"title\": \"消防通道\", "
                        + "\"areaUnitId\": \"" + COMMUNITY + "\", \"startsOn\": \"" + LocalDate.now().minusDays(2)
                        + "\", \"endsOn\": \"" + LocalDate.now().plusDays(2) + "\", \"daysToFix\": 3}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        mvc.perform(post("/api/v1/campaigns/" + campaign + "/cases").with(admin(COMMUNITY))
                .contentType(MediaType.APPLICATION_JSON).content("{\"place\": {\"lat\": 37.01, \"lng\": 114.21}, "
                        + "\"description\": \"堵塞\", \"photo\": \"p1\", \"foundAt\": \"" + Instant.now().minusSeconds(60) + "\"}"))
                .andExpect(status().isCreated());
        for (String path : new String[] {"/api/v1/campaigns", "/api/v1/campaigns/" + campaign + "/cases?gridId=" + grid,
                "/api/v1/campaigns/" + campaign + "/cases?status=OVERDUE", "/api/v1/campaigns/" + campaign + "/report"}) {
            mvc.perform(get(path).with(admin(COMMUNITY))).andExpect(status().isOk());
        }
        mvc.perform(get("/api/v1/campaigns/" + campaign + "/cases")
                .with(caller("GRID_WORKER", COMMUNITY, "worker-wang"))).andExpect(status().isOk()); // the worker's grids by accountId, then their cases
        mvc.perform(get("/api/v1/notices/tasks").param("mine", "true").with(caller("GRID_WORKER", COMMUNITY, "worker-wang")))
                .andExpect(status().isOk());
        kafka.send(Topics.ORG_EVENTS, "unit", pinned("OrgUnitCreated")).get();
        kafka.send(Topics.ORG_EVENTS, "unit", pinned("OrgUnitMoved")).get();
        // the move is applied by the consumer, collection after collection: wait for the last ones it touches
        await().atMost(Duration.ofSeconds(20)).until(() -> plans.recordedOn("emergencies").stream()
                .anyMatch(query -> query.query().toJson().contains("communityPaths"))
                && !plans.recordedOn("party_member_copies").isEmpty());

        check( "grids", "buildings", "households", "grid_worker_appointments", "stations",
                "notices", "notice_delivery_tasks", "emergencies", "campaigns", "campaign_cases", "org_unit_copies",
                "party_member_copies");
    }

    private static String pinned(String type) throws Exception {
        try (InputStream in = GridQueryPlans.class.getResourceAsStream("/contracts/org-events/" + type + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** What is asked of the queries recorded on the named collections. */
    abstract void check(String... collections);
}
