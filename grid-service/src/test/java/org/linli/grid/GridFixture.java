package org.linli.grid;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds grids, buildings, households and workers through grid-service's own API for integration tests,
 * as callers scoped to a community of one street ({@code /street-it/<community>/}). Rectangles are given
 * as offsets in degrees from lat 36.2, lng 113.4.
 */
public final class GridFixture {

    public static final String STREET = "/street-it/";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final double WEST = 113.4;
    private static final double SOUTH = 36.2;

    private final MockMvc mvc;
    private final MongoTemplate mongo;

    public GridFixture(MockMvc mvc, MongoTemplate mongo) {
        this.mvc = mvc;
        this.mongo = mongo;
    }

    /** Empties the given collections and makes the communities known to grid-service's org-unit copy. */
    public void reset(List<String> collections, String... communities) {
        collections.forEach(collection -> mongo.remove(new Query(), collection));
        mongo.dropCollection("org_unit_copies");
        for (String community : communities) {
            mongo.save(new Document("_id", community).append("unitType", "COMMUNITY_COMMITTEE")
                    .append("name", community + "党委").append("parentId", "street-it")
                    .append("path", STREET + community + "/").append("active", true)
                    .append("updatedAt", Instant.now()), "org_unit_copies");
        }
    }

    public String grid(String community, String level, String name, String parentId, double west, double south,
                       double east, double north) throws Exception {
        String body = "{\"level\": \"" + level + "\", \"name\": \"" + name + "\", "
                + (parentId == null ? "" : "\"parentId\": \"" + parentId + "\", ")
                + "\"communityUnitId\": \"" + community + "\", \"boundary\": {\"type\": \"Polygon\", \"coordinates\": [["
                + position(west, south) + ", " + position(east, south) + ", " + position(east, north) + ", "
                + position(west, north) + ", " + position(west, south) + "]]}}";
        return created(post("/api/v1/grids"), admin(community), body);
    }

    public String building(String community, String gridId, String name) throws Exception {
        return created(post("/api/v1/households/buildings"), admin(community), "{\"gridId\": \"" + gridId
                + "\", \"name\": \"" + name + "\", \"location\": {\"lat\": 36.205, \"lng\": 113.405}, \"units\": [\"1\"]}");
    }

    public String household(String community, String buildingId, String room) throws Exception {
        return created(post("/api/v1/households"), admin(community), "{\"buildingId\": \"" + buildingId
                + "\", \"buildingUnit\": \"1\", \"room\": \"" + room + "\", \"residents\": 2, \"headName\": \"住户"
                + room + "\", \"specialGroups\": []}");
    }

    /** Appoints a grid worker with a login account and returns the appointment id. */
    public String worker(String community, String gridId, String name, String accountId) throws Exception {
        return created(post("/api/v1/grid-workers"), admin(community), "{\"gridId\": \"" + gridId
                + "\", \"role\": \"GRID_WORKER\", \"from\": \"2026-11-01\", \"person\": {\"name\": \"" + name
                + "\", \"phone\": \"13912345678\", \"source\": \"PARTY_MEMBER\", \"partyMember\": true, \"accountId\": \""
                + accountId + "\"}}");
    }

    public static RequestPostProcessor admin(String community) {
        return caller("COMMUNITY_ADMIN", community, "admin-of-" + community);
    }

    public static RequestPostProcessor caller(String role, String community, String accountId) {
        return jwt().jwt(token -> token.subject(accountId).claim("preferred_username", accountId)
                        .claim("roles", List.of(role)).claim("org_unit_id", community)
                        .claim("org_unit_path", STREET + community + "/"))
                .authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }

    public static String id(String response) {
        return JSON.readTree(response).get("id").asString();
    }

    private String created(MockHttpServletRequestBuilder request,
                           RequestPostProcessor caller, String body) throws Exception {
        return id(mvc.perform(request.with(caller).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
    }

    private static String position(double east, double north) {
        return "[" + (WEST + east) + ", " + (SOUTH + north) + "]";
    }
}
