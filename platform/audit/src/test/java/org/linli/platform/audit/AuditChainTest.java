package org.linli.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The chain on the embedded store: two replicas appending at once, a crash before the head moved, the purge. */
class AuditChainTest {

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        database = client.getDatabase("issue-service");
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void twoReplicasAppendingAtOnceKeepOneUnbrokenChain() throws Exception {
        AuditChain first = new AuditChain(database);
        AuditChain second = new AuditChain(database);
        ExecutorService writers = Executors.newFixedThreadPool(16); // enough to form batches (group commits) that race
        List<Future<AuditRecord>> appended = new ArrayList<>();
        try {
            for (int i = 0; i < 400; i++) {
                AuditChain replica = i % 2 == 0 ? first : second;
                appended.add(writers.submit(() -> replica.append(ChainVerifierTest.entry("acc"))));
            }
            for (Future<AuditRecord> record : appended) {
                record.get();
            }
        } finally {
            writers.shutdownNow();
        }

        ChainVerifier.Verification verification = first.verify();
        assertThat(verification.intact()).isTrue();
        assertThat(verification.checkedRecords()).isEqualTo(400);
        List<Long> sequences = new ArrayList<>();
        for (Future<AuditRecord> record : appended) {
            sequences.add(record.get().sequence());
        }
        assertThat(sequences).doesNotHaveDuplicates().allMatch(sequence -> sequence >= 1 && sequence <= 400);
    }

    @Test
    void theNextWriterRepairsAHeadLeftBehindByACrash() {
        AuditChain crashed = new AuditChain(database);
        crashed.append(ChainVerifierTest.entry("acc"));
        crashed.append(ChainVerifierTest.entry("acc"));
        database.getCollection(AuditChain.CHAIN).updateOne(Filters.eq("_id", AuditChain.HEAD),
                Updates.set("sequence", 1L)); // as if the head update of record 2 was lost

        AuditRecord third = new AuditChain(database).append(ChainVerifierTest.entry("acc"));

        assertThat(third.sequence()).isEqualTo(3);
        assertThat(new AuditChain(database).verify().checkedRecords()).isEqualTo(3);
        assertThat(new AuditChain(database).verify().intact()).isTrue();
    }

    @Test
    void thePurgeRemovesOnlyOldRecordsFromTheStartAndTheRestStillVerifies() {
        AuditChain chain = new AuditChain(database);
        for (int i = 0; i < 5; i++) {
            chain.append(ChainVerifierTest.entry("acc"));
        }
        database.getCollection(AuditChain.RECORDS).updateMany(Filters.in("_id", 1L, 2L, 4L),
                Updates.set("at", java.util.Date.from(Instant.parse("2020-01-01T00:00:00Z"))));

        long removed = chain.purgeBefore(Instant.parse("2026-01-01T00:00:00Z"), 100);

        assertThat(removed).isEqualTo(2); // 4 is old too, but 3 is kept, so 4 stays
        assertThat(database.getCollection(AuditChain.RECORDS).find(Filters.eq("_id", 4L)).first()).isNotNull();
        ChainVerifier.Verification verification = chain.verify();
        assertThat(verification.firstBreak()).isNotNull(); // 4's date was altered by hand above
        assertThat(verification.firstBreak().sequence()).isEqualTo(4);
        assertThat(verification.checkedRecords()).isEqualTo(1);
    }

    @Test
    void retentionBelowHalfAYearIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new AuditProperties("org", Duration.ofDays(90), Duration.ofHours(6)))
                .hasMessageContaining("P180D");
    }

    @Test
    void theVerifyCommandExitsWithOneAndNamesTheAlteredRecord() {
        AuditChain chain = new AuditChain(database);
        for (int i = 0; i < 3; i++) {
            chain.append(ChainVerifierTest.entry("acc"));
        }
        database.getCollection(AuditChain.RECORDS).updateOne(Filters.eq("_id", 2L), Updates.set("status", 403));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        InetSocketAddress address = server.getLocalAddress();

        int status = VerifyCommand.run(new String[] {"--uri",
                        "mongodb://" + address.getHostString() + ":" + address.getPort(), "issue-service"},
                new java.io.PrintStream(out), System.err);

        assertThat(status).isEqualTo(1);
        assertThat(out.toString()).contains("issue-service").contains("first break at record 2").contains("altered");
    }
}
