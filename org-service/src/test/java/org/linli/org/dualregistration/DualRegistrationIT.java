package org.linli.org.dualregistration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.linli.events.Topics;
import org.linli.org.identity.InitialPasswords;
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
 * community that moves to another street takes the unit's scope with it; property-service's pinned 包保 events
 * (redelivered, under another event id, a patrol before its assignment) show once in the unit's patrolDuty.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@EmbeddedInfrastructure
class DualRegistrationIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PINNED_EVENT_ID = "7f1b103c-df15-42b0-aab4-77d26415479c";
    private static final String WISH = "92276658-1e27-41c0-8a6a-63ec24ede6a4";
    private static final String PINNED_ASSIGNMENT = "7a1e5c93-2d4b-4f86-b0c7-3e9f8a6d2b14";
    private static final String PINNED_UNIT = "c4e2a9d1-7b3f-4e60-8a15-2f9d0c6b7e48";

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
    void theUnitsPatrolDutyCountsEachAssignmentAndPatrolOnceWhateverTheOrderOrRedelivery() throws Exception {
        String admin = token();
        String street = createUnit(admin, "STREET_COMMITTEE", "街道" + UUID.randomUUID(), null);
        String community = createUnit(admin, "COMMUNITY_COMMITTEE", "社区" + UUID.randomUUID(), street);
        String unitId = postJson(admin, "/api/v1/dual-registration/units",
                "{\"name\": \"县城管局\", \"pairedCommunityIds\": [\"" + community + "\"]}").get("id").asString();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        LocalDate newYear = today.withDayOfYear(1);
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();

        List<String> eventIds = new ArrayList<>();
        String patrolOfFirst = newId(patrolRecorded(first, unitId, 1, today), eventIds);
        sendProperty(second, newId(patrolRecorded(second, unitId, 1, today), eventIds));
        sendProperty(first, newId(assignmentStarted(first, unitId, newYear), eventIds));
        sendProperty(first, patrolOfFirst);
        sendProperty(first, patrolOfFirst);
        sendProperty(first, newId(patrolOfFirst, eventIds));
        sendProperty(second, newId(assignmentStarted(second, unitId, newYear), eventIds));
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.count(Query.query(Criteria.where("eventId")
                .in(eventIds).and("consumer").is("org-service")), "processed_events") == eventIds.size());

        JsonNode duty = JSON.readTree(readUnit(unitId, admin).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).get("patrolDuty");
        int duePerAssignment = (today.getDayOfYear() - 1) / 7;
        assertThat(duty).hasSize(1);
        assertThat(duty.get(0).get("year").asInt()).isEqualTo(today.getYear());
        assertThat(duty.get(0).get("assignments").asInt()).isEqualTo(2);
        assertThat(duty.get(0).get("patrolsDone").asInt()).isEqualTo(2);
        assertThat(duty.get(0).get("patrolsDue").asInt()).isEqualTo(2 * duePerAssignment);
        assertThat(duty.get(0).get("overdueAssignments").asInt()).isZero();
        readUnit(unitId, streetAdmin(admin, createUnit(admin, "STREET_COMMITTEE", "别的街道" + UUID.randomUUID(), null)))
                .andExpect(status().isForbidden());
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

    /** The event under a new event id, which is added to {@code ids}. */
    private static String newId(String event, List<String> ids) throws Exception {
        String id = UUID.randomUUID().toString();
        ids.add(id);
        return event.replace(JSON.readTree(event).get("eventId").asString(), id);
    }

    private void sendProperty(String assignmentId, String event) throws Exception {
        kafka.send(Topics.PROPERTY_EVENTS, assignmentId, event).get();
    }

    /** property-service's pinned PatrolAssignmentStarted for this assignment and unit, weekly from {@code startsOn}. */
    private static String assignmentStarted(String assignmentId, String unitId, LocalDate startsOn) throws Exception {
        return contract("property-events/PatrolAssignmentStarted").replace(PINNED_ASSIGNMENT, assignmentId)
                .replace(PINNED_UNIT, unitId).replace("2026-12-01", startsOn.toString())
                .replace("2027-11-30", startsOn.plusYears(1).minusDays(1).toString());
    }

    private static String patrolRecorded(String assignmentId, String unitId, int number, LocalDate on) throws Exception {
        return contract("property-events/PatrolRecorded").replace(PINNED_ASSIGNMENT, assignmentId)
                .replace(PINNED_UNIT, unitId).replace("\"patrolNumber\": 1", "\"patrolNumber\": " + number)
                .replace("2026-12-07", on.toString());
    }

    private static String contract(String name) throws Exception {
        try (InputStream in = DualRegistrationIT.class.getResourceAsStream("/contracts/" + name + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private ResultActions readUnit(String unitId, String token) throws Exception {
        return mvc.perform(get("/api/v1/dual-registration/units/" + unitId).header(HttpHeaders.AUTHORIZATION, "Bearer " + token));
    }

    /** A STREET_ADMIN account of the street, signed in. */
    private String streetAdmin(String admin, String streetId) throws Exception {
        String username = "street-admin-" + UUID.randomUUID().toString().substring(0, 8);
        postJson(admin, "/api/v1/accounts", "{\"username\": \"" + username + "\", \"password\": \""
                + InitialPasswords.INITIAL + "\", \"roles\": [\"STREET_ADMIN\"], \"orgUnitId\": \"" + streetId + "\"}");
        InitialPasswords.changeInitial(mvc, username, "Street-Admin-Pass1");
        return token(username, "Street-Admin-Pass1");
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
