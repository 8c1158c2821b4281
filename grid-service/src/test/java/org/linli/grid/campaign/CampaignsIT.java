package org.linli.grid.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.grid.GridFixture.admin;
import static org.linli.grid.GridFixture.caller;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.events.Topics;
import org.linli.grid.GridFixture;
import org.linli.platform.test.EmbeddedInfrastructure;
import org.linli.platform.test.PublishedEvents;
import org.linli.platform.test.SimultaneousRequests;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

/**
 * A flying-lead campaign in one community: cases recorded in two micro-grids by their grid worker, one fixed,
 * one overdue; the report's counts; another community's worker and admin refused; the closing published with the
 * final counts; a worker of one micro-grid
 * refused the other's cases and not shown them, a worker without an appointment shown none.
 */
@SpringBootTest
@AutoConfigureMockMvc
@EmbeddedInfrastructure
class CampaignsIT {

    private static final RequestPostProcessor WORKER = caller("GRID_WORKER", "community-a", "account-wang");
    private static final RequestPostProcessor OTHER_WORKER = caller("GRID_WORKER", "community-b", "account-zhao");
    private static final RequestPostProcessor WEST_WORKER = caller("GRID_WORKER", "community-a", "account-li");
    private static final RequestPostProcessor UNAPPOINTED = caller("GRID_WORKER", "community-a", "account-nobody");

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private String west;
    private String east;
    private GridFixture fixture;

    @BeforeEach
    void twoMicroGridsInCommunityA() throws Exception {
        fixture = new GridFixture(mvc, mongo);
        fixture.reset(List.of("grids", "campaigns", "campaign_cases"), "community-a", "community-b");
        String level1 = fixture.grid("community-a", "LEVEL_1", "整治一级网格", null, 0, 0, 0.02, 0.02);
        west = fixture.grid("community-a", "MICRO", "西微网格", level1, 0, 0, 0.01, 0.02);
        east = fixture.grid("community-a", "MICRO", "东微网格", level1, 0.01, 0, 0.02, 0.02);
    }

    @Test
    void casesInTwoGridsAreCountedAndAnotherCommunityIsRefused() throws Exception {
        fixture.worker("community-a", west, "王网格", "account-wang");
        fixture.worker("community-a", east, "王网格", "account-wang");
        launch(admin("community-b")).andExpect(status().isForbidden());
        String id = GridFixture.id(launch(admin("community-a"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.hazardLabel").value("飞线充电"))
                .andReturn().getResponse().getContentAsString());

        Instant now = Instant.now();
        String fixedOne = GridFixture.id(recordCase(WORKER, id, 0.005, now.minus(Duration.ofHours(1)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.gridId").value(west))
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andReturn().getResponse().getContentAsString());
        recordCase(WORKER, id, 0.015, now.minus(Duration.ofDays(5))).andExpect(status().isCreated())
                .andExpect(jsonPath("$.gridId").value(east))
                .andExpect(jsonPath("$.status").value("OVERDUE"));
        recordCase(WORKER, id, 0.015, now.minus(Duration.ofHours(2))).andExpect(status().isCreated());
        recordCase(WORKER, id, 0.5, now).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("outside-campaign-area"));
        recordCase(WORKER, id, 0.005, now.plus(Duration.ofHours(1))).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("found-outside-period"));

        fix(WORKER, id, fixedOne).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("FIXED"))
                .andExpect(jsonPath("$.fixedBy").value("account-wang"));
        fix(WORKER, id, fixedOne).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("wrong-step"));

        mvc.perform(get("/api/v1/campaigns/" + id + "/report").param("size", "1").with(admin("community-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totals.found").value(3))
                .andExpect(jsonPath("$.totals.fixed").value(1))
                .andExpect(jsonPath("$.totals.overdue").value(1))
                .andExpect(jsonPath("$.communities[0].id").value("community-a"))
                .andExpect(jsonPath("$.communities[0].name").value("community-a党委"))
                .andExpect(jsonPath("$.communities[0].found").value(3))
                .andExpect(jsonPath("$.grids.page.totalElements").value(2))
                .andExpect(jsonPath("$.grids.content.length()").value(1))
                .andExpect(jsonPath("$.grids.content[0].name").value("东微网格"))
                .andExpect(jsonPath("$.grids.content[0].found").value(2))
                .andExpect(jsonPath("$.grids.content[0].overdue").value(1));
        mvc.perform(get("/api/v1/campaigns/" + id + "/cases").param("status", "OVERDUE").with(WORKER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].gridId").value(east));

        for (RequestPostProcessor outsider : List.of(OTHER_WORKER, admin("community-b"))) {
            mvc.perform(get("/api/v1/campaigns/" + id).with(outsider)).andExpect(status().isForbidden());
            mvc.perform(get("/api/v1/campaigns/" + id + "/report").with(outsider)).andExpect(status().isForbidden());
            mvc.perform(get("/api/v1/campaigns/" + id + "/cases").with(outsider)).andExpect(status().isForbidden());
            recordCase(outsider, id, 0.005, now).andExpect(status().isForbidden());
            mvc.perform(get("/api/v1/campaigns").with(outsider)).andExpect(jsonPath("$.page.totalElements").value(0));
        }
        fix(OTHER_WORKER, id, fixedOne).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/campaigns/" + id + "/closure").with(WORKER).contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\": 0}")).andExpect(status().isForbidden());

        mvc.perform(post("/api/v1/campaigns/" + id + "/closure").with(admin("community-a"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"version\": 0}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED"));
        recordCase(WORKER, id, 0.005, now).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("wrong-step"));
        JsonNode closed = PublishedEvents.awaitFirst(bootstrapServers, Topics.GRID_EVENTS, id, "CampaignClosed");
        PublishedEvents.assertMatchesExample(closed, "grid-events");
        assertThat(closed.at("/payload/areaUnitId").asString()).isEqualTo("community-a");
        assertThat(List.of(closed.at("/payload/found").asInt(), closed.at("/payload/fixed").asInt(),
                closed.at("/payload/overdue").asInt())).containsExactly(3, 1, 1);
    }

    @Test
    void aGridWorkerSeesAndActsOnlyInTheGridsTheyAreAppointedTo() throws Exception {
        fixture.worker("community-a", west, "李网格", "account-li");
        fixture.worker("community-a", east, "王网格", "account-wang");
        String id = GridFixture.id(launch(admin("community-a")).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString());
        Instant now = Instant.now();
        String westCase = GridFixture.id(recordCase(WEST_WORKER, id, 0.005, now).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString());
        String eastCase = GridFixture.id(recordCase(WORKER, id, 0.015, now).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString());

        recordCase(WEST_WORKER, id, 0.015, now).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/campaigns/" + id + "/cases/" + eastCase).with(WEST_WORKER))
                .andExpect(status().isForbidden());
        fix(WEST_WORKER, id, eastCase).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/campaigns/" + id + "/cases").with(WEST_WORKER))
                .andExpect(jsonPath("$.page.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].id").value(westCase));
        mvc.perform(get("/api/v1/campaigns/" + id + "/report").with(WEST_WORKER))
                .andExpect(jsonPath("$.totals.found").value(1))
                .andExpect(jsonPath("$.grids.content[0].id").value(west));
        mvc.perform(get("/api/v1/campaigns/" + id + "/cases/" + westCase).with(WEST_WORKER))
                .andExpect(status().isOk());
        fix(WEST_WORKER, id, westCase).andExpect(status().isOk());

        mvc.perform(get("/api/v1/campaigns/" + id + "/cases").with(UNAPPOINTED))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page.totalElements").value(0));
        mvc.perform(get("/api/v1/campaigns/" + id + "/cases/" + westCase).with(UNAPPOINTED))
                .andExpect(status().isForbidden());
        recordCase(UNAPPOINTED, id, 0.005, now).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/campaigns/" + id + "/cases").with(admin("community-a")))
                .andExpect(jsonPath("$.page.totalElements").value(2));
    }

    /**
     * A case fixed eight times at once (each with its own photo) is fixed once: the case's version lets one fixing
     * be saved; the others answer 409 stale-version, or 422 wrong-step when they read it fixed. The stored fixing
     * is the winner's and the report counts one fixed case.
     */
    @Test
    void aCaseFixedEightTimesAtOnceIsFixedOnceAndCountedOnce() throws Exception {
        fixture.worker("community-a", west, "王网格", "account-wang");
        String id = GridFixture.id(launch(admin("community-a")).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString());
        String caseId = GridFixture.id(recordCase(WORKER, id, 0.005, Instant.now().minus(Duration.ofHours(1)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());

        List<MockHttpServletResponse> responses = SimultaneousRequests.perform(mvc, 8,
                i -> fixing(WORKER, id, caseId, "photo-fixed-" + i));

        assertThat(SimultaneousRequests.statuses(responses)).containsEntry(200, 1);
        assertThat(SimultaneousRequests.statuses(responses).keySet()).isSubsetOf(200, 409, 422);
        assertThat(SimultaneousRequests.problemCodes(responses)).isSubsetOf("stale-version", "wrong-step");
        MockHttpServletResponse winner = responses.stream().filter(response -> response.getStatus() == 200)
                .findFirst().orElseThrow();
        Document stored = mongo.findById(caseId, Document.class, "campaign_cases");
        assertThat(winner.getContentAsString()).contains("\"" + stored.getString("fixPhoto") + "\"");
        assertThat(stored.get("version", Number.class).longValue()).isEqualTo(1);
        mvc.perform(get("/api/v1/campaigns/" + id + "/report").with(admin("community-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totals.found").value(1))
                .andExpect(jsonPath("$.totals.fixed").value(1));
    }

    private ResultActions launch(RequestPostProcessor caller) throws Exception {
        return mvc.perform(post("/api/v1/campaigns").with(caller).contentType(MediaType.APPLICATION_JSON)
                .content("{\"hazard\": \"FLYING_LEAD_CHARGING\", \"title\": \"飞线充电专项整治\", \"areaUnitId\": "
                        + "\"community-a\", \"startsOn\": \"" + today.minusDays(10) + "\", \"endsOn\": \""
                        + today.plusDays(10) + "\", \"daysToFix\": 3}"));
    }

    /** A case at {@code east} degrees east of the fixture's corner, half-way north across the grids. */
    private ResultActions recordCase(RequestPostProcessor caller, String id, double east, Instant foundAt)
            throws Exception {
        return mvc.perform(post("/api/v1/campaigns/" + id + "/cases").with(caller)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"place\": {\"lat\": 36.21, \"lng\": " + (113.4 + east) + "}, \"description\": "
                        + "\"楼道飞线给电动车充电\", \"photo\": \"https://photos.example/found.jpg\", \"foundAt\": \""
                        + foundAt + "\"}"));
    }

    private ResultActions fix(RequestPostProcessor caller, String id, String caseId) throws Exception {
        return mvc.perform(fixing(caller, id, caseId, "photo-fixed-1"));
    }

    private MockHttpServletRequestBuilder fixing(RequestPostProcessor caller, String id, String caseId, String photo) {
        return post("/api/v1/campaigns/" + id + "/cases/" + caseId + "/fixing").with(caller)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"photo\": \"" + photo + "\", \"fixedOn\": \"" + today + "\"}");
    }
}
