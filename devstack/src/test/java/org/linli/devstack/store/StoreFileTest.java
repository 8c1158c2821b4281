package org.linli.devstack.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreFileTest {

    @Test
    void compactsAMostlyDeadFileAndKeepsEveryLiveValue(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mongo.mv.db");
        writeOneValueManyTimes(file, 400);
        long before = Files.size(file);
        assertThat(StoreFile.livePercent(file)).isLessThan(StoreFile.MAX_LIVE_PERCENT);

        assertThat(StoreFile.compactIfSparse(file, 0)).isTrue();

        assertThat(Files.size(file)).isLessThan(before / 2);
        MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open();
        try {
            MVMap<String, String> map = store.openMap("issues");
            assertThat(map.get("kept")).isEqualTo("version 399");
            assertThat(map.get("other")).isEqualTo("unchanged");
        } finally {
            store.close();
        }
    }

    @Test
    void leavesASmallOrDenseFileAlone(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mongo.mv.db");
        writeOneValueManyTimes(file, 400);
        long before = Files.size(file);

        assertThat(StoreFile.compactIfSparse(file)).isFalse();
        assertThat(Files.size(file)).isEqualTo(before);
        assertThat(StoreFile.compactIfSparse(dir.resolve("absent.mv.db"), 0)).isFalse();
    }

    /** One commit per write, as the store does for journaled writes; closed without a final compaction. */
    private static void writeOneValueManyTimes(Path file, int times) {
        MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
        MVMap<String, String> map = store.openMap("issues");
        map.put("other", "unchanged");
        String padding = "x".repeat(2_000);
        for (int i = 0; i < times; i++) {
            map.put("kept", "version " + i);
            map.put("padding", padding + i);
            store.commit();
        }
        store.closeImmediately();
    }
}
