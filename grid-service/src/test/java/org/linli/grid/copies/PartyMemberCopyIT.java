package org.linli.grid.copies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.events.Topics;
import org.linli.grid.copies.KnownPartyMembers.KnownPartyMember;
import org.linli.platform.test.EmbeddedInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * grid-service consumes org-service's pinned PartyMemberRegistered and PartyMemberTransferred into its member
 * copy (for station duty rosters): once however often delivered, and a late registration does not undo a transfer.
 */
@SpringBootTest
@AutoConfigureMockMvc
@EmbeddedInfrastructure
class PartyMemberCopyIT {

    private static final String MEMBER = "9c3d1f2a-7e4b-4a6c-8d2e-1f0a9b8c7d61";
    private static final String ROOT = "/a3d4e5f6-0000-4000-8000-000000000001/";
    private static final String COMMUNITY = "0b7e2c4a-51f9-4c0e-8f1e-9d0a7c3b5e11";
    private static final String OLD_BRANCH = "5e6f7a8b-0000-4000-8000-000000000003";
    private static final String NEW_BRANCH = "5e6f7a8b-0000-4000-8000-000000000004";

    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    KnownPartyMembers members;

    @BeforeEach
    void forgetEverything() {
        mongo.dropCollection(PartyMemberCopy.class);
        mongo.dropCollection("processed_events");
    }

    @Test
    void appliesThePinnedRegistrationOnceEvenWhenDeliveredThreeTimes() throws Exception {
        String registered = pinned("PartyMemberRegistered");
        for (int i = 0; i < 3; i++) {
            kafka.send(Topics.ORG_EVENTS, MEMBER, registered).get();
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> members.find(MEMBER).isPresent());
        await().atMost(Duration.ofSeconds(20)).until(() -> marks("6f1c2a1e-3b7d-4d7e-9a55-0c1f4b1d2e11") == 1);
        Thread.sleep(500);
        assertThat(marks("6f1c2a1e-3b7d-4d7e-9a55-0c1f4b1d2e11")).isEqualTo(1);
        assertThat(mongo.findAll(PartyMemberCopy.class)).hasSize(1);
        KnownPartyMember member = members.find(MEMBER).orElseThrow();
        assertThat(member.name()).isEqualTo("王建国");
        assertThat(member.branchId()).isEqualTo(OLD_BRANCH);
        assertThat(member.unitPath()).isEqualTo(ROOT + COMMUNITY + "/" + OLD_BRANCH + "/");
        assertThat(member.servesIn(COMMUNITY, ROOT + COMMUNITY + "/")).isTrue();
        assertThat(member.servesIn("other", ROOT + "other/")).isFalse();
    }

    @Test
    void aTransferDeliveredBeforeTheRegistrationIsNotUndoneByIt() throws Exception {
        kafka.send(Topics.ORG_EVENTS, MEMBER, pinned("PartyMemberTransferred")).get();
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.findById(MEMBER, PartyMemberCopy.class) != null);
        assertThat(members.find(MEMBER)).as("not a known member before its registration").isEmpty();

        kafka.send(Topics.ORG_EVENTS, MEMBER, pinned("PartyMemberRegistered")).get();
        await().atMost(Duration.ofSeconds(20)).until(() -> members.find(MEMBER).isPresent());

        KnownPartyMember member = members.find(MEMBER).orElseThrow();
        assertThat(member.name()).isEqualTo("王建国");
        assertThat(member.branchId()).isEqualTo(NEW_BRANCH);
        assertThat(member.unitPath()).isEqualTo(ROOT + COMMUNITY + "/" + NEW_BRANCH + "/");
        assertThat(member.residenceCommunityId()).isEqualTo(COMMUNITY);
    }

    private long marks(String eventId) {
        return mongo.count(Query.query(Criteria.where("eventId").is(eventId)), "processed_events");
    }

    private static String pinned(String type) throws Exception {
        try (InputStream in = PartyMemberCopyIT.class.getResourceAsStream("/contracts/org-events/" + type + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
