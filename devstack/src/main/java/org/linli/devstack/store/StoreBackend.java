package org.linli.devstack.store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend as Linli's embedded store needs it:
 * <ul>
 *   <li>every write command is committed to the file before its reply goes out, so a write the client saw
 *       acknowledged survives a kill -9 of the store (H2's default, a background commit about once a second,
 *       lost up to a second of acknowledged writes); a write whose write concern says {@code j: false} is
 *       acknowledged in memory, as MongoDB does, and goes to disk with the next journaled one;</li>
 *   <li>its databases honour non-unique indexes and plan queries over them ({@link IndexedH2Database});</li>
 *   <li>it answers {@code hello} the way it answers {@code isMaster}: current drivers and Spring Boot's Mongo
 *       health indicator send {@code hello}, and without it the health check reports DOWN.</li>
 * </ul>
 */
public final class StoreBackend extends H2Backend {

    /**
     * MVStore splits a page once the memory of its values passes this: its default, 16 KB, was meant for values
     * counted at their encoded size; documents count at their decoded size ({@link BsonDocumentType#getMemory}),
     * about five times that, so a page keeps about as many documents as it did and a commit writes no more pages
     * per change.
     */
    public static final int PAGE_SPLIT_SIZE = 16 * 1024 * BsonDocumentType.HEAP_PER_ENCODED_BYTE;
    private static final String DATA_MAPS = "databases.";
    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "create",
            "createindexes", "drop", "dropdatabase", "dropindexes", "renamecollection");

    public StoreBackend(MVStore store) {
        super(store);
        openDatabasesInFile(store);
    }

    /**
     * Opens every database of the file (and so builds its indexes) now, before the store listens: opened on a
     * client's first command instead, the build held that connection and the clients behind it for as long.
     */
    private void openDatabasesInFile(MVStore store) {
        store.getMapNames().stream()
                .filter(name -> name.startsWith(DATA_MAPS))
                .map(name -> Utils.firstFragment(name.substring(DATA_MAPS.length())))
                .distinct()
                .forEach(this::resolveDatabase);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new IndexedH2Database(databaseName, getMvStore(), getCursorRegistry());
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if ("hello".equalsIgnoreCase(command)) {
            Document answer = super.handleCommand(channel, databaseName, "isMaster", query);
            answer.put("isWritablePrimary", Boolean.TRUE);
            return answer;
        }
        if ("listdatabases".equalsIgnoreCase(command)) {
            return listDatabases();
        }
        Document answer = super.handleCommand(channel, databaseName, command, query);
        if (WRITES.contains(command.toLowerCase(Locale.ROOT)) && !isInMemory() && journaled(query)) {
            commit();
        }
        return answer;
    }

    /**
     * {@code listDatabases} from the open databases. The library answers it by constructing every database anew,
     * which here rebuilds every index of the store, and Spring Boot's Mongo health check sends it on every
     * readiness probe.
     */
    private Document listDatabases() {
        List<Document> databases = listDatabaseNames().stream().sorted()
                .map(name -> new Document("name", name).append("empty", resolveDatabase(name).isEmpty()))
                .toList();
        return new Document("databases", new java.util.ArrayList<>(databases)).append("ok", 1.0);
    }

    /**
     * Whether the client wants the write on disk before the answer: yes unless its write concern says
     * {@code j: false} or {@code w: 0}. Those writes are committed with the next journaled one (or by H2's
     * background commit within a second).
     */
    static boolean journaled(Document command) {
        if (!(command.get("writeConcern") instanceof Document concern)) {
            return true;
        }
        return !Boolean.FALSE.equals(concern.get("j")) && !(concern.get("w") instanceof Number w && w.intValue() == 0);
    }
}
