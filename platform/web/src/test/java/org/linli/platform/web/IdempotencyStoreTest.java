package org.linli.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.result.UpdateResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linli.platform.protection.Algorithm;
import org.linli.platform.protection.FieldCipher;
import org.linli.platform.protection.FieldKeys;
import org.mockito.ArgumentCaptor;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

class IdempotencyStoreTest {

    private static final Instant NOW = Instant.parse("2026-11-21T08:00:00Z");
    private static final byte[] ANSWER = "{\"phone\":\"13912345678\"}".getBytes(StandardCharsets.UTF_8);

    private final MongoOperations mongo = mock(MongoOperations.class);

    @Test
    void aKeptAnswerIsStoredSealedAndReplayedPlain(@TempDir Path keys) {
        FieldCipher cipher = new FieldCipher(FieldKeys.loadOrCreate(keys, Algorithm.AES));
        IdempotencyStore store = new IdempotencyStore(mongo, cipher);
        when(mongo.updateFirst(any(Query.class), any(Update.class), eq(IdempotencyStore.COLLECTION)))
                .thenReturn(UpdateResult.acknowledged(1, 1L, null));

        store.complete("key", "run-1", NOW.plusSeconds(60), 201, "application/json", "/x/1", ANSWER);

        ArgumentCaptor<Update> update = ArgumentCaptor.forClass(Update.class);
        verify(mongo).updateFirst(any(Query.class), update.capture(), eq(IdempotencyStore.COLLECTION));
        byte[] stored = ((Binary) ((Document) update.getValue().getUpdateObject().get("$set")).get("sealedBody")).getData();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).startsWith("enc:1:").doesNotContain("13912345678");
        when(mongo.findById("key", Document.class, IdempotencyStore.COLLECTION)).thenReturn(entry()
                .append("sealedBody", new Binary(stored)));
        assertThat(store.find("key", NOW).orElseThrow().body()).isEqualTo(ANSWER);
    }

    @Test
    void anAnswerKeptInPlainByAnEarlierVersionIsStillReplayedAndSealedOnceAtStart(@TempDir Path keys) {
        FieldCipher cipher = new FieldCipher(FieldKeys.loadOrCreate(keys, Algorithm.AES));
        IdempotencyStore store = new IdempotencyStore(mongo, cipher);
        Document legacy = entry().append("body", new Binary(ANSWER));
        when(mongo.findById("key", Document.class, IdempotencyStore.COLLECTION)).thenReturn(legacy);
        when(mongo.stream(any(Query.class), eq(Document.class), eq(IdempotencyStore.COLLECTION)))
                .thenReturn(Stream.of(legacy));
        BulkOperations page = mock(BulkOperations.class);
        when(mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, IdempotencyStore.COLLECTION)).thenReturn(page);
        when(page.execute()).thenReturn(BulkWriteResult.acknowledged(0, 1, 0, 1, List.of(), List.of()));

        assertThat(store.find("key", NOW).orElseThrow().body()).isEqualTo(ANSWER);
        assertThat(store.sealLegacyBodies()).isEqualTo(1);

        ArgumentCaptor<Update> update = ArgumentCaptor.forClass(Update.class);
        verify(page).updateOne(any(Query.class), update.capture());
        Document changes = update.getValue().getUpdateObject();
        assertThat(((Document) changes.get("$unset"))).containsKey("body");
        byte[] sealed = ((Binary) ((Document) changes.get("$set")).get("sealedBody")).getData();
        assertThat(cipher.open(sealed)).isEqualTo(ANSWER);
        verify(mongo).save(any(Document.class), eq("protection_passes"));

        when(mongo.exists(any(Query.class), eq("protection_passes"))).thenReturn(true);
        assertThat(store.sealLegacyBodies()).as("once").isZero();
        verify(mongo, never()).find(any(Query.class), eq(Document.class), eq("protection_passes"));
    }

    private static Document entry() {
        return new Document("_id", "key").append("bodyHash", "h").append("completed", true).append("status", 201)
                .append("expiresAt", Date.from(NOW.plusSeconds(60)));
    }
}
