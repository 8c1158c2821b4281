package org.linli.points.ledger;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.util.concurrent.atomic.AtomicInteger;
import org.linli.devstack.EmbeddedMongo;
import org.linli.points.reward.Redemption;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.index.MongoPersistentEntityIndexResolver;

/**
 * A real store for tests without Spring: the embedded MongoDB-wire server the services run on in
 * development, one fresh database per call, with the unique indexes the ledger and redemptions rely on.
 */
public final class StoreForTests {

    private static final EmbeddedMongo SERVER = EmbeddedMongo.inMemory();
    private static final MongoClient CLIENT = MongoClients.create(SERVER.uri(""));
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private StoreForTests() {
    }

    public static MongoTemplate freshDatabase() {
        MongoTemplate template = new MongoTemplate(CLIENT, "points-test-" + DATABASES.incrementAndGet());
        MongoPersistentEntityIndexResolver resolver =
                new MongoPersistentEntityIndexResolver(template.getConverter().getMappingContext());
        for (Class<?> type : new Class<?>[] {LedgerEntry.class, Redemption.class}) {
            IndexOperations indexes = template.indexOps(type);
            resolver.resolveIndexFor(type).forEach(indexes::createIndex);
        }
        return template;
    }
}
