package org.linli.points.copies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.events.Topics;
import org.linli.platform.test.EmbeddedInfrastructure;
import org.linli.points.Callers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A community moved to another street (the pinned OrgUnitMoved): its points data follows it, so an
 * admin of the new street covers the volunteer's account and the black-list entry, and an admin of the
 * old street no longer does; accounts, activities, rewards, redemptions, standards and party members
 * carry the new path; a redelivered move, or the same move under another event id, changes nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
@EmbeddedInfrastructure
class OrgUnitMoveIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The pinned events' unit; this test moves a unit of its own, so no other IT's community moves. */
    private static final String PINNED_UNIT = "0b7e2c4a-51f9-4c0e-8f1e-9d0a7c3b5e11";
    private static final String UNIT = "5d1c0e9a-7777-4c0e-8f1e-0a0b0c0d0e99";
    private static final String OLD_STREET_PATH = "/a3d4e5f6-0000-4000-8000-000000000001/";
    private static final String NEW_STREET_PATH = "/a3d4e5f6-0000-4000-8000-000000000002/";
    private static final String OLD_PATH = OLD_STREET_PATH + UNIT + "/";
    private static final String NEW_PATH = NEW_STREET_PATH + UNIT + "/";
    private final String volunteer = "volunteer-" + UUID.randomUUID();
    private final String redemption = "redemption-" + UUID.randomUUID();
    private final String member = "member-" + UUID.randomUUID();

    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    MockMvc mvc;

    private final RequestPostProcessor communityAdmin = Callers.communityAdmin("community-admin", OLD_PATH);
    private final RequestPostProcessor oldStreetAdmin = Callers.caller("old-street-admin", OLD_STREET_PATH, "STREET_ADMIN");
    private final RequestPostProcessor newStreetAdmin = Callers.caller("new-street-admin", NEW_STREET_PATH, "STREET_ADMIN");

    @BeforeEach
    void theUnitIsNotKnownYet() {
        mongo.remove(Query.query(Criteria.where("_id").is(UNIT)), "org_unit_copies");
    }

    @Test
    void anAdminOfTheNewStreetCoversTheMovedCommunitysPointsDataAndTheOldStreetNoLonger() throws Exception {
        kafka.send(Topics.ORG_EVENTS, UNIT, pinned("OrgUnitCreated", UUID.randomUUID().toString())).get();
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.findById(UNIT, Document.class, "org_unit_copies") != null);
        String activity = creditedActivity();
        String rewardId = body(mvc.perform(post("/api/v1/rewards").with(communityAdmin).contentType(MediaType.APPLICATION_JSON)
                .content("{\"communityUnitId\": \"" + UNIT + "\", \"name\": \"毛巾\", \"pointsPrice\": 5, \"stock\": 3}"))
                .andExpect(status().isCreated())).get("id").asString();
        String listed = body(mvc.perform(post("/api/v1/honour-lists/black-list").with(communityAdmin)
                .contentType(MediaType.APPLICATION_JSON).content("{\"accountId\": \"" + volunteer + "\", \"communityUnitId\": \""
                        + UNIT + "\", \"reason\": \"虚假签到\", \"until\": \"" + Instant.now().plus(30, ChronoUnit.DAYS) + "\"}"))
                .andExpect(status().isCreated())).get("id").asString();
        mongo.insert(new Document("_id", redemption).append("communityPath", OLD_PATH), "redemptions");
        mongo.insert(new Document("_id", member).append("unitPath", OLD_PATH + "branch/"), "party_members");
        readAccount(newStreetAdmin).andExpect(status().isForbidden());

        String movedEvent = UUID.randomUUID().toString();
        String sameMoveOtherEvent = UUID.randomUUID().toString();
        kafka.send(Topics.ORG_EVENTS, UNIT, pinned("OrgUnitMoved", movedEvent)).get();
        kafka.send(Topics.ORG_EVENTS, UNIT, pinned("OrgUnitMoved", movedEvent)).get();
        kafka.send(Topics.ORG_EVENTS, UNIT, pinned("OrgUnitMoved", sameMoveOtherEvent)).get();
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.count(Query.query(Criteria.where("eventId")
                .in(movedEvent, sameMoveOtherEvent)), "processed_events") == 2);

        readAccount(newStreetAdmin).andExpect(status().isOk()).andExpect(jsonPath("$.balance").value(10));
        readAccount(oldStreetAdmin).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/honour-lists/black-list/" + listed).with(newStreetAdmin)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/honour-lists/black-list/" + listed).with(oldStreetAdmin)).andExpect(status().isForbidden());
        assertThat(field("activities", activity, "communityPath")).isEqualTo(NEW_PATH);
        assertThat(field("rewards", rewardId, "communityPath")).isEqualTo(NEW_PATH);
        assertThat(field("redemptions", redemption, "communityPath")).isEqualTo(NEW_PATH);
        assertThat(field("party_members", member, "unitPath")).isEqualTo(NEW_PATH + "branch/");
        assertThat(field("org_unit_copies", UNIT, "path")).isEqualTo(NEW_PATH);
        assertThat(mongo.find(Query.query(Criteria.where("accountId").is(volunteer)), Document.class, "ledger_entries"))
                .singleElement()
                .satisfies(entry -> assertThat(entry.getString("communityPath")).isEqualTo(OLD_PATH));
    }

    @Test
    void aReplayedOlderRenameAfterANewerOneChangesNoCopy() throws Exception {
        String unit = "replayed-rename-" + UUID.randomUUID();
        String older = UUID.randomUUID().toString();
        kafka.send(Topics.ORG_EVENTS, unit, versioned("OrgUnitCreated", unit, UUID.randomUUID().toString(), 1)).get();
        kafka.send(Topics.ORG_EVENTS, unit, versioned("OrgUnitRenamed", unit, UUID.randomUUID().toString(), 3)
                .replace("檀溪社区党委（新）", "较新的名字")).get();
        kafka.send(Topics.ORG_EVENTS, unit, versioned("OrgUnitRenamed", unit, older, 2)
                .replace("檀溪社区党委（新）", "较旧的名字")).get();

        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.count(Query.query(Criteria.where("eventId").is(older)),
                "processed_events") == 1);
        assertThat(field("org_unit_copies", unit, "name")).isEqualTo("较新的名字");
    }

    /** The pinned event of {@code type} about {@code unit}, under {@code eventId}, with an aggregate version. */
    private static String versioned(String type, String unit, String eventId, long version) throws Exception {
        return pinned(type, eventId).replace(UNIT, unit)
                .replace("\"schemaVersion\": 1,", "\"schemaVersion\": 1, \"aggregateVersion\": " + version + ",");
    }

    /** An hour of clean-up in the community, confirmed: the volunteer's account is now the community's. */
    private String creditedActivity() throws Exception {
        Instant startsAt = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        String id = body(mvc.perform(post("/api/v1/activities").with(communityAdmin).contentType(MediaType.APPLICATION_JSON)
                .content("{\"communityUnitId\": \"" + UNIT + "\", \"title\": \"清理楼道\", \"type\": \"CLEAN_UP\", "
                        + "\"place\": \"3号楼\", \"startsAt\": \"" + startsAt + "\", \"endsAt\": \""
                        + startsAt.plus(1, ChronoUnit.HOURS) + "\", \"capacity\": 5}"))
                .andExpect(status().isCreated())).get("id").asString();
        mvc.perform(post("/api/v1/activities/" + id + "/enrolments").with(communityAdmin)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"accountId\": \"" + volunteer + "\"}"))
                .andExpect(status().isCreated());
        for (String step : List.of("check-ins", "check-outs")) {
            Instant at = step.equals("check-ins") ? startsAt : startsAt.plus(1, ChronoUnit.HOURS);
            mvc.perform(post("/api/v1/activities/" + id + "/" + step).with(communityAdmin)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"accountId\": \"" + volunteer + "\", \"at\": \"" + at + "\"}")).andExpect(status().isOk());
        }
        mvc.perform(post("/api/v1/activities/" + id + "/confirmation").with(communityAdmin)).andExpect(status().isOk());
        return id;
    }

    private ResultActions readAccount(RequestPostProcessor caller) throws Exception {
        return mvc.perform(get("/api/v1/points/accounts/" + volunteer).with(caller));
    }

    private Object field(String collection, String id, String field) {
        return mongo.findById(id, Document.class, collection).get(field);
    }

    private static JsonNode body(ResultActions result) throws Exception {
        return JSON.readTree(result.andReturn().getResponse().getContentAsString());
    }

    /** The pinned event of {@code type}, about this test's unit and under {@code eventId}. */
    private static String pinned(String type, String eventId) throws Exception {
        try (InputStream in = OrgUnitMoveIT.class.getResourceAsStream("/contracts/org-events/" + type + ".json")) {
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace(PINNED_UNIT, UNIT);
            return json.replaceFirst("\"eventId\": \"[^\"]+\"", "\"eventId\": \"" + eventId + "\"");
        }
    }
}
