package org.linli.devstack;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.h2.mvstore.MVStore;
import org.linli.devstack.store.StoreBackend;
import org.linli.devstack.store.BsonUpgrade;
import org.linli.devstack.store.StoreFile;
import org.linli.devstack.store.StoreServer;

/**
 * An embedded MongoDB-wire store (mongo-java-server on H2's MVStore): in memory for tests, or
 * kept in one file on disk for the dev stack. Single-document writes are atomic; there are no
 * multi-document transactions and no change streams, and Linli never needs them.
 */
public final class EmbeddedMongo implements AutoCloseable {

    private final MVStore store;
    private final StoreServer server;

    private EmbeddedMongo(MVStore store, String host, int port) {
        this.store = store;
        this.server = StoreServer.listen(new StoreBackend(store), new InetSocketAddress(host, port));
    }

    /** A throw-away store on a random free port. */
    public static EmbeddedMongo inMemory() {
        return new EmbeddedMongo(new MVStore.Builder().open(), "127.0.0.1", 0);
    }

    /** A store whose data survives restarts, kept in {@code dataDir/mongo.mv.db}. */
    public static EmbeddedMongo onDisk(Path dataDir, String host, int port) {
        return onDisk(dataDir, host, port, 16);
    }

    /**
     * A store whose data survives restarts, kept in {@code dataDir/mongo.mv.db}, with a page cache of
     * {@code cacheMb} megabytes (documents read from a cached page are not decoded again). Every write is
     * committed to the file before it is acknowledged ({@link StoreBackend}). A file that is mostly dead space
     * is compacted first ({@link StoreFile}); one written with Java-serialised documents is rewritten as BSON once
     * ({@link BsonUpgrade}).
     */
    public static EmbeddedMongo onDisk(Path dataDir, String host, int port, int cacheMb) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path file = dataDir.resolve("mongo.mv.db");
        StoreFile.compactIfSparse(file);
        MVStore store = new MVStore.Builder().fileName(file.toString()).cacheSize(cacheMb)
                .pageSplitSize(StoreBackend.PAGE_SPLIT_SIZE).open();
        BsonUpgrade.runOnce(store);
        return new EmbeddedMongo(store, host, port);
    }

    /** A connection string for {@code spring.mongodb.uri} with the given database name. */
    public String uri(String database) {
        InetSocketAddress address = server.address();
        return "mongodb://" + address.getHostString() + ":" + address.getPort() + "/" + database;
    }

    public int port() {
        return server.address().getPort();
    }

    @Override
    public void close() {
        server.close();
        store.close();
    }
}
