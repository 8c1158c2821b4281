package org.linli.devstack.store;

import java.time.Instant;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rewrites, once per file, every document a file written before {@link BsonDocumentType} holds in Java
 * serialisation. Pages move to BSON as they change anyway, but the store reads every document when it opens (to
 * build its indexes), and a county-year file read the slow way took most of a minute at every start.
 */
public final class BsonUpgrade {

    private static final Logger log = LoggerFactory.getLogger(BsonUpgrade.class);
    static final String MARKS = "linli.upgrades";
    static final String DOCUMENTS_AS_BSON = "documents-as-bson";
    private static final String DATA_MAPS = "databases.";
    private static final int COMMIT_EVERY = 10_000;

    private BsonUpgrade() {
    }

    /** Rewrites every document as BSON unless this file has been upgraded before; returns how many it rewrote. */
    public static long runOnce(MVStore store) {
        MVMap<String, String> marks = store.openMap(MARKS);
        if (marks.containsKey(DOCUMENTS_AS_BSON)) {
            return 0;
        }
        long started = System.nanoTime();
        long rewritten = 0;
        for (String name : store.getMapNames()) {
            if (!name.startsWith(DATA_MAPS)) {
                continue;
            }
            MVMap<Object, Object> documents = store.openMap(name,
                    new MVMap.Builder<Object, Object>().valueType(BsonDocumentType.INSTANCE));
            for (Cursor<Object, Object> cursor = documents.cursor(null); cursor.hasNext(); ) {
                Object id = cursor.next();
                documents.put(id, cursor.getValue());
                if (++rewritten % COMMIT_EVERY == 0) {
                    store.commit();
                }
            }
        }
        marks.put(DOCUMENTS_AS_BSON, Instant.now().toString());
        store.commit();
        if (rewritten > 0) {
            log.info("rewrote {} documents as BSON in {} ms (once per file)", rewritten,
                    (System.nanoTime() - started) / 1_000_000);
        }
        return rewritten;
    }
}
