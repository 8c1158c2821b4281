package org.linli.grid.copies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.events.Topics;
import org.linli.platform.test.EmbeddedInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * grid-service consumes org-service's pinned org-unit events into its read copy, once however often they arrive,
 * never going back to an older version, and refusing (to the dead-letter topic) a move that breaks the contract.
 */
@SpringBootTest
@AutoConfigureMockMvc
@EmbeddedInfrastructure
class OrgUnitCopyIT {

    private static final String UNIT = "0b7e2c4a-51f9-4c0e-8f1e-9d0a7c3b5e11";
    private static final String PATH = "/a3d4e5f6-0000-4000-8000-000000000001/" + UNIT + "/";

    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    MockMvc mvc;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @BeforeEach
    void forgetEverything() {
        mongo.dropCollection(OrgUnitCopy.class);
        mongo.dropCollection("processed_events");
    }

    @Test
    void appliesTheProducersPinnedEventOnceEvenWhenDeliveredThreeTimes() throws Exception {
        String pinned = pinned();
        for (int i = 0; i < 3; i++) {
            kafka.send(Topics.ORG_EVENTS, UNIT, pinned).get();
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.findById(UNIT, OrgUnitCopy.class) != null);
        await().atMost(Duration.ofSeconds(20)).until(() -> marks() == 1);
        Thread.sleep(500);
        assertThat(marks()).isEqualTo(1);
        assertThat(mongo.findAll(OrgUnitCopy.class)).singleElement().satisfies(copy -> {
            assertThat(copy.name()).isEqualTo("檀溪社区党委");
            assertThat(copy.unitType()).isEqualTo("COMMUNITY_COMMITTEE");
            assertThat(copy.path()).isEqualTo(PATH);
        });

        mvc.perform(get("/api/v1/grids/org-units/" + UNIT).with(jwt().jwt(token -> token
                        .claim("roles", List.of("COMMUNITY_ADMIN")).claim("org_unit_id", UNIT).claim("org_unit_path", PATH))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("檀溪社区党委"));
        mvc.perform(get("/api/v1/grids/org-units/" + UNIT).with(jwt().jwt(token -> token
                        .claim("roles", List.of("COMMUNITY_ADMIN")).claim("org_unit_id", "other")
                        .claim("org_unit_path", "/a3d4e5f6-0000-4000-8000-000000000001/other/"))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/grids/org-units/unknown").with(jwt()))
                .andExpect(status().isNotFound());
    }

    @Test
    void listsTheCopiesDirectlyUnderAUnitPagedInIdOrderOnlyToCallersCoveringIt() throws Exception {
        mongo.insert(new OrgUnitCopy(UNIT, "COMMUNITY_COMMITTEE", "檀溪社区党委", "street", PATH, true, Instant.EPOCH));
        for (String child : List.of("c3", "c1", "c2")) {
            mongo.insert(new OrgUnitCopy(child, "GRID_BRANCH", "网格" + child, UNIT, PATH + child + "/", true, Instant.EPOCH));
        }
        mongo.insert(new OrgUnitCopy("grandchild", "GRID_BRANCH", "孙", "c1", PATH + "c1/grandchild/", true, Instant.EPOCH));

        mvc.perform(get("/api/v1/grids/org-units").param("parentId", UNIT).param("size", "2").with(communityAdmin(UNIT, PATH)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[*].id").value(contains("c1", "c2")))
                .andExpect(jsonPath("$.page.totalElements").value(3));
        mvc.perform(get("/api/v1/grids/org-units").param("parentId", UNIT).param("page", "1").param("size", "2")
                        .with(communityAdmin(UNIT, PATH)))
                .andExpect(jsonPath("$.content[*].id").value(contains("c3")));
        mvc.perform(get("/api/v1/grids/org-units").param("parentId", UNIT)
                        .with(communityAdmin("other", "/a3d4e5f6-0000-4000-8000-000000000001/other/")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/grids/org-units").param("parentId", "not-arrived").with(communityAdmin(UNIT, PATH)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/grids/org-units").with(communityAdmin(UNIT, PATH)))
                .andExpect(status().isBadRequest());
    }

    private static RequestPostProcessor communityAdmin(String unit, String path) {
        return jwt().jwt(token -> token.claim("roles", List.of("COMMUNITY_ADMIN")).claim("org_unit_id", unit)
                .claim("org_unit_path", path));
    }

    @Test
    void followsRenamesMovesOfWholeSubtreesAndDeactivationFromThePinnedEvents() throws Exception {
        String child = pinned("OrgUnitCreated").replace("6f1c2a1e-3b7d-4d7e-9a55-0c1f4b1d2e01", "child-created-event")
                .replace("\"unitId\": \"" + UNIT + "\"", "\"unitId\": \"child-unit\"")
                .replace(UNIT + "/\"", UNIT + "/child-unit/\"");
        kafka.send(Topics.ORG_EVENTS, UNIT, pinned("OrgUnitCreated")).get();
        kafka.send(Topics.ORG_EVENTS, UNIT, child).get();
        for (String type : List.of("OrgUnitRenamed", "OrgUnitMoved", "OrgUnitDeactivated")) {
            kafka.send(Topics.ORG_EVENTS, UNIT, pinned(type)).get();
        }

        String newPath = "/a3d4e5f6-0000-4000-8000-000000000002/" + UNIT + "/";
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            OrgUnitCopy copy = mongo.findById(UNIT, OrgUnitCopy.class);
            return copy != null && !copy.active();
        });
        OrgUnitCopy unit = mongo.findById(UNIT, OrgUnitCopy.class);
        assertThat(unit.name()).isEqualTo("檀溪社区党委（新）");
        assertThat(unit.path()).isEqualTo(newPath);
        assertThat(mongo.findById("child-unit", OrgUnitCopy.class).path()).isEqualTo(newPath + "child-unit/");
    }

    @Test
    void aMoveRewritesThePathOfEveryRecordScopedByTheMovedCommunityOnceEvenWhenRedelivered() throws Exception {
        String newPath = "/a3d4e5f6-0000-4000-8000-000000000002/" + UNIT + "/";
        List<String> scoped = List.of("grids", "buildings", "households", "grid_worker_appointments", "stations",
                "notices", "notice_delivery_tasks", "campaign_cases");
        for (String collection : scoped) {
            mongo.remove(Query.query(Criteria.where("_id").in("moved", "elsewhere")), collection);
            mongo.insert(new Document("_id", "moved").append("communityPath", PATH), collection);
            mongo.insert(new Document("_id", "elsewhere").append("communityPath", "/other/"), collection);
        }
        mongo.remove(Query.query(Criteria.where("_id").is("member")), "party_member_copies");
        mongo.insert(new Document("_id", "member").append("unitPath", PATH + "branch/"), "party_member_copies");
        mongo.remove(Query.query(Criteria.where("_id").is("drive")), "campaigns");
        mongo.insert(new Document("_id", "drive").append("areaPath", PATH).append("launcherPath", PATH), "campaigns");
        mongo.remove(Query.query(Criteria.where("_id").is("incident")), "emergencies");
        mongo.insert(new Document("_id", "incident").append("version", 3L)
                .append("communityPaths", List.of(PATH, "/other/"))
                .append("sites", List.of(new Document("gridId", "g1").append("communityPath", PATH),
                        new Document("gridId", "g2").append("communityPath", "/other/"))), "emergencies");

        kafka.send(Topics.ORG_EVENTS, UNIT, pinned("OrgUnitCreated")).get();
        for (int i = 0; i < 2; i++) {
            kafka.send(Topics.ORG_EVENTS, UNIT, pinned("OrgUnitMoved")).get();
        }
        kafka.send(Topics.ORG_EVENTS, UNIT, pinned("OrgUnitMoved").replace("6f1c2a1e-3b7d-4d7e-9a55-0c1f4b1d2e03",
                "the-same-move-under-another-event-id")).get();

        await().atMost(Duration.ofSeconds(20)).until(() -> ((List<?>) path("emergencies", "incident", "communityPaths"))
                .contains(newPath));
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.count(Query.query(Criteria.where("type")
                .is("OrgUnitMoved")), "processed_events") == 2);
        for (String collection : scoped) {
            assertThat(path(collection, "moved", "communityPath")).as(collection).isEqualTo(newPath);
            assertThat(path(collection, "elsewhere", "communityPath")).as(collection).isEqualTo("/other/");
        }
        assertThat(path("party_member_copies", "member", "unitPath")).isEqualTo(newPath + "branch/");
        assertThat(path("campaigns", "drive", "areaPath")).isEqualTo(newPath);
        assertThat(path("campaigns", "drive", "launcherPath")).isEqualTo(newPath);
        Document incident = mongo.findById("incident", Document.class, "emergencies");
        assertThat(incident.getList("communityPaths", String.class)).containsExactly(newPath, "/other/");
        assertThat(incident.getList("sites", Document.class)).extracting(site -> site.getString("communityPath"))
                .containsExactly(newPath, "/other/");
        assertThat(incident.get("version")).isEqualTo(4L);
        assertThat(mongo.findById(UNIT, OrgUnitCopy.class).path()).isEqualTo(newPath);
        for (String collection : scoped) {
            mongo.remove(Query.query(Criteria.where("_id").in("moved", "elsewhere")), collection);
        }
        mongo.remove(Query.query(Criteria.where("_id").is("member")), "party_member_copies");
        mongo.remove(Query.query(Criteria.where("_id").is("incident")), "emergencies");
        mongo.remove(Query.query(Criteria.where("_id").is("drive")), "campaigns");
    }

    @Test
    void aReplayedOlderRenameAfterANewerOneChangesNoCopy() throws Exception {
        String unit = "replayed-rename-" + UUID.randomUUID();
        kafka.send(Topics.ORG_EVENTS, unit, versioned("OrgUnitCreated", unit, "created-" + unit, 1)).get();
        kafka.send(Topics.ORG_EVENTS, unit, versioned("OrgUnitRenamed", unit, "newer-" + unit, 3)
                .replace("檀溪社区党委（新）", "较新的名字")).get();
        kafka.send(Topics.ORG_EVENTS, unit, versioned("OrgUnitRenamed", unit, "older-" + unit, 2)
                .replace("檀溪社区党委（新）", "较旧的名字")).get();

        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.count(Query.query(Criteria.where("eventId")
                .is("older-" + unit)), "processed_events") == 1);
        assertThat(mongo.findById(unit, OrgUnitCopy.class).name()).isEqualTo("较新的名字");
    }

    @Test
    void aMoveWithABlankOldPathGoesToTheDeadLetterTopicAndRewritesNoPath() throws Exception {
        mongo.remove(Query.query(Criteria.where("_id").is("blank-move")), "grids");
        mongo.insert(new Document("_id", "blank-move").append("communityPath", PATH), "grids");
        String eventId = "blank-old-path-" + UUID.randomUUID();
        String invalid = pinned("OrgUnitMoved").replace("6f1c2a1e-3b7d-4d7e-9a55-0c1f4b1d2e03", eventId)
                .replaceFirst("\"oldPath\": \"[^\"]+\"", "\"oldPath\": \"\"");

        kafka.send(Topics.ORG_EVENTS, UNIT, invalid).get();

        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters(Topics.deadLetterOf(Topics.ORG_EVENTS))
                .stream().anyMatch(json -> json.contains(eventId)));
        assertThat(path("grids", "blank-move", "communityPath")).isEqualTo(PATH);
        assertThat(mongo.count(Query.query(Criteria.where("eventId").is(eventId)), "processed_events")).isZero();
        mongo.remove(Query.query(Criteria.where("_id").is("blank-move")), "grids");
    }

    private List<String> deadLetters(String topic) {
        List<String> found = new java.util.ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrapServers,
                "group.id", "dlt-reader-" + UUID.randomUUID(), "auto.offset.reset", "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            for (int i = 0; i < 4; i++) {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> found.add(record.value()));
            }
        }
        return found;
    }

    /** A pinned event about {@code unit}, under {@code eventId}, with an aggregate version. */
    private static String versioned(String type, String unit, String eventId, long version) throws Exception {
        return pinned(type).replace(UNIT, unit)
                .replaceFirst("\"eventId\": \"[^\"]+\"", "\"eventId\": \"" + eventId + "\"")
                .replace("\"schemaVersion\": 1,", "\"schemaVersion\": 1, \"aggregateVersion\": " + version + ",");
    }

    private Object path(String collection, String id, String field) {
        Document doc = mongo.findById(id, Document.class, collection);
        return doc == null ? null : doc.get(field);
    }

    private long marks() {
        return mongo.count(Query.query(Criteria.where("eventId").is("6f1c2a1e-3b7d-4d7e-9a55-0c1f4b1d2e01")),
                "processed_events");
    }

    private static String pinned() throws Exception {
        return pinned("OrgUnitCreated");
    }

    private static String pinned(String type) throws Exception {
        try (InputStream in = OrgUnitCopyIT.class.getResourceAsStream("/contracts/org-events/" + type + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
