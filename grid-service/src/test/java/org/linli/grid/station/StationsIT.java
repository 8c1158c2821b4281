package org.linli.grid.station;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
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
import org.linli.platform.test.EmbeddedInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stations through the API on a grid, buildings and households made through their own APIs: nearest, the
 * 15-minute life circle, stars and 八有, the roster from the member copy, scope and the demo.
 */
@SpringBootTest
@AutoConfigureMockMvc
@EmbeddedInfrastructure
class StationsIT {

    private static final String STREET = "/street-st/";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final double WEST = 113.4;
    private static final double SOUTH = 36.2;

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    StationIndex index;

    private String level1;

    @BeforeEach
    void startFromOneGridOfCommunityA() throws Exception {
        for (String collection : List.of("grids", "buildings", "households", "party_member_copies")) {
            mongo.remove(new Query(), collection);
        }
        mongo.remove(new Query(), Station.class);
        index.changed();
        mongo.dropCollection("org_unit_copies");
        for (String community : List.of("community-a", "community-b")) {
            copy(community);
        }
        level1 = grid("community-a");
    }

    @Test
    void aHouseholdOutOfReachIsListedUntilAStationOpensNearItAndNearestFindsTheClosest() throws Exception {
        String station = station("{\"gridId\": \"" + level1 + "\", \"name\": \"檀溪党群服务站\", "
                + "\"kind\": \"PARTY_MASS_SERVICE_STATION\", \"location\": " + at(0.002, 0.002) + ", "
                + "\"openingHours\": [{\"day\": \"MONDAY\", \"opens\": \"08:30\", \"closes\": \"18:00\"}], "
                + "\"services\": [{\"amenity\": \"BOOK_BAR\"}, {\"amenity\": \"OTHER\", \"text\": \"代缴水电费\"}], "
                + "\"volunteerPosts\": [{\"post\": \"MEDIATION\", \"slots\": 2}]}");
        String near = building("1号楼", at(0.004, 0.002));
        String far = building("9号楼", at(0.018, 0.018));
        String unlocated = building("临时板房", null);
        household(near, "101");
        household(near, "102");
        household(far, "101");
        household(far, "102");
        household(far, "201");
        household(unlocated, "1");

        mvc.perform(get("/api/v1/stations/life-circle").param("communityUnitId", "community-a")
                        .with(user("PARTY_MEMBER", "community-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.walkingDistanceM").value(1000.0))
                .andExpect(jsonPath("$.detourFactor").value(1.3))
                .andExpect(jsonPath("$.walkingMinutes").value(15))
                .andExpect(jsonPath("$.communities.length()").value(1))
                .andExpect(jsonPath("$.communities[0].communityName").value("community-a党委"))
                .andExpect(jsonPath("$.communities[0].stations").value(1))
                .andExpect(jsonPath("$.communities[0].households").value(6))
                .andExpect(jsonPath("$.communities[0].withinReach").value(2))
                .andExpect(jsonPath("$.communities[0].outOfReach").value(3))
                .andExpect(jsonPath("$.communities[0].unlocated").value(1))
                .andExpect(jsonPath("$.communities[0].shareWithinReach").value(0.4))
                .andExpect(jsonPath("$.communities[0].outOfReachBuildings.length()").value(1))
                .andExpect(jsonPath("$.communities[0].outOfReachBuildings[0].buildingId").value(far))
                .andExpect(jsonPath("$.communities[0].outOfReachBuildings[0].households").value(3))
                .andExpect(jsonPath("$.communities[0].outOfReachBuildings[0].nearestStationId").value(station));

        mvc.perform(get("/api/v1/stations/nearest").param("lat", String.valueOf(SOUTH + 0.004))
                        .param("lng", String.valueOf(WEST + 0.002)).with(user("RESIDENT", "community-b")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stations.length()").value(1))
                .andExpect(jsonPath("$.stations[0].id").value(station))
                .andExpect(jsonPath("$.stations[0].kindLabel").value("党群服务站"))
                .andExpect(jsonPath("$.stations[0].greatCircleMetres").value(222))
                .andExpect(jsonPath("$.stations[0].walkingMetres").value(289))
                .andExpect(jsonPath("$.stations[0].walkingMinutes").value(5))
                .andExpect(jsonPath("$.stations[0].withinLifeCircle").value(true))
                .andExpect(jsonPath("$.stations[0].services[1].label").value("代缴水电费"));

        String second = station("{\"gridId\": \"" + level1 + "\", \"name\": \"东北网格驿站\", \"kind\": \"GRID_POST\", "
                + "\"location\": " + at(0.017, 0.017) + "}");
        mvc.perform(get("/api/v1/stations/life-circle").with(user("COMMUNITY_ADMIN", "community-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.communities[0].withinReach").value(5))
                .andExpect(jsonPath("$.communities[0].outOfReach").value(0))
                .andExpect(jsonPath("$.communities[0].unlocated").value(1))
                .andExpect(jsonPath("$.communities[0].outOfReachBuildings.length()").value(0));
        mvc.perform(get("/api/v1/stations/nearest").param("lat", String.valueOf(SOUTH + 0.018))
                        .param("lng", String.valueOf(WEST + 0.018)).param("limit", "2")
                        .with(user("RESIDENT", "community-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stations[0].id").value(second))
                .andExpect(jsonPath("$.stations[1].id").value(station))
                .andExpect(jsonPath("$.stations[1].withinLifeCircle").value(false));

        mvc.perform(delete("/api/v1/stations/" + second).param("version", "0")
                        .with(user("COMMUNITY_ADMIN", "community-a")))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/stations/life-circle").param("communityUnitId", "community-a")
                        .with(user("GRID_WORKER", "community-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.communities[0].outOfReach").value(3));
        mvc.perform(get("/api/v1/stations/nearest").param("lat", "95").param("lng", "113")
                        .with(user("RESIDENT", "community-a")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void starsNeedTheEightHavesAndWritesRefuseStaleVersionsAndBrokenRules() throws Exception {
        mvc.perform(post("/api/v1/stations").with(user("COMMUNITY_ADMIN", "community-a"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"gridId\": \"" + level1 + "\", \"name\": \"界外驿站\", \"kind\": \"CITY_POST\", "
                                + "\"location\": " + at(0.021, 0.01) + "}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("station-outside-grid"))
                .andExpect(jsonPath("$.title").value("服务站不在网格内"));
        mvc.perform(post("/api/v1/stations").with(user("COMMUNITY_ADMIN", "community-a"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"gridId\": \"" + level1 + "\", \"name\": \"驿站\", \"kind\": \"CITY_POST\", "
                                + "\"location\": " + at(0.01, 0.01) + ", \"openingHours\": [{\"day\": \"MONDAY\", "
                                + "\"opens\": \"18:00\", \"closes\": \"08:00\"}]}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("invalid-opening-hours"));
        String station = station("{\"gridId\": \"" + level1 + "\", \"name\": \"檀溪邻里中心\", "
                + "\"kind\": \"NEIGHBOURHOOD_CENTRE\", \"location\": " + at(0.01, 0.01) + "}");

        mvc.perform(post("/api/v1/stations/" + station + "/star-changes").with(user("COMMUNITY_ADMIN", "community-a"))
                        .header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"stars\": 3, \"reason\": \"申报三星\", \"version\": 0}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("eight-haves-incomplete"))
                .andExpect(jsonPath("$.title").value("Eight-haves standard not met"));
        mvc.perform(put("/api/v1/stations/" + station + "/eight-haves").with(user("COMMUNITY_ADMIN", "community-a"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"met\": [\"CODE\", \"SIGN\", \"FACILITIES\", \"RULES\", \"TEAM\", \"ACTIVITIES\", "
                                + "\"SERVICE\", \"FUNDING\"], \"version\": 0}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.eightHaves.met").value(8))
                .andExpect(jsonPath("$.eightHaves.share").value(1.0))
                .andExpect(jsonPath("$.version").value(1));
        mvc.perform(put("/api/v1/stations/" + station + "/eight-haves").with(user("COMMUNITY_ADMIN", "community-a"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"met\": [], \"version\": 0}"))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/stations/" + station + "/star-changes").with(user("COMMUNITY_ADMIN", "community-a"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"stars\": 3, \"reason\": \"八有全部达标\", \"version\": 1}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stars").value(3))
                .andExpect(jsonPath("$.meetsStarStandard").value(true))
                .andExpect(jsonPath("$.starHistory[0].kindLabel").value("晋星"));
        mvc.perform(patch("/api/v1/stations/" + station).with(user("COMMUNITY_ADMIN", "community-a"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"location\": " + at(0.03, 0.01) + ", \"version\": 2}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("station-outside-grid"));
        mvc.perform(patch("/api/v1/stations/" + station).with(user("COMMUNITY_ADMIN", "community-a"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"檀溪邻里中心（新址）\", \"location\": " + at(0.012, 0.01) + ", \"version\": 2}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("檀溪邻里中心（新址）"))
                .andExpect(jsonPath("$.kind").value("NEIGHBOURHOOD_CENTRE"))
                .andExpect(jsonPath("$.version").value(3));

        LocalDate tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1);
        member("m-elsewhere", STREET + "community-b/branch-b/", null);
        member("m-here", STREET + "community-a/branch-a/", null);
        mvc.perform(duty(station, tomorrow, "m-unknown", 3)).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("unknown-member"));
        mvc.perform(duty(station, tomorrow, "m-elsewhere", 3)).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("member-outside-community"));
        mvc.perform(duty(station, tomorrow, "m-here", 3))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.memberName").value("m-here同志"))
                .andExpect(jsonPath("$.postLabel").value("矛盾调解"))
                .andExpect(jsonPath("$.stationVersion").value(4));
        mvc.perform(duty(station, tomorrow, "m-here", 4)).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("duplicate-duty"));
        mvc.perform(get("/api/v1/stations/" + station + "/duties").param("from", tomorrow.toString())
                        .with(user("PARTY_MEMBER", "community-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].memberId").value("m-here"));
    }

    @Test
    void anotherCommunityIsRefusedAndResidentsOnlyFindTheNearest() throws Exception {
        String station = station("{\"gridId\": \"" + level1 + "\", \"name\": \"檀溪城市驿站\", \"kind\": \"CITY_POST\", "
                + "\"location\": " + at(0.01, 0.01) + "}");

        mvc.perform(get("/api/v1/stations/" + station).with(user("COMMUNITY_ADMIN", "community-b")))
                .andExpect(status().isForbidden());
        mvc.perform(patch("/api/v1/stations/" + station).with(user("COMMUNITY_ADMIN", "community-b"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"改名\", \"version\": 0}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/stations").with(user("COMMUNITY_ADMIN", "community-b"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"gridId\": \"" + level1 + "\", \"name\": \"越界驿站\", \"kind\": \"CITY_POST\", "
                                + "\"location\": " + at(0.01, 0.01) + "}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/stations/life-circle").param("communityUnitId", "community-a")
                        .with(user("PARTY_MEMBER", "community-b")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/stations").with(user("GRID_WORKER", "community-b")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page.totalElements").value(0));
        mvc.perform(get("/api/v1/stations").with(user("GRID_WORKER", "community-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].kindLabel").value("城市驿站"));
        mvc.perform(get("/api/v1/stations/" + station).with(user("PARTY_MEMBER", "community-a/branch-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("檀溪城市驿站"));
        mvc.perform(get("/api/v1/stations").with(user("PARTY_MEMBER", "community-a/branch-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page.totalElements").value(1));
        mvc.perform(get("/api/v1/stations/life-circle").with(user("GRID_WORKER", "community-a/branch-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.communities[0].communityUnitId").value("community-a"));
        mvc.perform(patch("/api/v1/stations/" + station).with(user("COMMUNITY_ADMIN", "community-a/branch-a"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"改名\", \"version\": 0}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/stations/" + station).with(user("RESIDENT", "community-a")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/stations/life-circle").with(user("RESIDENT", "community-a")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/stations").with(user("GRID_WORKER", "community-a"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"gridId\": \"" + level1 + "\", \"name\": \"驿站\", \"kind\": \"CITY_POST\", "
                                + "\"location\": " + at(0.01, 0.01) + "}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/stations/nearest").param("lat", String.valueOf(SOUTH))
                        .param("lng", String.valueOf(WEST)).with(user("RESIDENT", "community-b")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stations[0].id").value(station));
        mvc.perform(get("/api/v1/stations/unknown").with(user("COMMUNITY_ADMIN", "community-a")))
                .andExpect(status().isNotFound());
    }

    private RequestBuilder duty(String station, LocalDate date, String memberId,
                                long version) {
        return post("/api/v1/stations/" + station + "/duties").with(user("COMMUNITY_ADMIN", "community-a"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"date\": \"" + date + "\", \"memberId\": \"" + memberId + "\", \"post\": \"MEDIATION\", "
                        + "\"version\": " + version + "}");
    }

    private String station(String body) throws Exception {
        return id(mvc.perform(post("/api/v1/stations").with(user("COMMUNITY_ADMIN", "community-a"))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(header().exists("Location"))
                .andReturn().getResponse().getContentAsString());
    }

    private String grid(String community) throws Exception {
        String body = "{\"level\": \"LEVEL_1\", \"name\": \"檀溪一级网格\", \"communityUnitId\": \"" + community + "\", "
                + "\"boundary\": {\"type\": \"Polygon\", \"coordinates\": [[" + position(0, 0) + ", " + position(0.02, 0)
                + ", " + position(0.02, 0.02) + ", " + position(0, 0.02) + ", " + position(0, 0) + "]]}}";
        return id(mvc.perform(post("/api/v1/grids").with(user("COMMUNITY_ADMIN", community))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString());
    }

    private String building(String name, String location) throws Exception {
        return id(mvc.perform(post("/api/v1/households/buildings").with(user("GRID_WORKER", "community-a"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"gridId\": \"" + level1 + "\", \"name\": \"" + name + "\", "
                                + (location == null ? "" : "\"location\": " + location + ", ") + "\"units\": [\"1\"]}"))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString());
    }

    private void household(String buildingId, String room) throws Exception {
        mvc.perform(post("/api/v1/households").with(user("GRID_WORKER", "community-a"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"buildingId\": \"" + buildingId + "\", \"buildingUnit\": \"1\", \"room\": \"" + room
                                + "\", \"residents\": 2, \"headName\": \"住户\", \"specialGroups\": []}"))
                .andExpect(status().isCreated());
    }

    /** A point offset from the base corner by degrees north and east. */
    private static String at(double north, double east) {
        return "{\"lat\": " + (SOUTH + north) + ", \"lng\": " + (WEST + east) + "}";
    }

    private static String position(double east, double north) {
        return "[" + (WEST + east) + ", " + (SOUTH + north) + "]";
    }

    private static String id(String response) {
        JsonNode node = JSON.readTree(response);
        return node.get("id").asString();
    }

    private static RequestPostProcessor user(String role, String community) {
        return jwt().jwt(token -> token.claim("roles", List.of(role)).claim("org_unit_id", community)
                        .claim("org_unit_path", STREET + community + "/"))
                .authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }

    private void copy(String id) {
        mongo.save(new Document("_id", id).append("unitType", "COMMUNITY_COMMITTEE").append("name", id + "党委")
                .append("parentId", "street-st").append("path", STREET + id + "/").append("active", true)
                .append("updatedAt", Instant.now()), "org_unit_copies");
    }

    private void member(String id, String unitPath, String residenceCommunityId) {
        mongo.save(new Document("_id", id).append("name", id + "同志").append("kind", "RESIDENT")
                .append("branchId", "branch").append("unitPath", unitPath)
                .append("residenceCommunityId", residenceCommunityId).append("registered", true)
                .append("updatedAt", Instant.now()), "party_member_copies");
    }
}
