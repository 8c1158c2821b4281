package org.linli.devstack.store;

import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreTool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's file, compacted before it is opened when most of it is dead space.
 *
 * <p>Every journaled write is committed on its own ({@link StoreBackend}), so MVStore appends a small chunk per
 * write; it rewrites sparse chunks only when the store is idle, and a busy stack never is. After the county-year
 * scale benchmark the file held 21 GB of which 9 % was live. {@link MVStoreTool#compact} copies the live pages
 * into a fresh file (that file went from 21 GB to 1.85 GB in 15 s), so every start of the store begins from a
 * dense file and the space a run wastes is bounded by that run.
 */
public final class StoreFile {

    private static final Logger log = LoggerFactory.getLogger(StoreFile.class);

    /** Files smaller than this are not worth a copy. */
    static final long MIN_BYTES = 64L << 20;

    /** Compact when less than this share of the chunks' bytes is live. */
    static final int MAX_LIVE_PERCENT = 50;

    private StoreFile() {
    }

    /** Compacts {@code file} in place when it is large and mostly dead; returns whether it did. */
    public static boolean compactIfSparse(Path file) {
        return compactIfSparse(file, MIN_BYTES);
    }

    static boolean compactIfSparse(Path file, long minBytes) {
        if (!Files.isRegularFile(file) || size(file) < minBytes) {
            return false;
        }
        int live = livePercent(file);
        if (live >= MAX_LIVE_PERCENT) {
            return false;
        }
        long before = size(file);
        long started = System.nanoTime();
        MVStoreTool.compact(file.toString(), false);
        log.info("compacted {}: {} MB -> {} MB ({} % live) in {} ms", file, before >> 20, size(file) >> 20, live,
                (System.nanoTime() - started) / 1_000_000);
        return true;
    }

    /** The share of the chunks' bytes still referenced, read without changing the file. */
    static int livePercent(Path file) {
        MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open();
        try {
            return store.getFileStore().getChunksFillRate();
        } finally {
            store.close();
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
