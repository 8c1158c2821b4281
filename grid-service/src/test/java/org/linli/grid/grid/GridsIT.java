package org.linli.grid.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThan;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
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
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Grids through the API: a tree with its rules, scope, locate with the border rule, statistics, events, demo data. */
@SpringBootTest
@AutoConfigureMockMvc
@EmbeddedInfrastructure
class GridsIT {

    private static final String STREET = "/street-it/";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    GridLocator locator;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @BeforeEach
    void startFromNoGrids() {
        mongo.remove(new Query(), Grid.class);
        locator.changed();
        mongo.dropCollection("org_unit_copies");
        for (String community : List.of("community-a", "community-b")) {
            copy(community, "COMMUNITY_COMMITTEE");
        }
        copy("branch-a", "GRID_BRANCH");
    }

    @Test
    void buildsATreeRefusesAnOverlappingSiblingAndLocatesInsideOnTheBorderAndOutside() throws Exception {
        String level1 = create(admin("community-a"), "LEVEL_1", "檀溪一级网格", null, "community-a", 0, 0, 0.02, 0.02);
        String west = create(admin("community-a"), "MICRO", "西微网格", level1, "community-a", 0, 0, 0.01, 0.02);
        String east = create(admin("community-a"), "MICRO", "东微网格", level1, "community-a", 0.01, 0, 0.02, 0.02);

        mvc.perform(post("/api/v1/grids").with(admin("community-a")).contentType(MediaType.APPLICATION_JSON)
                        .content(body("MICRO", "中微网格", level1, "community-a", 0.002, 0, 0.008, 0.01)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("overlaps-sibling"))
                .andExpect(jsonPath("$.detail").value(containsString("西微网格")))
                .andExpect(jsonPath("$.type").value("https://linli.example/problems/overlaps-sibling"));
        mvc.perform(post("/api/v1/grids").with(admin("community-a")).contentType(MediaType.APPLICATION_JSON)
                        .content(body("LEVEL_1", "无名", null, "nowhere", 0.5, 0.5, 0.6, 0.6)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("unknown-community"));
        mvc.perform(post("/api/v1/grids").with(admin("community-a")).contentType(MediaType.APPLICATION_JSON)
                        .content(body("LEVEL_2", "片区", west, "community-a", 0, 0, 0.005, 0.005)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("invalid-grid-level"));

        mvc.perform(locate(Grids.SOUTH + 0.005, Grids.WEST + 0.015))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.grid.id").value(east))
                .andExpect(jsonPath("$.grid.level").value("MICRO"))
                .andExpect(jsonPath("$.path[0].id").value(level1))
                .andExpect(jsonPath("$.path[1].id").value(east));
        mvc.perform(locate(Grids.SOUTH + 0.005, Grids.WEST + 0.01))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.grid.id").value(west.compareTo(east) < 0 ? west : east));
        mvc.perform(locate(Grids.SOUTH - 0.01, Grids.WEST))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("outside-every-grid"))
                .andExpect(jsonPath("$.type").value("https://linli.example/problems/outside-every-grid"));
        mvc.perform(locate(91, 113.4))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("lat"));

        mvc.perform(patch("/api/v1/grids/" + west).with(admin("community-a")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"residents\": 320, \"households\": 110, \"version\": 0}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.residents").value(320));
        mvc.perform(patch("/api/v1/grids/" + level1).with(admin("community-a")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"residents\": 5000, \"households\": 1800, \"version\": 0}"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/grids/" + level1 + "/statistics").with(admin("community-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.gridsPerLevel.LEVEL_1").value(1))
                .andExpect(jsonPath("$.gridsPerLevel.MICRO").value(2))
                .andExpect(jsonPath("$.residents").value(320))
                .andExpect(jsonPath("$.households").value(110))
                .andExpect(jsonPath("$.averageMicroAreaSquareMetres").value(allOf(greaterThan(1.9e6), lessThan(2.0e6))));
        mvc.perform(get("/api/v1/grids").param("parentId", level1).with(admin("community-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page.totalElements").value(2));
        mvc.perform(get("/api/v1/grids").with(admin("community-b")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page.totalElements").value(0));
    }

    @Test
    void redrawingABoundaryMovesWhatLocateFindsAndAStaleVersionIsRefused() throws Exception {
        String level1 = create(admin("community-a"), "LEVEL_1", "檀溪一级网格", null, "community-a", 0, 0, 0.02, 0.02);
        mvc.perform(locate(Grids.SOUTH + 0.025, Grids.WEST + 0.005)).andExpect(status().isNotFound());

        String boundary = "{\"boundary\": " + polygon(0, 0, 0.03, 0.03) + ", \"version\": %d}";
        mvc.perform(put("/api/v1/grids/" + level1 + "/boundary").with(admin("community-a"))
                        .contentType(MediaType.APPLICATION_JSON).content(boundary.formatted(0)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1));
        mvc.perform(locate(Grids.SOUTH + 0.025, Grids.WEST + 0.005))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.grid.id").value(level1));
        mvc.perform(put("/api/v1/grids/" + level1 + "/boundary").with(admin("community-a"))
                        .contentType(MediaType.APPLICATION_JSON).content(boundary.formatted(0)))
                .andExpect(status().isConflict());
    }

    @Test
    void anAdminOfAnotherCommunityMayNeitherCreateNorReadAndTheEventHasThePinnedShape() throws Exception {
        mvc.perform(post("/api/v1/grids").with(admin("community-b")).contentType(MediaType.APPLICATION_JSON)
                        .content(body("LEVEL_1", "檀溪一级网格", null, "community-a", 0, 0, 0.02, 0.02)))
                .andExpect(status().isForbidden());
        String level1 = create(admin("community-a"), "LEVEL_1", "檀溪一级网格", null, "community-a", 0, 0, 0.02, 0.02);
        String micro = JSON.readTree(mvc.perform(post("/api/v1/grids").with(admin("community-a"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body("MICRO", "微网格", level1, "community-a", 0, 0, 0.01, 0.01)
                                .replace("\"boundary\"", "\"branchUnitId\": \"branch-a\", \"boundary\"")))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString()).get("id").asString();

        mvc.perform(get("/api/v1/grids/" + level1).with(admin("community-b"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/grids/" + level1).with(admin("community-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.levelLabel").value("一级网格（社区）"));
        mvc.perform(get("/api/v1/grids/unknown").with(admin("community-a"))).andExpect(status().isNotFound());

        JsonNode published = PublishedEvents.awaitFirst(bootstrapServers, Topics.GRID_EVENTS, micro, "GridCreated");
        PublishedEvents.assertMatchesExample(published, "grid-events");
        assertThat(published.at("/payload/branchUnitId").asString()).isEqualTo("branch-a");
        assertThat(published.at("/payload/boundary/type").asString()).isEqualTo("Polygon");
        assertThat(published.at("/payload/path").asString()).isEqualTo("/" + level1 + "/" + micro + "/");
    }

    private String create(RequestPostProcessor caller, String level, String name, String parentId, String community,
                          double west, double south, double east, double north) throws Exception {
        String response = mvc.perform(post("/api/v1/grids").with(caller).contentType(MediaType.APPLICATION_JSON)
                        .content(body(level, name, parentId, community, west, south, east, north)))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return JSON.readTree(response).get("id").asString();
    }

    private static String body(String level, String name, String parentId, String community, double west, double south,
                               double east, double north) {
        return "{\"level\": \"" + level + "\", \"name\": \"" + name + "\", "
                + (parentId == null ? "" : "\"parentId\": \"" + parentId + "\", ")
                + "\"communityUnitId\": \"" + community + "\", \"boundary\": " + polygon(west, south, east, north) + "}";
    }

    private static String polygon(double west, double south, double east, double north) {
        Boundary boundary = Grids.rectangle(west, south, east, north);
        return JSON.writeValueAsString(boundary);
    }

    private static MockHttpServletRequestBuilder locate(double lat, double lng) {
        return get("/api/v1/grids/locate").param("lat", String.valueOf(lat)).param("lng", String.valueOf(lng))
                .with(jwt().jwt(token -> token.claim("roles", List.of("GRID_WORKER")))
                        .authorities(new SimpleGrantedAuthority("ROLE_GRID_WORKER")));
    }

    private static RequestPostProcessor admin(String community) {
        return jwt().jwt(token -> token.claim("roles", List.of("COMMUNITY_ADMIN")).claim("org_unit_id", community)
                .claim("org_unit_path", STREET + community + "/"))
                .authorities(new SimpleGrantedAuthority("ROLE_COMMUNITY_ADMIN"));
    }

    private static RequestPostProcessor countyAdmin() {
        return jwt().jwt(token -> token.claim("roles", List.of("COUNTY_ADMIN")))
                .authorities(new SimpleGrantedAuthority("ROLE_COUNTY_ADMIN"));
    }

    private void copy(String id, String type) {
        String path = type.equals("COMMUNITY_COMMITTEE") ? STREET + id + "/" : STREET + "community-a/" + id + "/";
        mongo.save(new Document("_id", id).append("unitType", type).append("name", id + "党委")
                .append("parentId", "street-it").append("path", path).append("active", true)
                .append("updatedAt", Instant.now()), "org_unit_copies");
    }
}
