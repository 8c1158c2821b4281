package org.linli.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class ChainVerifierTest {

    private static final Instant NOON = Instant.parse("2026-12-05T04:00:00Z");

    /** A chain of {@code length} sealed records, as stored, and its head. */
    private static List<Document> chain(int length) {
        List<Document> documents = new ArrayList<>();
        String previous = AuditRecord.GENESIS;
        for (int sequence = 1; sequence <= length; sequence++) {
            AuditRecord record = entry("acc-" + sequence).seal(sequence, previous);
            documents.add(record.toDocument());
            previous = record.hash();
        }
        return documents;
    }

    static AuditRecord entry(String accountId) {
        return new AuditRecord(0, "issue", NOON, AuditRecord.Kind.WRITE,
                new AuditRecord.Actor(accountId, "wang", List.of("COMMUNITY_ADMIN"), "c1", "/county/street/c1/"),
                "POST /api/v1/issues/{id}/assignments", "/api/v1/issues/i-1/assignments", "i-1", 200,
                AuditRecord.Outcome.SUCCEEDED, "10.0.0.7", "req-1", null,
                List.of(new AuditRecord.Subject("acc-9", "issue", "i-1", List.of("reporterPhone"))), null, null);
    }

    private static Document head(List<Document> documents) {
        Document last = documents.get(documents.size() - 1);
        return new Document("_id", "head").append("sequence", last.get("_id")).append("hash", last.get("hash"));
    }

    private static ChainVerifier.Verification verify(List<Document> documents, Document head) {
        return ChainVerifier.verify(documents.iterator(), head, null);
    }

    @Test
    void anIntactChainChecksEveryRecord() {
        List<Document> documents = chain(5);

        ChainVerifier.Verification verification = verify(documents, head(documents));

        assertThat(verification.intact()).isTrue();
        assertThat(verification.checkedRecords()).isEqualTo(5);
    }

    @Test
    void aFieldAlteredByHandNamesThatRecord() {
        List<Document> documents = chain(5);
        Document head = head(documents);
        documents.get(2).get("actor", Document.class).put("accountId", "someone-else");

        ChainVerifier.Verification verification = verify(documents, head);

        assertThat(verification.firstBreak().sequence()).isEqualTo(3);
        assertThat(verification.firstBreak().reason()).startsWith("altered");
        assertThat(verification.checkedRecords()).isEqualTo(2);
    }

    @Test
    void aRecordResealedAfterAlterationBreaksTheLinkOfItsSuccessor() {
        List<Document> documents = chain(4);
        Document head = head(documents);
        AuditRecord forged = entry("someone-else").seal(2, documents.get(0).getString("hash"));
        documents.set(1, forged.toDocument());

        ChainVerifier.Verification verification = verify(documents, head);

        assertThat(verification.firstBreak().sequence()).isEqualTo(3);
        assertThat(verification.firstBreak().reason()).contains("previous hash is not record 2");
    }

    @Test
    void aDeletedRecordIsNamedAsMissing() {
        List<Document> documents = chain(5);
        Document head = head(documents);
        documents.remove(3);

        assertThat(verify(documents, head).firstBreak()).isEqualTo(new ChainVerifier.Break(4,
                "record 4 is missing (deleted)"));
    }

    @Test
    void theLastRecordDeletedIsNamedThroughTheHead() {
        List<Document> documents = chain(3);
        Document head = head(documents);
        documents.remove(2);

        assertThat(verify(documents, head).firstBreak().sequence()).isEqualTo(3);
    }

    @Test
    void swappedRecordsAreNamedAtTheFirstOfThem() {
        List<Document> documents = chain(4);
        Document head = head(documents);
        Object second = documents.get(1).get("_id");
        documents.get(1).put("_id", documents.get(2).get("_id"));
        documents.get(2).put("_id", second);
        Collections.swap(documents, 1, 2);

        ChainVerifier.Verification verification = verify(documents, head);

        assertThat(verification.firstBreak().sequence()).isEqualTo(2);
        assertThat(verification.firstBreak().reason()).startsWith("altered");
    }

    @Test
    void aRecordBeyondALaggingHeadIsACrashNotABreak() {
        List<Document> documents = chain(3);
        Document head = head(documents.subList(0, 2));

        assertThat(verify(documents, head).intact()).isTrue();
    }

    @Test
    void verificationStartsAfterThePurgedRecordsAndChecksTheFirstKeptOne() {
        List<Document> documents = chain(5);
        Document head = head(documents);
        Document purged = new Document("_id", "purged").append("sequence", 2L)
                .append("hash", documents.get(1).getString("hash"));
        List<Document> kept = new ArrayList<>(documents.subList(2, 5));

        assertThat(ChainVerifier.verify(kept.iterator(), head, purged).checkedRecords()).isEqualTo(3);
        kept.remove(0);
        assertThat(ChainVerifier.verify(kept.iterator(), head, purged).firstBreak().sequence()).isEqualTo(3);
    }

    @Test
    void theCanonicalFormCannotBeShiftedBetweenFields() {
        AuditRecord a = new AuditRecord(1, "org", NOON, AuditRecord.Kind.WRITE, null, "POST /a", "b", null, 200,
                AuditRecord.Outcome.SUCCEEDED, null, null, null, List.of(), AuditRecord.GENESIS, null);
        AuditRecord b = new AuditRecord(1, "org", NOON, AuditRecord.Kind.WRITE, null, "POST /a\npath:1:b", null,
                null, 200, AuditRecord.Outcome.SUCCEEDED, null, null, null, List.of(), AuditRecord.GENESIS, null);

        assertThat(a.computedHash()).isNotEqualTo(b.computedHash());
    }
}
