package org.linli.org.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.linli.events.Topics;
import org.linli.platform.test.PublishedEvents;
import org.linli.platform.test.EmbeddedInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpHeaders;
import org.springframework.kafka.core.KafkaTemplate;
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
    @Autowired
    KafkaTemplate<String, String> kafka;

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
    void theDashboardCountsTheCompoundsAndServingCompaniesPropertyServicePublished() throws Exception {
        JsonNode street = create("STREET_COMMITTEE", "戊街道党工委", null);
        JsonNode community = create("COMMUNITY_COMMITTEE", "戊社区党委", street.get("id").asString());
        String communityId = community.get("id").asString();
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        String company = UUID.randomUUID().toString();
        String compoundEvent = UUID.randomUUID().toString();
        publishCompound(compoundEvent, first, communityId, community.get("path").asString());
        publishCompound(compoundEvent, first, communityId, community.get("path").asString());
        publishCompound(UUID.randomUUID().toString(), first, communityId, community.get("path").asString());
        publishCompound(UUID.randomUUID().toString(), second, communityId, community.get("path").asString());
        String contract = pinned("ContractStarted").replace(PINNED_COMPOUND, first).replace(PINNED_COMPANY, company)
                .replace(PublishedEvents.example("property-events", "ContractStarted").get("eventId").asString(),
                        UUID.randomUUID().toString());
        kafka.send(Topics.PROPERTY_EVENTS, PINNED_CONTRACT, contract).get();
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.count(new Query(Criteria.where("communityUnitId")
                .is(communityId)), "compound_copies") == 2 && mongo.count(new Query(Criteria.where("companyId")
                .is(company)), "contract_copies") == 1);

        mvc.perform(get("/api/v1/org-units/" + street.get("id").asString() + "/coverage")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.compoundsWithPartyOrganisation.part").value(0))
                .andExpect(jsonPath("$.compoundsWithPartyOrganisation.whole").value(2))
                .andExpect(jsonPath("$.ownersCommittees.formationRate.whole").value(2))
                .andExpect(jsonPath("$.propertyCompanies.byMode.NONE").value(1))
                .andExpect(jsonPath("$.propertyCompanies.covered.whole").value(1));
        JsonNode elsewhere = create("STREET_COMMITTEE", "己街道党工委", null);
        mvc.perform(get("/api/v1/org-units/" + elsewhere.get("id").asString() + "/coverage")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token()))
                .andExpect(jsonPath("$.compoundsWithPartyOrganisation.whole").value(0));
    }

    private static final String PINNED_COMPOUND = "a170b338-3926-4059-b28c-105d1fb17c23";
    private static final String PINNED_COMPANY = "90c192cf-d3ac-44af-8f21-ddb66cad4a26";
    private static final String PINNED_CONTRACT = "0fd630f1-f29d-4da9-953f-48f1a09f76b5";

    /** property-service's pinned CompoundCreated for another compound and community, under the given event id. */
    private void publishCompound(String eventId, String compoundId, String communityId, String communityPath)
            throws Exception {
        JsonNode example = PublishedEvents.example("property-events", "CompoundCreated");
        String event = pinned("CompoundCreated").replace(PINNED_COMPOUND, compoundId)
                .replace(example.get("eventId").asString(), eventId)
                .replace(example.get("payload").get("communityPath").asString(), communityPath)
                .replace(example.get("payload").get("communityUnitId").asString(), communityId);
        kafka.send(Topics.PROPERTY_EVENTS, compoundId, event).get();
    }

    private static String pinned(String type) {
        return JSON.writeValueAsString(PublishedEvents.example("property-events", type));
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

    @Test
    void aCommunityAdminListsTheirSubtreeAtAnyDepthAndNamesTheirAncestors() throws Exception {
        String street = create("STREET_COMMITTEE", "樊城街道党工委", null).get("id").asString();
        String community = create("COMMUNITY_COMMITTEE", "米公社区党委", street).get("id").asString();
        String neighbour = create("COMMUNITY_COMMITTEE", "邻近社区党委", street).get("id").asString();
        String grid = create("GRID_BRANCH", "一网格党支部", community).get("id").asString();
        String group = create("BUILDING_GROUP", "3栋党小组", grid).get("id").asString();
        create("GRID_BRANCH", "邻近网格党支部", neighbour);
        String admin = tokenOf("COMMUNITY_ADMIN", community);

        mvc.perform(get("/api/v1/org-units/" + community + "/subtree").header(HttpHeaders.AUTHORIZATION, admin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page.totalElements").value(2))
                .andExpect(jsonPath("$.content[*].id").value(org.hamcrest.Matchers.containsInAnyOrder(grid, group)));
        mvc.perform(get("/api/v1/org-units/" + street + "/subtree").param("type", "GRID_BRANCH")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page.totalElements").value(2))
                .andExpect(jsonPath("$.content[*].type").value(org.hamcrest.Matchers.everyItem(
                        org.hamcrest.Matchers.is("GRID_BRANCH"))));
        mvc.perform(get("/api/v1/org-units/" + group + "/ancestors").header(HttpHeaders.AUTHORIZATION, admin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id").value(org.hamcrest.Matchers.contains(street, community, grid)))
                .andExpect(jsonPath("$[0].name").value("樊城街道党工委"));
    }

    @Test
    void anotherCommunitysSubtreeAndAncestorsAre403() throws Exception {
        String street = create("STREET_COMMITTEE", "襄城街道党工委", null).get("id").asString();
        String community = create("COMMUNITY_COMMITTEE", "檀溪社区党委", street).get("id").asString();
        String other = create("COMMUNITY_COMMITTEE", "隆中社区党委", street).get("id").asString();
        String admin = tokenOf("COMMUNITY_ADMIN", community);

        mvc.perform(get("/api/v1/org-units/" + other + "/subtree").header(HttpHeaders.AUTHORIZATION, admin))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/org-units/" + other + "/ancestors").header(HttpHeaders.AUTHORIZATION, admin))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/org-units/no-such-unit/ancestors").header(HttpHeaders.AUTHORIZATION, admin))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/org-units/" + community + "/subtree").param("type", "NOT_A_TYPE")
                        .header(HttpHeaders.AUTHORIZATION, admin))
                .andExpect(status().isBadRequest());
    }

    private String tokenOf(String role, String unitId) throws Exception {
        return org.linli.org.identity.TestAccounts.bearerOf(mvc, "Bearer " + token(), role, unitId);
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
