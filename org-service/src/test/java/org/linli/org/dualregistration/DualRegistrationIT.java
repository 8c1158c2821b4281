package org.linli.org.dualregistration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.linli.events.Topics;
import org.linli.platform.test.EmbeddedInfrastructure;
import org.linli.platform.test.PublishedEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Dual-registration units through the API: issue-service's pinned MicroWishFulfilled, naming a unit as the
 * claimant, is recorded on that unit once (redelivered, and under another event id), shown in the unit's
 * GET, while a wish a party member fulfilled and one naming an unknown unit change nothing; a paired
 * community that moves to another street takes the unit's scope with it.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@EmbeddedInfrastructure
class DualRegistrationIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PINNED_EVENT_ID = "7f1b103c-df15-42b0-aab4-77d26415479c";
    private static final String WISH = "92276658-1e27-41c0-8a6a-63ec24ede6a4";

    @Autowired
    MockMvc mvc;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    MongoTemplate mongo;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Test
    void aWishFulfilledByADualRegistrationUnitIsRecordedOnTheUnitOnce() throws Exception {
        String admin = token();
        String street = createUnit(admin, "STREET_COMMITTEE", "街道" + UUID.randomUUID(), null);
        String community = createUnit(admin, "COMMUNITY_COMMITTEE", "社区" + UUID.randomUUID(), street);
        JsonNode unit = postJson(admin, "/api/v1/dual-registration/units",
                "{\"name\": \"县住建局\", \"pairedCommunityIds\": [\"" + community + "\"]}");
        String unitId = unit.get("id").asString();
        long version = unit.get("version").asLong();
        JsonNode registered = PublishedEvents.awaitFirst(bootstrapServers, Topics.ORG_EVENTS, unitId,
                "DualRegistrationUnitRegistered");
        PublishedEvents.assertMatchesExample(registered, "org-events");
        assertThat(registered.at("/payload/pairedCommunityIds/0").asString()).isEqualTo(community);

        String fulfilled = pinned().replace("\"claimantKind\": \"PARTY_MEMBER\"", "\"claimantKind\": \"DUAL_REGISTRATION_UNIT\"")
                .replace("6b4cb242-4a23-4596-a217-beaddbc496cb", unitId)
                .replace("36f675cc-81e7-4ef5-a8e2-5d940ed90475", community);
        kafka.send(Topics.ISSUE_EVENTS, WISH, fulfilled).get();
        kafka.send(Topics.ISSUE_EVENTS, WISH, fulfilled).get();
        kafka.send(Topics.ISSUE_EVENTS, WISH, fulfilled.replace(PINNED_EVENT_ID, UUID.randomUUID().toString())).get();
        kafka.send(Topics.ISSUE_EVENTS, "party-wish", pinned().replace(PINNED_EVENT_ID, UUID.randomUUID().toString())
                .replace(WISH, "party-wish")).get();
        kafka.send(Topics.ISSUE_EVENTS, "stray-wish", fulfilled.replace(PINNED_EVENT_ID, UUID.randomUUID().toString())
                .replace(WISH, "stray-wish").replace(unitId, "unknown-unit")).get();

        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.count(Query.query(Criteria.where("type")
                .is("MicroWishFulfilled").and("consumer").is("org-service")), "processed_events") >= 4);
        JsonNode read = JSON.readTree(mvc.perform(get("/api/v1/dual-registration/units/" + unitId)
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + admin))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(read.get("fulfilledWishes")).hasSize(1);
        JsonNode wish = read.get("fulfilledWishes").get(0);
        assertThat(wish.get("wishId").asString()).isEqualTo(WISH);
        assertThat(wish.get("communityId").asString()).isEqualTo(community);
        assertThat(wish.get("year").asInt()).isEqualTo(2026);
        assertThat(wish.get("confirmedAt").asString()).isEqualTo("2026-11-21T10:19:00Z");
        assertThat(read.get("version").asLong()).isEqualTo(version + 1);

        postJson(admin, "/api/v1/dual-registration/units/" + unitId + "/projects", "{\"version\": " + (version + 1)
                + ", \"year\": 2026, \"communityId\": \"" + community + "\", \"title\": \"老旧小区加装扶手\"}");
        JsonNode after = JSON.readTree(mvc.perform(get("/api/v1/dual-registration/units/" + unitId)
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + admin))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(after.get("fulfilledWishes")).hasSize(1);
        assertThat(after.get("projects")).hasSize(1);
    }

    @Test
    void aPairedCommunityMovedToAnotherStreetTakesTheUnitsScopeWithIt() throws Exception {
        String admin = token();
        String oldStreet = createUnit(admin, "STREET_COMMITTEE", "旧街道" + UUID.randomUUID(), null);
        String newStreet = createUnit(admin, "STREET_COMMITTEE", "新街道" + UUID.randomUUID(), null);
        String community = createUnit(admin, "COMMUNITY_COMMITTEE", "社区" + UUID.randomUUID(), oldStreet);
        String unitId = postJson(admin, "/api/v1/dual-registration/units",
                "{\"name\": \"县民政局\", \"pairedCommunityIds\": [\"" + community + "\"]}").get("id").asString();
        String oldStreetAdmin = streetAdmin(admin, oldStreet);
        String newStreetAdmin = streetAdmin(admin, newStreet);
        readUnit(unitId, oldStreetAdmin).andExpect(status().isOk());
        readUnit(unitId, newStreetAdmin).andExpect(status().isForbidden());

        postJson(admin, "/api/v1/org-units/" + community + "/move", "{\"newParentId\": \"" + newStreet
                + "\", \"version\": 0}");

        readUnit(unitId, newStreetAdmin).andExpect(status().isOk());
        readUnit(unitId, oldStreetAdmin).andExpect(status().isForbidden());
        assertThat(mongo.findById(unitId, Document.class, "dual_registration_units")
                .getList("pairings", Document.class)).singleElement()
                .satisfies(pairing -> assertThat(pairing.getString("path")).isEqualTo("/" + newStreet + "/" + community + "/"));
    }

    private ResultActions readUnit(String unitId, String token) throws Exception {
        return mvc.perform(get("/api/v1/dual-registration/units/" + unitId).header(HttpHeaders.AUTHORIZATION, "Bearer " + token));
    }

    /** A STREET_ADMIN account of the street, signed in. */
    private String streetAdmin(String admin, String streetId) throws Exception {
        String username = "street-admin-" + UUID.randomUUID().toString().substring(0, 8);
        postJson(admin, "/api/v1/accounts", "{\"username\": \"" + username + "\", \"password\": \"street-admin-pass\", "
                + "\"roles\": [\"STREET_ADMIN\"], \"orgUnitId\": \"" + streetId + "\"}");
        return token(username, "street-admin-pass");
    }

    private JsonNode postJson(String token, String path, String body) throws Exception {
        return JSON.readTree(mvc.perform(post(path)
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().is2xxSuccessful()).andReturn().getResponse().getContentAsString());
    }

    private String createUnit(String token, String type, String name, String parentId) throws Exception {
        String parent = parentId == null ? ",\"templateId\":\"FIVE_LEVEL\"" : ",\"parentId\":\"" + parentId + "\"";
        return postJson(token, "/api/v1/org-units", "{\"type\":\"" + type + "\",\"name\":\"" + name + "\"" + parent + "}")
                .get("id").asString();
    }

    private String token() throws Exception {
        return token("admin", "test-admin-password");
    }

    private String token(String username, String password) throws Exception {
        return JSON.readTree(mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("grant_type", "password").param("username", username).param("password", password))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .get("access_token").asString();
    }

    private static String pinned() throws Exception {
        try (InputStream in = DualRegistrationIT.class.getResourceAsStream("/contracts/issue-events/MicroWishFulfilled.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
