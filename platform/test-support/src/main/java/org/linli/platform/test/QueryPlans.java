package org.linli.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.Document;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Records every query a service sends to its database (through a driver {@link CommandListener}) and asks
 * the server how it would run each one ({@code explain}, query planner only): a test drives the service's
 * hot paths through its own code, then {@link #collectionScans(MongoClient)} names the queries whose winning
 * plan reads the whole collection ({@code COLLSCAN}). Only real MongoDB answers {@code explain}: use it with
 * {@link ContainerInfrastructure}; on the embedded store a test can still check that its hot paths ran
 * ({@link #assertRecordedOn}). A test imports {@link Recording} to get the recorder.
 */
public final class QueryPlans implements CommandListener {

    /** Commands that read with a filter, and the field holding their statements ("": the command is one). */
    private static final Map<String, String> QUERIES = Map.of(
            "find", "", "aggregate", "", "count", "", "distinct", "", "findAndModify", "",
            "update", "updates", "delete", "deletes");
    /** Fields the driver adds to a command that an {@code explain}'s inner command must not carry. */
    private static final Set<String> SESSION_FIELDS = Set.of("$db", "lsid", "$clusterTime", "txnNumber",
            "$readPreference", "readConcern", "writeConcern", "autocommit", "startTransaction", "apiVersion",
            "apiStrict", "apiDeprecationErrors");

    private static final BsonDocumentCodec CODEC = new BsonDocumentCodec();

    private final Map<String, Recorded> recorded = new LinkedHashMap<>();

    /** One query as the service sent it: database, command name, collection and the command itself. */
    public record Recorded(String database, String command, String collection, BsonDocument query) {

        @Override
        public String toString() {
            return database + "." + collection + " " + query.toJson();
        }
    }

    /** A query and the stages of its winning plan. */
    public record Scan(Recorded query, List<String> winningStages) {

        @Override
        public String toString() {
            return query + " -> " + winningStages;
        }
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        String statements = QUERIES.get(event.getCommandName());
        if (statements == null || event.getDatabaseName().equals("admin")) {
            return;
        }
        // a copy of its own: the driver's document is a view of a buffer it releases after the event
        BsonDocument command = new RawBsonDocument(event.getCommand(), CODEC).decode(CODEC);
        String collection = command.get(event.getCommandName()).isString()
                ? command.getString(event.getCommandName()).getValue() : "";
        SESSION_FIELDS.forEach(command::remove);
        if (statements.isEmpty()) {
            record(new Recorded(event.getDatabaseName(), event.getCommandName(), collection, command));
            return;
        }
        // explain takes one statement at a time
        for (BsonValue statement : command.getArray(statements)) {
            BsonDocument single = new BsonDocument();
            command.forEach(single::put);
            single.put(statements, new BsonArray(List.of(statement)));
            record(new Recorded(event.getDatabaseName(), event.getCommandName(), collection, single));
        }
    }

    private synchronized void record(Recorded query) {
        recorded.putIfAbsent(query.database() + "." + query.collection() + " " + shape(query.query()), query);
    }

    /** Forgets what was recorded so far (what the context's start-up asked, say), to record a test's own queries. */
    public synchronized void forget() {
        recorded.clear();
    }

    /**
     * Fails unless each named collection was queried and no recorded query's winning plan scans a collection;
     * the message lists every scanning query with its plan's stages.
     */
    public void assertServedByIndexes(MongoClient client, String... collections) {
        assertRecordedOn(collections);
        assertThat(collectionScans(client)).as("queries whose winning plan is a collection scan").isEmpty();
    }

    /** Fails unless each named collection was queried (what can be checked where no server explains). */
    public void assertRecordedOn(String... collections) {
        for (String collection : collections) {
            assertThat(recordedOn(collection)).as("queries recorded on %s", collection).isNotEmpty();
        }
    }

    /** The queries recorded so far, one per shape (same command with other values counts once). */
    public synchronized List<Recorded> recorded() {
        return List.copyOf(recorded.values());
    }

    /** The recorded queries on {@code collection}. */
    public List<Recorded> recordedOn(String collection) {
        return recorded().stream().filter(query -> query.collection().equals(collection)).toList();
    }

    /**
     * Explains every recorded query that {@link #needsAnIndex needs an index} on the server and returns those whose
     * winning plan scans a collection.
     */
    public List<Scan> collectionScans(MongoClient client) {
        List<Scan> scans = new ArrayList<>();
        for (Recorded query : recorded()) {
            if (!needsAnIndex(query.query())) {
                continue;
            }
            MongoDatabase database = client.getDatabase(query.database());
            Document explained = database.runCommand(new Document("explain", query.query())
                    .append("verbosity", "queryPlanner"));
            if (scansCollection(explained)) {
                scans.add(new Scan(query, winningStages(explained)));
            }
        }
        return scans;
    }

    /**
     * Whether a query asks for something an index could serve: every query but a {@code find} with neither a
     * filter nor a sort, which reads documents in their natural order on purpose (a page of a list nothing
     * narrows, or an in-memory index loading every document once) and has no condition to index.
     */
    static boolean needsAnIndex(BsonDocument command) {
        if (!command.containsKey("find")) {
            return true;
        }
        BsonDocument filter = command.getDocument("filter", new BsonDocument());
        BsonDocument sort = command.getDocument("sort", new BsonDocument());
        return !filter.isEmpty() || !sort.isEmpty();
    }

    /** Whether any winning plan in an {@code explain} answer (find, aggregate, count, write) has a COLLSCAN stage. */
    public static boolean scansCollection(Document explained) {
        return winningStages(explained).contains("COLLSCAN");
    }

    /**
     * The stage names of every winning plan of an {@code explain} answer, wherever the server put it:
     * {@code queryPlanner.winningPlan} (classic engine), its {@code queryPlan} (slot-based engine), each
     * aggregation stage's {@code $cursor}, each shard's; rejected plans are not looked at.
     */
    public static List<String> winningStages(Object explained) {
        List<String> stages = new ArrayList<>();
        findWinningPlans(explained, stages);
        return stages;
    }

    private static void findWinningPlans(Object node, List<String> stages) {
        if (node instanceof Map<?, ?> document) {
            for (Map.Entry<?, ?> entry : document.entrySet()) {
                if ("rejectedPlans".equals(entry.getKey())) {
                    continue;
                }
                if ("winningPlan".equals(entry.getKey())) {
                    collectStages(entry.getValue(), stages);
                } else {
                    findWinningPlans(entry.getValue(), stages);
                }
            }
        } else if (node instanceof Collection<?> list) {
            list.forEach(element -> findWinningPlans(element, stages));
        }
    }

    private static void collectStages(Object plan, List<String> stages) {
        if (plan instanceof Map<?, ?> document) {
            if (document.get("stage") instanceof String stage) {
                stages.add(stage);
            }
            for (Map.Entry<?, ?> entry : document.entrySet()) {
                if (!"slotBasedPlan".equals(entry.getKey())) {
                    collectStages(entry.getValue(), stages);
                }
            }
        } else if (plan instanceof Collection<?> list) {
            list.forEach(element -> collectStages(element, stages));
        }
    }

    /** The command with every value replaced by its type, so that one query shape is explained once. */
    static String shape(BsonDocument command) {
        return shapeOf(command).toString();
    }

    private static Object shapeOf(BsonValue value) {
        if (value.isDocument()) {
            Map<String, Object> shaped = new LinkedHashMap<>();
            value.asDocument().forEach((key, inner) -> shaped.put(key, shapeOf(inner)));
            return shaped;
        }
        if (value.isArray()) {
            return value.asArray().stream().map(QueryPlans::shapeOf).distinct().toList();
        }
        return value.getBsonType();
    }

    /** Registers a {@link QueryPlans} recorder with the service's Mongo client. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Recording {

        @Bean
        QueryPlans queryPlans() {
            return new QueryPlans();
        }

        @Bean
        MongoClientSettingsBuilderCustomizer recordQueryPlans(QueryPlans queryPlans) {
            return settings -> settings.addCommandListener(queryPlans);
        }
    }
}
