package org.linli.grid.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.events.Topics;
import org.linli.platform.test.EmbeddedInfrastructure;
import org.linli.platform.test.PublishedEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.linli.platform.protection.FieldCipher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Grid workers through the API: one per grid and role, rotation with history, stipend statements, scope, events. */
@SpringBootTest
@AutoConfigureMockMvc
@EmbeddedInfrastructure
class GridWorkersIT {

    private static final String STREET = "/street-wit/";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    private String level1;
    private double west;
    private double south;

    /** Grids of other tests may stay: ours are drawn at a random spot far from the others. */
    @BeforeEach
    void startFromNoWorkersWithOneGridTree() throws Exception {
        mongo.remove(new Query(), GridWorker.class);
        for (String community : List.of("community-w1", "community-w2")) {
            copy(community);
        }
        west = 75 + ThreadLocalRandom.current().nextInt(0, 800) * 0.025;
        south = 20 + ThreadLocalRandom.current().nextInt(0, 400) * 0.025;
        level1 = grid(admin("community-w1"), "{\"level\": \"LEVEL_1\", \"name\": \"巷长一级网格\", "
                + "\"communityUnitId\": \"community-w1\", \"boundary\": " + rectangle(west, south, 0.02) + "}");
    }

    @Test
    void appointsOnePerGridAndRoleRotatesKeepingHistoryAndTheStatementsMatchTheTiers() throws Exception {
        String micro = micro("第一微网格", 0, 801);

        JsonNode first = created(appoint(admin("community-w1"), micro, "GRID_WORKER", "王红", "2026-11-01")
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.roleLabel").value("网格员"))
                .andExpect(jsonPath("$.sourceLabel").value("党员"))
                .andExpect(jsonPath("$.phone").value("13812345678")));
        String firstId = first.get("id").asString();
        assertThat(mongo.findById(firstId, org.bson.Document.class, "grid_worker_appointments").getString("phone"))
                .as("stored encrypted").startsWith(FieldCipher.PREFIX).doesNotContain("13812345678");
        appoint(admin("community-w1"), micro, "GRID_WORKER", "李明", "2026-11-02")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("grid-has-worker"))
                .andExpect(jsonPath("$.type").value("https://linli.example/problems/grid-has-worker"));
        String chief = created(appoint(admin("community-w1"), micro, "ALLEY_CHIEF", "赵兰", "2026-11-01"))
                .get("id").asString();

        mvc.perform(get("/api/v1/grid-workers/" + firstId).with(gridWorker("community-w1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.phone").value("138****5678"));

        String secondId = created(mvc.perform(post("/api/v1/grid-workers/" + firstId + "/replacement")
                .with(admin("community-w1")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"person\": " + person("李明") + ", \"on\": \"2026-11-16\", \"version\": 0}")))
                .get("id").asString();
        mvc.perform(get("/api/v1/grid-workers/" + firstId).with(admin("community-w1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ENDED"))
                .andExpect(jsonPath("$.to").value("2026-11-15"));
        mvc.perform(get("/api/v1/grid-workers").param("gridId", micro).param("role", "GRID_WORKER")
                        .with(admin("community-w1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page.totalElements").value(2));
        mvc.perform(get("/api/v1/grid-workers").param("gridId", micro).param("role", "GRID_WORKER")
                        .param("active", "true").with(gridWorker("community-w1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].id").value(secondId));

        mvc.perform(post("/api/v1/grid-workers/" + secondId + "/emergency-days").with(admin("community-w1"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"month\": \"2026-11\", \"days\": 2, \"version\": 0}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1));

        // 801 residents: the 150-yuan tier; each served 15 of November's 30 days
        mvc.perform(get("/api/v1/grid-workers/" + firstId + "/stipends/2026-11").with(admin("community-w1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tierMonthlyFen").value(15000))
                .andExpect(jsonPath("$.activeDays").value(15))
                .andExpect(jsonPath("$.baseFen").value(7500))
                .andExpect(jsonPath("$.totalFen").value(7500));
        mvc.perform(get("/api/v1/grid-workers/" + secondId + "/stipends/2026-11").with(gridWorker("community-w1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.baseFen").value(7500))
                .andExpect(jsonPath("$.emergencyFen").value(12000))
                .andExpect(jsonPath("$.totalFen").value(19500));
        mvc.perform(get("/api/v1/grid-workers/stipends").param("communityUnitId", "community-w1")
                        .param("month", "2026-11").with(admin("community-w1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.lines.length()").value(3))
                .andExpect(jsonPath("$.totalFen").value(7500 + 19500 + 15000));

        JsonNode appointed = PublishedEvents.awaitFirst(bootstrapServers, Topics.GRID_EVENTS, firstId,
                "GridWorkerAppointed");
        PublishedEvents.assertMatchesExample(appointed, "grid-events");
        assertThat(appointed.at("/payload/gridId").asString()).isEqualTo(micro);
        assertThat(appointed.at("/payload/from").asString()).isEqualTo("2026-11-01");
        assertThat(appointed.at("/payload/accountId").asString()).startsWith("account-");
        assertThat(appointed.toString()).doesNotContain("王红").doesNotContain("13812345678");
        JsonNode replaced = PublishedEvents.awaitFirst(bootstrapServers, Topics.GRID_EVENTS, secondId,
                "GridWorkerReplaced");
        PublishedEvents.assertMatchesExample(replaced, "grid-events");
        assertThat(replaced.at("/payload/endedAppointmentId").asString()).isEqualTo(firstId);
        mvc.perform(post("/api/v1/grid-workers/" + chief + "/ratings").with(admin("community-w1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"year\": 2026, \"rating\": \"EXCELLENT\", \"version\": 0}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ratings[0].ratingLabel").value("优秀"));
        mvc.perform(get("/api/v1/grid-workers/" + chief + "/stipends/2026-13").with(admin("community-w1")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void theAppointedWorkerDownloadsOwnAppointmentsUnmaskedAndNoOneElses() throws Exception {
        String micro = micro("个人数据微网格", 0, 120);
        String own = created(appoint(admin("community-w1"), micro, "GRID_WORKER", "孙丽", "2026-11-01")).get("id").asString();
        created(appoint(admin("community-w1"), micro, "ALLEY_CHIEF", "周强", "2026-11-01"));
        String account = "account-" + "孙丽".hashCode();

        mvc.perform(get("/api/v1/personal-data/grid").with(jwt().jwt(token -> token.subject(account)
                        .claim("roles", List.of("GRID_WORKER"))).authorities(new SimpleGrantedAuthority("ROLE_GRID_WORKER"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.gridWorkerAppointments.length()").value(1))
                .andExpect(jsonPath("$.gridWorkerAppointments[0].id").value(own))
                .andExpect(jsonPath("$.gridWorkerAppointments[0].phone").value("13812345678"));
        mvc.perform(get("/api/v1/personal-data/grid").with(resident()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.gridWorkerAppointments.length()").value(0));
    }

    @Test
    void theTierBoundariesHoldThroughTheApi() throws Exception {
        long[][] expected = {{300, 5000}, {301, 10000}, {800, 10000}, {801, 15000}};
        for (int i = 0; i < expected.length; i++) {
            String micro = micro("边界微网格" + i, i, expected[i][0]);
            String id = created(appoint(admin("community-w1"), micro, "GRID_WORKER", "网格员" + i, "2026-11-01"))
                    .get("id").asString();
            mvc.perform(get("/api/v1/grid-workers/" + id + "/stipends/2026-11").with(admin("community-w1")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.residents").value(expected[i][0]))
                    .andExpect(jsonPath("$.totalFen").value(expected[i][1]));
        }
    }

    @Test
    void anotherCommunitysAdminIsRefusedAndRulesAnswer422And409() throws Exception {
        String micro = micro("第一微网格", 0, 120);
        String id = created(appoint(admin("community-w1"), micro, "GRID_WORKER", "王红", "2026-11-01"))
                .get("id").asString();

        mvc.perform(get("/api/v1/grid-workers/" + id).with(admin("community-w2"))).andExpect(status().isForbidden());
        appoint(admin("community-w2"), micro, "ALLEY_CHIEF", "李明", "2026-11-01").andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/grid-workers/" + id + "/stipends/2026-11").with(admin("community-w2")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/grid-workers/stipends").param("communityUnitId", "community-w1")
                        .param("month", "2026-11").with(admin("community-w2")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/grid-workers").with(admin("community-w2")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page.totalElements").value(0));
        mvc.perform(get("/api/v1/grid-workers/" + id).with(resident())).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/grid-workers/unknown").with(admin("community-w1"))).andExpect(status().isNotFound());

        mvc.perform(post("/api/v1/grid-workers/" + id + "/ratings").with(admin("community-w1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"year\": 2026, \"rating\": \"EXCELLENT\", \"version\": 0}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("not-an-alley-chief"));
        mvc.perform(post("/api/v1/grid-workers/" + id + "/assessments").with(admin("community-w1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"period\": \"2026-Q3\", \"score\": 45, \"outcome\": \"REPLACE\", \"version\": 0}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.replacementDue").value(true))
                .andExpect(jsonPath("$.assessments[0].outcomeLabel").value("轮换"));
        mvc.perform(post("/api/v1/grid-workers/" + id + "/end").with(admin("community-w1"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"lastDay\": \"2026-11-30\", \"version\": 0}"))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/grid-workers/" + id + "/end").with(admin("community-w1"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"lastDay\": \"2026-11-30\", \"version\": 1}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ENDED"));
        String next = created(appoint(admin("community-w1"), micro, "GRID_WORKER", "李明", "2026-12-01"))
                .get("id").asString();
        // a second ended appointment on the grid: the unique index on the active slot is sparse
        mvc.perform(post("/api/v1/grid-workers/" + next + "/end").with(admin("community-w1"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"lastDay\": \"2026-12-31\", \"version\": 0}"))
                .andExpect(status().isOk());
        assertThat(mongo.indexOps(GridWorker.class).getIndexInfo()).anySatisfy(index -> {
            assertThat(index.getIndexFields()).anySatisfy(field -> assertThat(field.getKey()).isEqualTo("activeKey"));
            assertThat(index.isUnique()).isTrue();
        });
    }

    private String micro(String name, int column, long residents) throws Exception {
        double w = west + column * 0.004;
        return grid(admin("community-w1"), "{\"level\": \"MICRO\", \"name\": \"" + name + "\", \"parentId\": \"" + level1
                + "\", \"communityUnitId\": \"community-w1\", \"residents\": " + residents + ", \"boundary\": "
                + rectangle(w, south, 0.004) + "}");
    }

    private ResultActions appoint(RequestPostProcessor caller, String gridId, String role, String name, String from)
            throws Exception {
        return mvc.perform(post("/api/v1/grid-workers").with(caller).contentType(MediaType.APPLICATION_JSON)
                .content("{\"gridId\": \"" + gridId + "\", \"role\": \"" + role + "\", \"person\": " + person(name)
                        + ", \"from\": \"" + from + "\"}"));
    }

    private static String person(String name) {
        return "{\"name\": \"" + name + "\", \"phone\": \"13812345678\", \"source\": \"PARTY_MEMBER\", "
                + "\"partyMember\": true, \"accountId\": \"account-" + name.hashCode() + "\"}";
    }

    private static JsonNode created(ResultActions result) throws Exception {
        return JSON.readTree(result.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
    }

    private String grid(RequestPostProcessor caller, String body) throws Exception {
        String response = mvc.perform(post("/api/v1/grids").with(caller).contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return JSON.readTree(response).get("id").asString();
    }

    private static String rectangle(double west, double south, double size) {
        double east = west + size;
        double north = south + size;
        return "{\"type\": \"Polygon\", \"coordinates\": [[[" + west + ", " + south + "], [" + east + ", " + south
                + "], [" + east + ", " + north + "], [" + west + ", " + north + "], [" + west + ", " + south + "]]]}";
    }

    private static RequestPostProcessor admin(String community) {
        return jwt().jwt(token -> token.claim("roles", List.of("COMMUNITY_ADMIN")).claim("org_unit_id", community)
                        .claim("org_unit_path", STREET + community + "/"))
                .authorities(new SimpleGrantedAuthority("ROLE_COMMUNITY_ADMIN"));
    }

    private static RequestPostProcessor gridWorker(String community) {
        return jwt().jwt(token -> token.claim("roles", List.of("GRID_WORKER")).claim("org_unit_id", community)
                        .claim("org_unit_path", STREET + community + "/"))
                .authorities(new SimpleGrantedAuthority("ROLE_GRID_WORKER"));
    }

    private static RequestPostProcessor resident() {
        return jwt().jwt(token -> token.claim("roles", List.of("RESIDENT")))
                .authorities(new SimpleGrantedAuthority("ROLE_RESIDENT"));
    }

    private void copy(String id) {
        mongo.save(new Document("_id", id).append("unitType", "COMMUNITY_COMMITTEE").append("name", id + "党委")
                .append("parentId", "street-wit").append("path", STREET + id + "/").append("active", true)
                .append("updatedAt", Instant.now()), "org_unit_copies");
    }
}
