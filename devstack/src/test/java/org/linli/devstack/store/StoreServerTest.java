package org.linli.devstack.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;

class StoreServerTest {

    /** Answers {@code holdUntilReleased} once the test counts {@code release} down. */
    private static final class HoldingBackend extends H2Backend {
        final CountDownLatch holding = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        HoldingBackend() {
            super(new MVStore.Builder().open());
        }

        @Override
        public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
            if (!"holdUntilReleased".equals(command)) {
                return super.handleCommand(channel, databaseName, command, query);
            }
            holding.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Document("ok", 1.0);
        }
    }

    @Test
    void answersEveryOtherConnectionWhileOneConnectionsCommandRuns() throws Exception {
        HoldingBackend backend = new HoldingBackend();
        try (StoreServer server = StoreServer.listen(backend, new InetSocketAddress("127.0.0.1", 0));
             MongoClient holder = client(server)) {
            CompletableFuture<org.bson.Document> held = CompletableFuture.supplyAsync(
                    () -> holder.getDatabase("test").runCommand(new org.bson.Document("holdUntilReleased", 1)));
            assertThat(backend.holding.await(30, TimeUnit.SECONDS)).isTrue();

            // each client opens two connections (its monitor's and its pool's): with commands run on the event
            // loops, some of these sixteen would share the held connection's loop and wait for it
            for (int i = 0; i < 8; i++) {
                try (MongoClient other = client(server)) {
                    other.getDatabase("test").getCollection("c").insertOne(new org.bson.Document("n", i));
                    assertThat(other.getDatabase("test").getCollection("c").countDocuments()).isEqualTo(i + 1);
                }
            }
            assertThat(held).isNotDone();

            backend.release.countDown();
            assertThat(held.get(30, TimeUnit.SECONDS).get("ok")).isEqualTo(1.0);
        }
    }

    @Test
    void closesWithoutErrorRightAfterItsClientsHaveGone() {
        // a connection its client has just closed is still winding down on its command thread when the server
        // closes: the thread must outlive every event of that channel, or the server's close fails (CI, session 19)
        for (int i = 0; i < 40; i++) {
            StoreServer server = StoreServer.listen(new H2Backend(new MVStore.Builder().open()),
                    new InetSocketAddress("127.0.0.1", 0));
            try (MongoClient client = client(server)) {
                client.getDatabase("test").getCollection("c").insertOne(new org.bson.Document("n", i));
            }
            assertThatCode(server::close).doesNotThrowAnyException();
        }
    }

    private static MongoClient client(StoreServer server) {
        InetSocketAddress address = server.address();
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + address.getPort()))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(10, TimeUnit.SECONDS))
                .applyToSocketSettings(socket -> socket.readTimeout(10, TimeUnit.SECONDS))
                .build());
    }
}
