package org.linli.grid.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
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
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Buildings and households through the API, on a grid tree made through the grid API: scope, masking, rates, events. */
@SpringBootTest
@AutoConfigureMockMvc
@EmbeddedInfrastructure
class HouseholdsIT {

    private static final String STREET = "/street-it/";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final double WEST = 113.4;
    private static final double SOUTH = 36.2;

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    private String level1;
    private String westGrid;
    private String eastGrid;
    private String westBuilding;
    private String eastBuilding;

    @BeforeEach
    void startFromATreeOfThreeGrids() throws Exception {
        for (String collection : List.of("grids", "buildings", "households")) {
            mongo.remove(new Query(), collection);
        }
        mongo.dropCollection("org_unit_copies");
        for (String community : List.of("community-a", "community-b")) {
            copy(community);
        }
        level1 = grid("LEVEL_1", "檀溪一级网格", null, 0, 0, 0.02, 0.02);
        westGrid = grid("MICRO", "西微网格", level1, 0, 0, 0.01, 0.02);
        eastGrid = grid("MICRO", "东微网格", level1, 0.01, 0, 0.02, 0.02);
        westBuilding = building(westGrid, "3号楼", "[\"1\", \"2\"]");
        eastBuilding = building(eastGrid, "5号楼", "[\"1\"]");
    }

    @Test
    void registersHouseholdsFiltersKeyHouseholdsAndReportsTheRevisitRateExactly() throws Exception {
        String alone = household(westBuilding, "2", "301", 1, "13812345678", "[\"ELDERLY_ALONE\"]", "member-1");
        assertThat(mongo.findById(alone, org.bson.Document.class, "households").toJson())
                .as("the phone is stored encrypted").doesNotContain("13812345678").contains(FieldCipher.PREFIX);
        household(westBuilding, "1", "102", 3, null, "[\"DISABLED\"]", null);
        String plain = household(westBuilding, "1", "101", 4, null, "[]", null);
        String hardship = household(eastBuilding, "1", "201", 2, null, "[\"HARDSHIP\"]", null);

        mvc.perform(post("/api/v1/households").with(user("GRID_WORKER", "community-a"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(householdBody(westBuilding, "3", "401", 2, null, "[]", null)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("unknown-building-unit"))
                .andExpect(jsonPath("$.type").value("https://linli.example/problems/unknown-building-unit"))
                .andExpect(jsonPath("$.title").value("单元不存在"))
                .andExpect(jsonPath("$.detail").value("楼栋“3号楼”没有单元 3（现有单元：1, 2）。"));
        mvc.perform(post("/api/v1/households").with(user("GRID_WORKER", "community-a"))
                        .header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON)
                        .content(householdBody(westBuilding, "1", "401", 2, null, "[]", "member-9")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("not-a-key-household"))
                .andExpect(jsonPath("$.title").value("Not a key household"));
        mvc.perform(post("/api/v1/households").with(user("GRID_WORKER", "community-a"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(householdBody(westBuilding, "1", "401", 21, null, "[]", null)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("invalid-residents"));
        mvc.perform(patch("/api/v1/households/" + plain).with(user("COMMUNITY_ADMIN", "community-a"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"linkedMemberId\": \"member-2\", \"version\": 0}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("not-a-key-household"));
        mvc.perform(patch("/api/v1/households/" + plain).with(user("COMMUNITY_ADMIN", "community-a"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"specialGroups\": [\"LEFT_BEHIND_CHILD\"], \"version\": 3}"))
                .andExpect(status().isConflict());

        mvc.perform(get("/api/v1/households").param("gridId", level1).param("keyOnly", "true")
                        .with(user("PARTY_MEMBER", "community-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page.totalElements").value(3));
        mvc.perform(get("/api/v1/households").param("gridId", westGrid).param("keyOnly", "true")
                        .with(user("PARTY_MEMBER", "community-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page.totalElements").value(2));
        mvc.perform(get("/api/v1/households").param("buildingId", westBuilding)
                        .with(user("GRID_WORKER", "community-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page.totalElements").value(3));
        mvc.perform(get("/api/v1/households/buildings").param("gridId", level1)
                        .with(user("PARTY_MEMBER", "community-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page.totalElements").value(2));

        revisit(alone, "张网格员");
        revisit(alone, "李书记");
        revisit(hardship, "张网格员");
        mvc.perform(post("/api/v1/households/" + plain + "/revisits").with(user("PARTY_MEMBER", "community-a"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"byName\": \"党员\"}"))
                .andExpect(status().isForbidden());

        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        mvc.perform(get("/api/v1/households/revisit-rate").param("gridId", level1)
                        .param("since", today.minusDays(1).toString()).with(user("PARTY_MEMBER", "community-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.keyHouseholds").value(3))
                .andExpect(jsonPath("$.revisited").value(2))
                .andExpect(jsonPath("$.rate").value(0.6667))
                .andExpect(jsonPath("$.grids.length()").value(3))
                .andExpect(jsonPath("$.grids[?(@.gridId == '" + westGrid + "')].rate").value(0.5))
                .andExpect(jsonPath("$.grids[?(@.gridId == '" + eastGrid + "')].rate").value(1.0))
                .andExpect(jsonPath("$.grids[?(@.gridId == '" + level1 + "')].keyHouseholds").value(0));
        mvc.perform(get("/api/v1/households/revisit-rate").param("gridId", westGrid)
                        .param("since", today.plusDays(2).toString()).with(user("COMMUNITY_ADMIN", "community-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.keyHouseholds").value(2))
                .andExpect(jsonPath("$.revisited").value(0))
                .andExpect(jsonPath("$.rate").value(0.0));
    }

    @Test
    void anotherCommunitysAdminIsRefusedAndAPartyMemberSeesTheLinkedMemberButAMaskedPhone() throws Exception {
        String alone = household(westBuilding, "2", "301", 1, "13812345678", "[\"ELDERLY_ALONE\"]", "member-1");

        mvc.perform(get("/api/v1/households/" + alone).with(user("COMMUNITY_ADMIN", "community-b")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/households/revisit-rate").param("gridId", level1).param("since", "2026-11-01")
                        .with(user("COMMUNITY_ADMIN", "community-b")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/households/buildings").with(user("COMMUNITY_ADMIN", "community-b"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"gridId\": \"" + westGrid + "\", \"name\": \"7号楼\", \"units\": [\"1\"]}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/households").with(user("COMMUNITY_ADMIN", "community-b")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page.totalElements").value(0));
        mvc.perform(get("/api/v1/households/" + alone).with(user("RESIDENT", "community-a")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/households/buildings/" + westBuilding).with(user("COMMUNITY_ADMIN", "community-b")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/households/buildings/" + westBuilding).with(user("PARTY_MEMBER", "community-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.units[1]").value("2"))
                .andExpect(jsonPath("$.location.lat").value(36.205));
        mvc.perform(get("/api/v1/households/unknown").with(user("COMMUNITY_ADMIN", "community-a")))
                .andExpect(status().isNotFound());

        mvc.perform(get("/api/v1/households/" + alone).with(user("PARTY_MEMBER", "community-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.phone").value("138****5678"))
                .andExpect(jsonPath("$.linkedMemberId").value("member-1"))
                .andExpect(jsonPath("$.keyHousehold").value(true))
                .andExpect(jsonPath("$.specialGroups[0].label").value("独居老人"));
        mvc.perform(get("/api/v1/households/" + alone).with(user("GRID_WORKER", "community-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.phone").value("13812345678"));
        mvc.perform(get("/api/v1/households").param("gridId", westGrid).with(user("PARTY_MEMBER", "community-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[0].phone").value("138****5678"));

        JsonNode published = PublishedEvents.awaitFirst(bootstrapServers, Topics.GRID_EVENTS, alone,
                "HouseholdRegistered");
        PublishedEvents.assertMatchesExample(published, "grid-events");
        assertThat(published.at("/payload/buildingId").asString()).isEqualTo(westBuilding);
        assertThat(published.at("/payload/gridId").asString()).isEqualTo(westGrid);
        assertThat(published.at("/payload/specialGroups/0").asString()).isEqualTo("ELDERLY_ALONE");
        assertThat(published.toString()).doesNotContain("13812345678").doesNotContain("王秀英");

        JsonNode building = PublishedEvents.awaitFirst(bootstrapServers, Topics.GRID_EVENTS, westBuilding,
                "BuildingRegistered");
        PublishedEvents.assertMatchesExample(building, "grid-events");
        assertThat(building.at("/payload/gridId").asString()).isEqualTo(westGrid);
        assertThat(building.at("/payload/name").asString()).isEqualTo("3号楼");
    }

    private String grid(String level, String name, String parentId, double west, double south, double east,
                        double north) throws Exception {
        String body = "{\"level\": \"" + level + "\", \"name\": \"" + name + "\", "
                + (parentId == null ? "" : "\"parentId\": \"" + parentId + "\", ")
                + "\"communityUnitId\": \"community-a\", \"boundary\": {\"type\": \"Polygon\", \"coordinates\": [["
                + position(west, south) + ", " + position(east, south) + ", " + position(east, north) + ", "
                + position(west, north) + ", " + position(west, south) + "]]}}";
        return id(mvc.perform(post("/api/v1/grids").with(user("COMMUNITY_ADMIN", "community-a"))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString());
    }

    private static String position(double east, double north) {
        return "[" + (WEST + east) + ", " + (SOUTH + north) + "]";
    }

    private String building(String gridId, String name, String units) throws Exception {
        return id(mvc.perform(post("/api/v1/households/buildings").with(user("GRID_WORKER", "community-a"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"gridId\": \"" + gridId + "\", \"name\": \"" + name + "\", \"address\": \"檀溪路"
                                + name + "\", \"location\": {\"lat\": 36.205, \"lng\": 113.405}, \"units\": " + units
                                + "}"))
                .andExpect(status().isCreated())
                .andExpect(header().exists("Location"))
                .andReturn().getResponse().getContentAsString());
    }

    private String household(String buildingId, String unit, String room, int residents, String phone, String groups,
                             String linkedMemberId) throws Exception {
        return id(mvc.perform(post("/api/v1/households").with(user("GRID_WORKER", "community-a"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(householdBody(buildingId, unit, room, residents, phone, groups, linkedMemberId)))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString());
    }

    private static String householdBody(String buildingId, String unit, String room, int residents, String phone,
                                        String groups, String linkedMemberId) {
        return "{\"buildingId\": \"" + buildingId + "\", \"buildingUnit\": \"" + unit + "\", \"room\": \"" + room
                + "\", \"residents\": " + residents + ", \"headName\": \"王秀英\", "
                + (phone == null ? "" : "\"phone\": \"" + phone + "\", ")
                + (linkedMemberId == null ? "" : "\"linkedMemberId\": \"" + linkedMemberId + "\", ")
                + "\"specialGroups\": " + groups + "}";
    }

    private void revisit(String householdId, String byName) throws Exception {
        mvc.perform(post("/api/v1/households/" + householdId + "/revisits").with(user("GRID_WORKER", "community-a"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"byName\": \"" + byName + "\", \"note\": \"身体良好\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.byName").value(byName));
    }

    private static String id(String response) {
        return JSON.readTree(response).get("id").asString();
    }

    private static RequestPostProcessor user(String role, String community) {
        return jwt().jwt(token -> token.claim("roles", List.of(role)).claim("org_unit_id", community)
                        .claim("org_unit_path", STREET + community + "/"))
                .authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }

    private void copy(String id) {
        mongo.save(new Document("_id", id).append("unitType", "COMMUNITY_COMMITTEE").append("name", id + "党委")
                .append("parentId", "street-it").append("path", STREET + id + "/").append("active", true)
                .append("updatedAt", Instant.now()), "org_unit_copies");
    }
}
