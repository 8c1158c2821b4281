package org.linli.platform.mongo;

import com.mongodb.client.model.Filters;
import java.time.Duration;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * A counter in the service's database ({@code generations} collection) that every write to some
 * data bumps after the write, so an in-memory index of that data can tell, with one lookup by id,
 * whether it is still current, whichever instance wrote. Reads may be cached for {@code maxAge}:
 * this instance's own bumps are seen at once, another instance's within {@code maxAge}
 * ({@link Duration#ZERO}: every read goes to the database).
 */
public final class GenerationCounter {

    private static final String COLLECTION = "generations";

    private final MongoOperations mongo;
    private final String key;
    private final long maxAgeNanos;
    private volatile long cached = -1;
    private volatile long readAt;

    public GenerationCounter(MongoOperations mongo, String key, Duration maxAge) {
        this.mongo = mongo;
        this.key = key;
        this.maxAgeNanos = maxAge.toNanos();
    }

    /** Marks the data as changed; returns the new generation. */
    public long bump() {
        Document counter = mongo.findAndModify(Query.query(Criteria.where("_id").is(key)),
                new Update().inc("generation", 1L), FindAndModifyOptions.options().upsert(true).returnNew(true),
                Document.class, COLLECTION);
        cached = -1;
        return ((Number) counter.get("generation")).longValue();
    }

    /** The current generation (0 before the first bump). */
    public long current() {
        long now = System.nanoTime();
        long known = cached;
        if (known >= 0 && now - readAt < maxAgeNanos) {
            return known;
        }
        Document counter = mongo.getCollection(COLLECTION).find(Filters.eq("_id", key)).first();
        long generation = counter == null ? 0 : ((Number) counter.get("generation")).longValue();
        readAt = now;
        cached = generation;
        return generation;
    }
}
