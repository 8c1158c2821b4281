package org.linli.issue.copies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.events.Topics;
import org.linli.platform.test.EmbeddedInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The pinned OrgUnitMoved of a community rewrites the org path of every record issue-service scopes by
 * it (issues, micro-wishes, meetings, compound copies) and points the community's issues at the new
 * street, once however often and under whichever event id it arrives.
 */
@SpringBootTest(properties = {"spring.kafka.consumer.group-id=issue-move-it-${random.uuid}",
        "linli.issue.sweep.enabled=false", "linli.issue.grid-service.url=http://127.0.0.1:9"})
@EmbeddedInfrastructure
class OrgUnitMoveIT {

    /** The pinned events' unit; this test moves a unit of its own, so the other ITs' seeded community stays put. */
    private static final String PINNED_UNIT = "0b7e2c4a-51f9-4c0e-8f1e-9d0a7c3b5e11";
    private static final String UNIT = "5d1c0e9a-7777-4c0e-8f1e-0a0b0c0d0e99";
    private static final String MOVED = "move-it-moved";
    private static final String ELSEWHERE = "move-it-elsewhere";
    private static final String OLD_STREET = "a3d4e5f6-0000-4000-8000-000000000001";
    private static final String NEW_STREET = "a3d4e5f6-0000-4000-8000-000000000002";
    private static final String OLD_PATH = "/" + OLD_STREET + "/" + UNIT + "/";
    private static final String NEW_PATH = "/" + NEW_STREET + "/" + UNIT + "/";
    private static final List<String> SCOPED = List.of("issues", "micro_wishes", "meetings", "compound_copies");

    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    MongoTemplate mongo;

    private final String createdEvent = UUID.randomUUID().toString();
    private final String movedEvent = UUID.randomUUID().toString();
    private final String sameMoveOtherEvent = UUID.randomUUID().toString();

    @BeforeEach
    void recordsOfTheCommunityAndOfAnotherOne() {
        for (String collection : SCOPED) {
            mongo.remove(Query.query(Criteria.where("_id").in(MOVED, ELSEWHERE)), collection);
            mongo.insert(new Document("_id", MOVED).append("communityPath", OLD_PATH).append("communityUnitId", UNIT)
                    .append("streetUnitId", OLD_STREET), collection);
            mongo.insert(new Document("_id", ELSEWHERE).append("communityPath", "/other/")
                    .append("communityUnitId", "other").append("streetUnitId", OLD_STREET), collection);
        }
    }

    @AfterEach
    void leaveNothingBehind() {
        for (String collection : SCOPED) {
            mongo.remove(Query.query(Criteria.where("_id").in(MOVED, ELSEWHERE)), collection);
        }
        mongo.remove(Query.query(Criteria.where("_id").is(UNIT)), "org_unit_copies");
    }

    @Test
    void aMovedCommunitysIssuesWishesMeetingsAndCompoundsFollowItToTheNewStreetOnce() throws Exception {
        String moved = pinned("OrgUnitMoved", movedEvent);
        kafka.send(Topics.ORG_EVENTS, UNIT, pinned("OrgUnitCreated", createdEvent)).get();
        kafka.send(Topics.ORG_EVENTS, UNIT, moved).get();
        kafka.send(Topics.ORG_EVENTS, UNIT, moved).get();
        kafka.send(Topics.ORG_EVENTS, UNIT, pinned("OrgUnitMoved", sameMoveOtherEvent)).get();

        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.count(Query.query(Criteria.where("eventId")
                .in(movedEvent, sameMoveOtherEvent)), "processed_events") == 2);
        for (String collection : SCOPED) {
            assertThat(field(collection, MOVED, "communityPath")).as(collection).isEqualTo(NEW_PATH);
            assertThat(field(collection, ELSEWHERE, "communityPath")).as(collection).isEqualTo("/other/");
        }
        assertThat(field("issues", MOVED, "streetUnitId")).isEqualTo(NEW_STREET);
        assertThat(field("issues", ELSEWHERE, "streetUnitId")).isEqualTo(OLD_STREET);
        assertThat(field("org_unit_copies", UNIT, "path")).isEqualTo(NEW_PATH);
    }

    private Object field(String collection, String id, String field) {
        return mongo.findById(id, Document.class, collection).get(field);
    }

    /** The pinned event of {@code type}, about this test's unit and under {@code eventId}. */
    private static String pinned(String type, String eventId) throws Exception {
        try (InputStream in = OrgUnitMoveIT.class.getResourceAsStream("/contracts/org-events/" + type + ".json")) {
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace(PINNED_UNIT, UNIT);
            return json.replaceFirst("\"eventId\": \"[^\"]+\"", "\"eventId\": \"" + eventId + "\"");
        }
    }
}
