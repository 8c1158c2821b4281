package org.linli.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.file.Path;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedMongoTest {

    @Test
    void answersHelloAsAWritablePrimarySoHealthChecksPass() {
        try (EmbeddedMongo mongo = EmbeddedMongo.inMemory(); MongoClient client = MongoClients.create(mongo.uri("t"))) {
            Document hello = client.getDatabase("admin").runCommand(new Document("hello", 1));
            assertThat(hello.get("isWritablePrimary")).isEqualTo(true);
            assertThat(hello.getInteger("maxWireVersion")).isPositive();
        }
    }

    @Test
    void keepsDataOnDiskAcrossRestarts(@TempDir Path dir) {
        try (EmbeddedMongo mongo = EmbeddedMongo.onDisk(dir, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(mongo.uri("t"))) {
            client.getDatabase("t").getCollection("c").insertOne(new Document("_id", "kept").append("n", 1));
        }
        try (EmbeddedMongo mongo = EmbeddedMongo.onDisk(dir, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(mongo.uri("t"))) {
            assertThat(client.getDatabase("t").getCollection("c").find(new Document("_id", "kept")).first())
                    .isNotNull().containsEntry("n", 1);
        }
    }

    @Test
    void rebuildsItsIndexesWhenItOpensTheFileAgain(@TempDir Path dir) {
        try (EmbeddedMongo mongo = EmbeddedMongo.onDisk(dir, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(mongo.uri("t"))) {
            var issues = client.getDatabase("t").getCollection("issues");
            issues.createIndex(new Document("status", 1));
            issues.createIndex(new Document("ref", 1), new com.mongodb.client.model.IndexOptions().unique(true));
            for (int i = 0; i < 50; i++) {
                issues.insertOne(new Document("_id", "i" + i).append("status", i % 5 == 0 ? "OPEN" : "CLOSED").append("ref", "r" + i));
            }
        }
        try (EmbeddedMongo mongo = EmbeddedMongo.onDisk(dir, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(mongo.uri("t"))) {
            var issues = client.getDatabase("t").getCollection("issues");
            assertThat(issues.countDocuments(new Document("status", "OPEN"))).isEqualTo(10);
            assertThat(issues.find(new Document("_id", "i7")).first()).isNotNull().containsEntry("ref", "r7");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> issues.insertOne(new Document("_id", "new").append("ref", "r3")))
                    .isInstanceOf(com.mongodb.MongoWriteException.class).hasMessageContaining("duplicate key");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> issues.insertOne(new Document("_id", "i3")))
                    .isInstanceOf(com.mongodb.MongoWriteException.class).hasMessageContaining("duplicate key");
        }
    }

    @Test
    void listsItsDatabasesWithoutOpeningThemAgain() {
        try (EmbeddedMongo mongo = EmbeddedMongo.inMemory(); MongoClient client = MongoClients.create(mongo.uri("t"))) {
            client.getDatabase("t").getCollection("c").insertOne(new Document("_id", "a"));
            var names = client.listDatabaseNames().into(new java.util.ArrayList<>());
            assertThat(names).contains("t");
            assertThat(client.getDatabase("t").getCollection("c").countDocuments()).isEqualTo(1);
        }
    }
}
