package org.linli.devstack.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.aggregation.Aggregation;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import java.lang.reflect.Field;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * A database of the embedded store whose collections use their indexes: non-unique indexes are
 * {@link SecondaryIndex}es instead of being ignored, collections are {@link IndexedH2Collection}s, and an
 * aggregation that starts with {@code $match} (a driver's {@code countDocuments} among them) reads only the
 * documents the indexes point to; a plain count pipeline is answered by the collection's count.
 */
final class IndexedH2Database extends H2Database {

    /** H2Database's names for a collection's maps; the on-disk format, so they must not change. */
    private static final String DATA_MAP_PREFIX = "databases.";
    private static final String META_MAP_PREFIX = "meta.";
    /*
     * Set while H2Database's constructor opens the collections in the file, before this class's constructor
     * runs: so no initializers (they would run afterwards and reset them).
     */
    private List<IndexedH2Collection> openedFromFile;
    private boolean constructed;

    private static final Document COUNT_GROUP = new Document("$group",
            new Document("_id", 1).append("n", new Document("$sum", 1)));

    IndexedH2Database(String databaseName, MVStore store, CursorRegistry cursorRegistry) {
        super(databaseName, store, cursorRegistry);
        if (openedFromFile != null) {
            openedFromFile.forEach(IndexedH2Collection::buildOpenedIndexes);
            openedFromFile = null;
        }
        constructed = true;
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                    boolean sparse) {
        return new UniqueIndex(indexName, keys, sparse);
    }

    @Override
    protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                       boolean sparse) {
        return new SecondaryIndex(indexName, keys, sparse);
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        String fullName = getFullCollectionNamespace(collectionName);
        MVStore store = store();
        MVMap<Object, Document> dataMap = store.openMap(DATA_MAP_PREFIX + fullName,
                new MVMap.Builder<Object, Document>().valueType(BsonDocumentType.INSTANCE));
        MVMap<String, Object> metaMap = store.openMap(META_MAP_PREFIX + fullName);
        IndexedH2Collection collection = new IndexedH2Collection(this, collectionName, options, dataMap, metaMap,
                cursorRegistry, !constructed);
        if (!constructed) {
            if (openedFromFile == null) {
                openedFromFile = new java.util.ArrayList<>();
            }
            openedFromFile.add(collection);
        }
        return collection;
    }

    @Override
    public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver databaseResolver,
                                  Oplog oplog) {
        if (command.equalsIgnoreCase("aggregate")) {
            Document answer = aggregateThroughIndexes(query, databaseResolver, oplog);
            if (answer != null) {
                return answer;
            }
        }
        return super.handleCommand(channel, command, query, databaseResolver, oplog);
    }

    /** The answer of a {@code $match}-first, read-only pipeline on an indexed collection; {@code null} for others. */
    private Document aggregateThroughIndexes(Document query, DatabaseResolver databaseResolver, Oplog oplog) {
        if (!(query.get("aggregate") instanceof String collectionName)) {
            return null;
        }
        List<Document> pipeline = Aggregation.parse(query.get("pipeline"));
        if (pipeline.isEmpty() || pipeline.get(0).size() != 1 || !(pipeline.get(0).get("$match") instanceof Document match)
                || !(resolveCollection(collectionName, false) instanceof IndexedH2Collection collection)) {
            return null;
        }
        String namespace = getFullCollectionNamespace(collectionName);
        if (isCount(pipeline)) {
            int count = collection.count(match, number(pipeline, "$skip"), number(pipeline, "$limit"));
            return cursorResponse(namespace, count == 0 ? List.of() : List.of(new Document("_id", 1).append("n", count)));
        }
        Aggregation aggregation = Aggregation.fromPipeline(pipeline, databaseResolver, this, collection, oplog);
        aggregation.validate(query);
        if (aggregation.isModifying()) {
            return null;
        }
        return cursorResponse(namespace, aggregation.runStages(collection.matching(match).stream()));
    }

    /** {@code [$match, $skip?, $limit?, {$group: {_id: 1, n: {$sum: 1}}}]}, as the drivers' countDocuments sends. */
    private static boolean isCount(List<Document> pipeline) {
        if (!pipeline.get(pipeline.size() - 1).equals(COUNT_GROUP)) {
            return false;
        }
        for (Document stage : pipeline.subList(1, pipeline.size() - 1)) {
            if (stage.size() != 1 || !(stage.containsKey("$skip") || stage.containsKey("$limit"))) {
                return false;
            }
        }
        return true;
    }

    private static int number(List<Document> pipeline, String stageName) {
        for (Document stage : pipeline) {
            if (stage.get(stageName) instanceof Number number) {
                return number.intValue();
            }
        }
        return 0;
    }

    private static Document cursorResponse(String namespace, List<Document> documents) {
        Document cursor = new Document("id", 0L).append("ns", namespace).append("firstBatch", documents);
        return new Document("cursor", cursor).append("ok", 1.0);
    }

    /**
     * The MVStore of this database. H2Database keeps it private and sets it before it opens its collections
     * (from its constructor, so before a field of this class could be set): it is read from there.
     */
    private MVStore store() {
        try {
            Field field = H2Database.class.getDeclaredField("mvStore");
            field.setAccessible(true);
            return (MVStore) field.get(this);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("mongo-java-server's H2Database no longer has an mvStore field", e);
        }
    }
}
