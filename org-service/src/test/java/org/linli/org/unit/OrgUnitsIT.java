package org.linli.org.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.linli.platform.test.EmbeddedInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The org-unit tree through the API: templates, renames, moves of whole subtrees, deactivation, the demo county. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@EmbeddedInfrastructure
class OrgUnitsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    OrgUnitStatistics statistics;
    @Autowired
    MongoOperations mongo;

    @Test
    void aWrongChildTypeIsRefusedWith422NamingTheAllowedTypes() throws Exception {
        String street = create("STREET_COMMITTEE", "白马街道党工委", null).get("id").asString();

        send(post("/api/v1/org-units"), "{\"type\":\"BUILDING_GROUP\",\"name\":\"楼栋\",\"parentId\":\"" + street + "\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("invalid-parent-type"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("COMMUNITY_COMMITTEE")));
        send(post("/api/v1/org-units"), "{\"type\":\"STREET_COMMITTEE\",\"name\":\"无模板\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("template-required"));
    }

    @Test
    void movingACommunityCarriesEveryDescendantsPath() throws Exception {
        String from = create("STREET_COMMITTEE", "甲街道党工委", null).get("id").asString();
        JsonNode to = create("STREET_COMMITTEE", "乙街道党工委", null);
        JsonNode community = create("COMMUNITY_COMMITTEE", "迁移社区党委", from);
        JsonNode grid = create("GRID_BRANCH", "网格党支部", community.get("id").asString());
        JsonNode group = create("BUILDING_GROUP", "楼栋党小组", grid.get("id").asString());
        JsonNode household = create("CENTRAL_HOUSEHOLD", "党员中心户", group.get("id").asString());

        send(post("/api/v1/org-units/" + community.get("id").asString() + "/move"),
                "{\"newParentId\":\"" + to.get("id").asString() + "\",\"version\":0}")
                .andExpect(status().isOk());

        String newCommunityPath = to.get("path").asString() + community.get("id").asString() + "/";
        assertThat(read(community).get("path").asString()).isEqualTo(newCommunityPath);
        assertThat(read(grid).get("path").asString()).isEqualTo(newCommunityPath + grid.get("id").asString() + "/");
        assertThat(read(household).get("path").asString()).isEqualTo(newCommunityPath + grid.get("id").asString() + "/"
                + group.get("id").asString() + "/" + household.get("id").asString() + "/");
        mvc.perform(get("/api/v1/org-units/" + to.get("id").asString() + "/coverage")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token()))
                .andExpect(jsonPath("$.unitsPerType.COMMUNITY_COMMITTEE").value(1))
                .andExpect(jsonPath("$.unitsPerType.CENTRAL_HOUSEHOLD").value(1));
        mvc.perform(get("/api/v1/org-units/" + from + "/coverage").header(HttpHeaders.AUTHORIZATION, "Bearer " + token()))
                .andExpect(jsonPath("$.unitsPerType.COMMUNITY_COMMITTEE").value(0));
        send(post("/api/v1/org-units/" + community.get("id").asString() + "/move"),
                "{\"newParentId\":\"" + grid.get("id").asString() + "\",\"version\":1}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("move-into-own-subtree"));
    }

    @Test
    void theUnitCountsFollowAWriteMadeByAnotherInstance() throws Exception {
        String street = create("STREET_COMMITTEE", "丁街道党工委", null).get("path").asString();
        assertThat(statistics.activeUnitsPerType(street)).containsEntry(OrgUnitType.STREET_COMMITTEE, 1L);

        UnitTypeIndex otherInstance = new UnitTypeIndex(mongo);
        mongo.updateMulti(new Query(Criteria.where("path").is(street)), new Update().set("status", "INACTIVE"), "org_units");
        otherInstance.changed();

        assertThat(statistics.activeUnitsPerType(street)).doesNotContainKey(OrgUnitType.STREET_COMMITTEE);
    }

    @Test
    void renameNeedsTheCurrentVersion() throws Exception {
        JsonNode street = create("STREET_COMMITTEE", "丙街道党工委", null);
        String id = street.get("id").asString();

        send(patch("/api/v1/org-units/" + id), "{\"name\":\"丙街道党工委（新）\",\"version\":0}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.name").value("丙街道党工委（新）"));
        send(patch("/api/v1/org-units/" + id), "{\"name\":\"again\",\"version\":0}")
                .andExpect(status().isConflict());
    }

    @Test
    void aRetriedCreateWithTheSameIdempotencyKeyCreatesOneUnit() throws Exception {
        String body = "{\"type\":\"STREET_COMMITTEE\",\"name\":\"幂等街道党工委\",\"templateId\":\"FIVE_LEVEL\"}";
        String first = send(post("/api/v1/org-units").header("Idempotency-Key", "retry-1"), body)
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String again = send(post("/api/v1/org-units").header("Idempotency-Key", "retry-1"), body)
                .andExpect(status().isCreated())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("Idempotent-Replayed", "true"))
                .andReturn().getResponse().getContentAsString();

        assertThat(JSON.readTree(again).get("id")).isEqualTo(JSON.readTree(first).get("id"));
        send(post("/api/v1/org-units").header("Idempotency-Key", "retry-1"), body.replace("幂等", "另一"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("https://linli.example/problems/idempotency-key-reused"))
                .andExpect(jsonPath("$.code").value("idempotency-key-reused"));
        String withoutKey = send(post("/api/v1/org-units"), body).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        assertThat(JSON.readTree(withoutKey).get("id")).isNotEqualTo(JSON.readTree(first).get("id"));
    }

    @Test
    void listsTheShippedTemplates() throws Exception {
        mvc.perform(get("/api/v1/org-units/templates").header(HttpHeaders.AUTHORIZATION, "Bearer " + token()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id").value(org.hamcrest.Matchers.hasItems("FIVE_LEVEL", "FOUR_LEVEL", "INDUSTRIAL_PARK")));
    }

    private JsonNode read(JsonNode unit) throws Exception {
        String body = mvc.perform(get("/api/v1/org-units/" + unit.get("id").asString())
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return JSON.readTree(body);
    }

    JsonNode create(String type, String name, String parentId) throws Exception {
        String parent = parentId == null ? ",\"templateId\":\"FIVE_LEVEL\"" : ",\"parentId\":\"" + parentId + "\"";
        String body = send(post("/api/v1/org-units"), "{\"type\":\"" + type + "\",\"name\":\"" + name + "\"" + parent + "}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JSON.readTree(body);
    }

    ResultActions send(MockHttpServletRequestBuilder request, String body) throws Exception {
        return mvc.perform(request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token())
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private String cachedToken;

    String token() throws Exception {
        if (cachedToken == null) {
            String body = mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                            .param("grant_type", "password").param("username", "admin")
                            .param("password", "test-admin-password"))
                    .andReturn().getResponse().getContentAsString();
            cachedToken = JSON.readTree(body).get("access_token").asString();
        }
        return cachedToken;
    }
}
