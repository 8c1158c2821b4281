package org.linli.e2e.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linli.devstack.EmbeddedMongo;

class ScansTest {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @Test
    void theLogScanNamesFileAndLineOfEachFindingMasked(@TempDir Path logs) throws Exception {
        Files.writeString(logs.resolve("org-service.log"), "started\nregistered member 11010519491231002X\n");
        Files.writeString(logs.resolve("grid-service.log.1"), "a\nb\nworker phone 13912345678\n");
        Files.writeString(logs.resolve("issue-service.log"), "request 0c5e6f1a-1b2c-4d5e-8f90-139123456789 done\n");

        int findings = new LogScan(out).scan(logs);

        String report = printed.toString(StandardCharsets.UTF_8);
        assertThat(findings).isEqualTo(2);
        assertThat(report).contains("grid-service.log.1:3: mobile 139****5678")
                .contains("org-service.log:2: id-number 1101**********002X")
                .doesNotContain("13912345678").doesNotContain("11010519491231002X");
    }

    @Test
    void theStoreScanWalksEveryDatabaseCollectionAndNestedValue() {
        try (EmbeddedMongo store = EmbeddedMongo.inMemory();
             MongoClient client = MongoClients.create(store.uri("org-service"))) {
            client.getDatabase("org-service").getCollection("party_members").insertOne(new Document("_id", "m-1")
                    .append("idNumber", "enc:1:AbX13912345678Qw").append("phone", "enc:1:Zz"));
            client.getDatabase("grid-service").getCollection("households").insertOne(new Document("_id", "h-1")
                    .append("members", List.of(new Document("contact", "电话13912345678"))));
            client.getDatabase("issue-service").getCollection("idempotency_keys").insertOne(new Document("_id", "k-1")
                    .append("body", new Binary("{\"idNumber\":\"11010519491231002X\"}".getBytes(StandardCharsets.UTF_8))));

            int findings = new StoreScan(out).scan(store.uri(""));

            String report = printed.toString(StandardCharsets.UTF_8);
            assertThat(findings).isEqualTo(2);
            assertThat(report).contains("grid-service.households _id=h-1 field=members[0].contact: mobile 139****5678")
                    .contains("issue-service.idempotency_keys _id=k-1 field=body: id-number 1101**********002X")
                    .doesNotContain("party_members _id");
        }
    }
}
