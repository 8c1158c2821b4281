package org.linli.devstack.store;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.Page;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Documents lie in the file as BSON; a file written with Java serialisation stays readable and is upgraded page by page. */
class BsonDocumentTypeTest {

    @Test
    void aDocumentOfEveryKindTheServicesStoreComesBackEqual(@TempDir Path dir) {
        Document issue = issue("issue-1");
        Path file = dir.resolve("mongo.mv.db");

        withStore(file, store -> documents(store).put("issue-1", issue));

        withStore(file, store -> assertThat(documents(store).get("issue-1")).isEqualTo(issue));
    }

    @Test
    void aFileWrittenWithJavaSerialisationIsReadAndItsChangedPagesAreWrittenAsBson(@TempDir Path dir) {
        Path file = javaSerialised(dir, 500);

        withStore(file, store -> {
            MVMap<Object, Document> after = documents(store);
            assertThat(after.get("issue-7")).isEqualTo(issue("issue-7"));
            after.put("issue-7", issue("issue-7").append("status", "CLOSED"));
        });

        withStore(file, store -> {
            MVMap<Object, Document> after = documents(store);
            assertThat(after.get("issue-7").get("status")).isEqualTo("CLOSED");
            assertThat(after.get("issue-499")).isEqualTo(issue("issue-499"));
            assertThat(after.size()).isEqualTo(500);
        });
    }

    @Test
    void theUpgradeRewritesEveryJavaSerialisedDocumentAsBsonOnceAndKeepsThemAll(@TempDir Path dir) {
        Path file = javaSerialised(dir, 300);
        withStore(file, store -> store.openMap("meta.linli.issues").put("indexes", "kept as they were"));

        withStore(file, store -> assertThat(BsonUpgrade.runOnce(store)).isEqualTo(300));
        withStore(file, store -> assertThat(BsonUpgrade.runOnce(store)).isZero());

        withStore(file, store -> {
            MVMap<Object, Object> tags = store.openMap("databases.linli.issues",
                    new MVMap.Builder<Object, Object>().valueType(FirstByte.INSTANCE));
            assertThat(tags.values()).hasSize(300).containsOnly(BsonDocumentType.BSON);
        });
        withStore(file, store -> {
            assertThat(documents(store).get("issue-299")).isEqualTo(issue("issue-299"));
            assertThat(store.openMap("meta.linli.issues").get("indexes")).isEqualTo("kept as they were");
        });
    }

    @Test
    void compactionKeepsEveryDocument(@TempDir Path dir) {
        Path file = dir.resolve("mongo.mv.db");
        withStore(file, store -> {
            MVMap<Object, Document> map = documents(store);
            for (int round = 0; round < 20; round++) {
                for (int i = 0; i < 50; i++) {
                    map.put("issue-" + i, issue("issue-" + i).append("round", round));
                    store.commit();
                }
            }
        });

        assertThat(StoreFile.compactIfSparse(file, 0)).isTrue();

        withStore(file, store -> assertThat(documents(store).get("issue-42")).isEqualTo(issue("issue-42").append("round", 19)));
    }

    @Test
    void documentsEncodedOneAfterAnotherInOneBufferComeBackEachAsItWas(@TempDir Path dir) {
        Path file = dir.resolve("mongo.mv.db");
        Document huge = issue("issue-huge").append("description", "楼".repeat(200_000));

        withStore(file, store -> {
            MVMap<Object, Document> documents = documents(store);
            documents.put("issue-long", longIssue("issue-long"));
            documents.put("issue-huge", huge);
            documents.put("marker", marker(7));
            documents.put("issue-1", issue("issue-1"));
        });

        withStore(file, store -> {
            MVMap<Object, Document> documents = documents(store);
            assertThat(documents.get("issue-long")).isEqualTo(longIssue("issue-long"));
            assertThat(documents.get("issue-huge")).isEqualTo(huge);
            assertThat(documents.get("marker")).isEqualTo(marker(7));
            assertThat(documents.get("issue-1")).isEqualTo(issue("issue-1"));
        });
    }

    @Test
    void aDocumentCountsItsOwnSizeHoweverManySmallOnesWereWrittenBefore() {
        MVStore store = new MVStore.Builder().open();
        MVMap<Object, Document> markers = store.openMap("databases.linli.outbox_markers",
                new MVMap.Builder<Object, Document>().valueType(BsonDocumentType.INSTANCE));
        for (int i = 0; i < 2_000; i++) {
            markers.put("marker-" + i, marker(i));
        }

        assertThat(BsonDocumentType.INSTANCE.getMemory(longIssue("issue-1")))
                .isGreaterThan(2 * LONG_TEXT)
                .isGreaterThan(20 * BsonDocumentType.INSTANCE.getMemory(marker(1)));
        store.close();
    }

    @Test
    void pagesOfLargeDocumentsSplitByTheirOwnSizeBesideACollectionOfSmallOnes(@TempDir Path dir) {
        MVStore store = new MVStore.Builder().fileName(dir.resolve("mongo.mv.db").toString())
                .pageSplitSize(StoreBackend.PAGE_SPLIT_SIZE).autoCommitDisabled().open();
        MVMap<Object, Document> markers = store.openMap("databases.linli.outbox_markers",
                new MVMap.Builder<Object, Document>().valueType(BsonDocumentType.INSTANCE));
        MVMap<Object, Document> issues = documents(store);
        for (int i = 0; i < 3_000; i++) {
            markers.put("marker-" + i, marker(i));
            if (i % 10 == 0) {
                issues.put("issue-" + i, longIssue("issue-" + i));
            }
        }

        int mostPerPage = StoreBackend.PAGE_SPLIT_SIZE / (2 * LONG_TEXT) + 1;
        assertThat(leafSizes(issues.getRootPage())).hasSizeGreaterThan(1).allSatisfy(
                documentsInPage -> assertThat(documentsInPage).isLessThanOrEqualTo(mostPerPage));
        assertThat(leafSizes(markers.getRootPage())).anySatisfy(
                documentsInPage -> assertThat(documentsInPage).isGreaterThan(mostPerPage));
        store.close();
    }

    private static final int LONG_TEXT = 4_000;

    /** An issue with a long description: ~12 KB of BSON (UTF-8), ~9 KB of heap decoded (UTF-16). */
    private static Document longIssue(String id) {
        return issue(id).append("description", "楼".repeat(LONG_TEXT));
    }

    private static Document marker(int i) {
        return new Document("_id", "marker-" + i).append("aggregateId", "issue-" + i);
    }

    private static List<Integer> leafSizes(Page<Object, Document> page) {
        if (page.isLeaf()) {
            return List.of(page.getKeyCount());
        }
        List<Integer> sizes = new ArrayList<>();
        for (int child = 0; child < page.getRawChildPageCount(); child++) {
            sizes.addAll(leafSizes(page.getChildPage(child)));
        }
        return sizes;
    }

    private static Document issue(String id) {
        List<Object> history = new ArrayList<>();
        history.add(new Document("at", Instant.parse("2026-12-05T08:00:00Z")).append("action", "REPORTED"));
        history.add(new Document("at", Instant.parse("2026-12-05T08:05:00Z")).append("action", "DISPATCHED"));
        return new Document("_id", id)
                .append("category", "ENVIRONMENT")
                .append("description", "楼道漏水，三单元二楼")
                .append("lat", 31.9652).append("lng", 112.0792)
                .append("version", 3L).append("reopenCount", 0)
                .append("anonymous", false).append("assignee", null)
                .append("owner", new ObjectId("5f1d7f3b9c1e4a2b3c4d5e6f"))
                .append("token", UUID.fromString("2fa69f5e-3f6b-3d59-bb4e-118fca69951b"))
                .append("fee", Decimal128.fromNumber(12.5))
                .append("history", history)
                .append("deadlines", new Document("onSiteDueAt", Instant.parse("2026-12-05T08:10:00Z")));
    }

    /** A file as stores before BSON wrote it: {@code count} issues through MVStore's default ObjectDataType. */
    private static Path javaSerialised(Path dir, int count) {
        Path file = dir.resolve("mongo.mv.db");
        withStore(file, store -> {
            MVMap<Object, Object> before = store.openMap("databases.linli.issues");
            for (int i = 0; i < count; i++) {
                before.put("issue-" + i, issue("issue-" + i));
            }
        });
        return file;
    }

    private static MVMap<Object, Document> documents(MVStore store) {
        return store.openMap("databases.linli.issues", new MVMap.Builder<Object, Document>().valueType(BsonDocumentType.INSTANCE));
    }

    private static void withStore(Path file, Consumer<MVStore> work) {
        MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
        try {
            work.accept(store);
            store.commit();
        } finally {
            store.close();
        }
    }

    /** Reads a value as its first byte: the type tag. */
    private static final class FirstByte extends BasicDataType<Object> {

        static final FirstByte INSTANCE = new FirstByte();

        @Override
        public Object read(ByteBuffer buffer) {
            byte tag = buffer.get(buffer.position());
            BsonDocumentType.INSTANCE.read(buffer);
            return tag;
        }

        @Override
        public void write(WriteBuffer buffer, Object value) {
            throw new UnsupportedOperationException("read only");
        }

        @Override
        public int getMemory(Object value) {
            return 16;
        }

        @Override
        public Object[] createStorage(int size) {
            return new Object[size];
        }
    }
}
