package org.linli.devstack.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linli.devstack.EmbeddedMongo;

/**
 * The indexed store answers every query as a scan would: the same documents in the same order, the same counts,
 * before and after updates and deletes move documents between index keys. The reference is mongo-java-server's
 * own H2 backend, which ignores non-unique indexes and scans.
 */
class IndexedQueriesTest {

    private static final String[] PATHS = {"county/a", "county/a/1", "county/a/2", "county/b", "county/b/1", "County/a", "x.y"};
    private static final String[] STATES = {"OPEN", "CLOSED", "HELD", "REJECTED"};
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private static EmbeddedMongo indexedStore;
    private static MongoServer scanningStore;
    private static MongoClient indexedClient;
    private static MongoClient scanningClient;
    private static MongoCollection<Document> indexed;
    private static MongoCollection<Document> scanned;

    @BeforeAll
    static void loadTheSameDocumentsIntoBoth() {
        indexedStore = EmbeddedMongo.inMemory();
        scanningStore = new MongoServer(H2Backend.inMemory());
        indexedClient = MongoClients.create(indexedStore.uri("t"));
        java.net.InetSocketAddress address = scanningStore.bind();
        scanningClient = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        indexed = indexedClient.getDatabase("t").getCollection("issues");
        scanned = scanningClient.getDatabase("t").getCollection("issues");
        for (MongoCollection<Document> collection : List.of(indexed, scanned)) {
            for (String field : List.of("path", "status", "n", "reportedAt", "tags", "sub.x")) {
                collection.createIndex(Indexes.ascending(field));
            }
        }
        Random random = new Random(42);
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            documents.add(randomDocument(random, i));
        }
        indexed.insertMany(documents.stream().map(Document::new).toList());
        scanned.insertMany(documents.stream().map(Document::new).toList());
    }

    @AfterAll
    static void stop() {
        indexedClient.close();
        scanningClient.close();
        indexedStore.close();
        scanningStore.shutdownNow();
    }

    @Test
    void findsWhatAScanFindsForEveryKindOfCondition() {
        for (Bson filter : filters()) {
            assertSameAnswers(filter);
        }
    }

    @Test
    void staysRightAfterUpdatesAndDeletesMoveDocumentsBetweenKeys() {
        Random random = new Random(7);
        for (int round = 0; round < 300; round++) {
            String id = "d" + random.nextInt(3_000);
            Bson change = switch (random.nextInt(5)) {
                case 0 -> Updates.set("path", PATHS[random.nextInt(PATHS.length)]);
                case 1 -> Updates.set("status", STATES[random.nextInt(STATES.length)]);
                case 2 -> Updates.unset("n");
                case 3 -> Updates.set("tags", List.of("t" + random.nextInt(4)));
                default -> Updates.inc("n", 1);
            };
            Bson byIdAndMore = Filters.and(Filters.eq("_id", id), Filters.exists("reportedAt"));
            assertThat(indexed.updateOne(byIdAndMore, change).getModifiedCount())
                    .isEqualTo(scanned.updateOne(byIdAndMore, change).getModifiedCount());
            if (round % 10 == 0) {
                Bson victim = Filters.and(Filters.eq("_id", "d" + random.nextInt(3_000)),
                        Filters.eq("status", STATES[random.nextInt(STATES.length)]));
                assertThat(indexed.deleteOne(victim).getDeletedCount()).isEqualTo(scanned.deleteOne(victim).getDeletedCount());
            }
        }
        for (Bson filter : filters()) {
            assertSameAnswers(filter);
        }
    }

    @Test
    void aSortedQueryWithoutLimitGivesTheScansProjectedDocumentsWhateverItKeepsWhileSorting() {
        List<Bson> projections = List.of(Projections.include("status", "sub.x"),
                Projections.fields(Projections.include("n", "tags"), Projections.excludeId()),
                Projections.exclude("path"), Projections.excludeId(), Projections.include("_id"),
                Projections.elemMatch("tags", Filters.eq("t1")));
        for (Bson filter : filters()) {
            for (Bson projection : projections) {
                Bson sort = Sorts.orderBy(Sorts.descending("reportedAt"), Sorts.ascending("sub.x"), Sorts.ascending("_id"));
                Function<MongoCollection<Document>, List<Document>> found = collection -> collection.find(filter)
                        .projection(projection).sort(sort).into(new ArrayList<>());
                assertThat(found.apply(indexed)).as("%s projected to %s", filter, projection).isEqualTo(found.apply(scanned));
            }
        }
    }

    private static List<Bson> filters() {
        Date march = Date.from(START.plusSeconds(60L * 86_400));
        Date may = Date.from(START.plusSeconds(120L * 86_400));
        return List.of(
                new Document(),
                Filters.eq("status", "OPEN"),
                Filters.eq("_id", "d17"),
                Filters.and(Filters.eq("_id", "d17"), Filters.eq("status", "OPEN")),
                Filters.in("_id", "d1", "d2", "d999", "nope"),
                Filters.in("status", "OPEN", "HELD"),
                Filters.nin("status", "OPEN", "HELD"),
                Filters.eq("n", 3),
                Filters.eq("n", 3L),
                Filters.eq("n", 3.0),
                Filters.gte("n", 5),
                Filters.and(Filters.gt("n", 2), Filters.lte("n", 7.5)),
                Filters.lt("n", 4),
                Filters.gt("n", "a string"),
                Filters.and(Filters.gte("reportedAt", march), Filters.lt("reportedAt", may)),
                Filters.gte("reportedAt", may),
                Filters.lte("reportedAt", march),
                Filters.regex("path", "^" + Pattern.quote("county/a")),
                Filters.regex("path", "^county/a/"),
                Filters.regex("path", "^county/a", "i"),
                Filters.regex("path", "a/1$"),
                Filters.regex("path", "^" + Pattern.quote("x.y")),
                Filters.eq("tags", "t1"),
                Filters.in("tags", "t1", "t3"),
                Filters.and(Filters.gt("tags", "t1"), Filters.lt("tags", "t2")),
                Filters.eq("sub.x", 2),
                Filters.eq("n", null),
                Filters.exists("n", false),
                Filters.and(Filters.regex("path", "^county/b"), Filters.eq("status", "CLOSED"),
                        Filters.gte("reportedAt", march)),
                Filters.and(Filters.eq("status", "OPEN"), Filters.eq("status", "CLOSED")),
                Filters.or(Filters.eq("status", "OPEN"), Filters.eq("n", 1)),
                Filters.and(Filters.eq("status", "OPEN"), Filters.or(Filters.eq("n", 1), Filters.eq("n", 2))),
                Filters.and(Filters.regex("path", "^county"), Filters.ne("status", "OPEN")),
                Filters.elemMatch("tags", Filters.eq("t2")));
    }

    private static void assertSameAnswers(Bson filter) {
        for (Bson sort : List.of(Sorts.descending("reportedAt"), Sorts.ascending("reportedAt"),
                Sorts.orderBy(Sorts.ascending("status"), Sorts.descending("_id")), Sorts.ascending("n"),
                Sorts.ascending("_id"))) {
            for (int[] page : new int[][]{{0, 20}, {40, 20}, {0, 0}}) {
                Function<MongoCollection<Document>, List<Object>> ids = collection -> collection.find(filter)
                        .sort(Sorts.orderBy(sort, Sorts.ascending("_id"))).skip(page[0]).limit(page[1])
                        .map(document -> document.get("_id")).into(new ArrayList<>());
                assertThat(ids.apply(indexed)).as("%s sorted by %s, page %s", filter, sort, page[0]).isEqualTo(ids.apply(scanned));
            }
        }
        assertThat(indexed.countDocuments(filter)).as("count of %s", filter).isEqualTo(scanned.countDocuments(filter));
        assertThat(indexed.countDocuments(filter, new com.mongodb.client.model.CountOptions().skip(5).limit(10)))
                .isEqualTo(scanned.countDocuments(filter, new com.mongodb.client.model.CountOptions().skip(5).limit(10)));
        List<Document> grouped = List.of(new Document("$match", filter), new Document("$group",
                new Document("_id", "$status").append("n", new Document("$sum", 1))), new Document("$sort", new Document("_id", 1)));
        assertThat(indexed.aggregate(grouped).into(new ArrayList<>())).isEqualTo(scanned.aggregate(grouped).into(new ArrayList<>()));
    }

    private static Document randomDocument(Random random, int i) {
        Document document = new Document("_id", "d" + i)
                .append("path", PATHS[random.nextInt(PATHS.length)])
                .append("status", STATES[random.nextInt(STATES.length)])
                .append("reportedAt", Date.from(START.plusSeconds(random.nextInt(200) * 86_400L)));
        switch (random.nextInt(4)) {
            case 0 -> document.append("n", random.nextInt(10));
            case 1 -> document.append("n", (long) random.nextInt(10));
            case 2 -> document.append("n", random.nextInt(20) / 2.0);
            default -> {
                if (random.nextBoolean()) {
                    document.append("n", null);
                }
            }
        }
        if (random.nextInt(3) > 0) {
            List<String> tags = new ArrayList<>();
            for (int t = random.nextInt(3); t > 0; t--) {
                tags.add("t" + random.nextInt(4));
            }
            document.append("tags", tags);
        }
        if (random.nextBoolean()) {
            document.append("sub", new Document("x", random.nextInt(3)));
        }
        return document;
    }
}
