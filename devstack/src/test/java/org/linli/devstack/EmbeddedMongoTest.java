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
}
