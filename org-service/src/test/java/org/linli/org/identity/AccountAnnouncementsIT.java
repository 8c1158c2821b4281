package org.linli.org.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.linli.events.Topics;
import org.linli.platform.test.EmbeddedInfrastructure;
import org.linli.platform.test.PublishedEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/** An account stored before {@code AccountOpened} existed is announced once at start, in the pinned shape. */
@SpringBootTest
@ActiveProfiles("test")
@EmbeddedInfrastructure
class AccountAnnouncementsIT {

    @Autowired
    MongoTemplate mongo;
    @Autowired
    AccountAnnouncements announcements;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Test
    void anAccountStoredBeforeTheEventExistedIsAnnouncedOnce() {
        String id = UUID.randomUUID().toString();
        mongo.save(new Document("_id", id).append("username", "old-" + id).append("displayName", "老账号")
                .append("passwordHash", "x").append("kind", "PERSON").append("roles", List.of("RESIDENT"))
                .append("orgUnitId", "c-old").append("orgUnitPath", "/s/c-old/").append("failedLogins", 0)
                .append("createdAt", Instant.parse("2026-01-01T00:00:00Z")).append("version", 3L), "accounts");
        // data from before the event: no marker of a completed pass yet
        mongo.remove(new org.springframework.data.mongodb.core.query.Query(), "migrations");

        announcements.run(new DefaultApplicationArguments());

        JsonNode published = PublishedEvents.awaitFirst(bootstrapServers, Topics.ORG_EVENTS, id, "AccountOpened");
        PublishedEvents.assertMatchesExample(published, "org-events");
        assertThat(published.get("payload").get("displayName").asString()).isEqualTo("老账号");
        assertThat(mongo.findById(id, Account.class).announced()).isTrue();
        Long version = mongo.findById(id, Account.class).version();
        announcements.run(new DefaultApplicationArguments());
        assertThat(mongo.findById(id, Account.class).version()).as("not announced again").isEqualTo(version);
        assertThat(mongo.getCollection("migrations").countDocuments()).as("later starts skip the pass").isEqualTo(1);
    }
}
