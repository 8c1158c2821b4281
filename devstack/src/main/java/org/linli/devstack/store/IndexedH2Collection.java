package org.linli.devstack.store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.h2.mvstore.MVMap;

/**
 * A collection of the embedded store that plans its queries over its indexes instead of scanning: every
 * condition on an indexed field narrows the candidates (the {@code _id} and unique indexes by equality, the
 * {@link SecondaryIndex}es by equality, range and regular expression), the candidates are intersected, and the
 * query's own matcher then decides on each candidate, so results are those of a scan. A sorted query with a
 * limit whose conditions leave many candidates walks the sort field's index in order instead and stops once
 * the page is full. A count whose every condition an index answers exactly counts positions without reading a
 * document.
 */
final class IndexedH2Collection extends H2Collection {

    /** Above this many candidates a sorted, limited query walks the sort index instead. */
    static final int WALK_ABOVE = 2_000;
    private static final String ID = "_id";

    private final List<Index<Object>> opened = new ArrayList<>();
    private boolean opening;

    IndexedH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
                        MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry,
                        boolean opening) {
        super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
        this.opening = opening;
    }

    /**
     * While the store opens, indexes are only collected, and {@link #buildOpenedIndexes} then fills them all in one
     * pass over the documents (the library reads every document once per index, and twice for a unique one).
     */
    @Override
    public synchronized void addIndex(Index<Object> index) {
        if (opening) {
            opened.add(index);
        } else {
            super.addIndex(index);
        }
    }

    /** Fills the indexes collected while the store opened, reading each document once, and adds them. */
    synchronized void buildOpenedIndexes() {
        opening = false;
        streamAllDocumentsWithPosition().forEach(stored -> {
            for (Index<Object> index : opened) {
                index.add(stored.getDocument(), stored.getPosition(), this);
            }
        });
        opened.forEach(super::addIndex);
        opened.clear();
    }

    /**
     * Every stored document, read one at a time as the stream is consumed. The library's version runs a query for
     * all documents first, which collects the whole collection, decoded, into one list: every count, scan and
     * aggregation that no index narrows did so. A count of issues by {@code $exists} on session 18's 261,000-issue
     * store filled the store's 1.5 GB heap and ended it (session 19).
     */
    @Override
    public Stream<Document> queryAllAsStream() {
        return streamAllDocumentsWithPosition().map(DocumentWithPosition::getDocument);
    }

    /** Documents are counted by the store's own size; no per-write size bookkeeping in the meta map. */
    @Override
    protected boolean tracksDataSize() {
        return false;
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
                                         Document fieldSelector) {
        if (isNaturalDescending(orderBy)) {
            return super.queryDocuments(query, orderBy, skip, limit, batchSize, fieldSelector);
        }
        SecondaryIndex sortIndex = limit > 0 ? sortIndexOf(orderBy) : null;
        Candidates candidates = plan(query, sortIndex != null ? WALK_ABOVE : Integer.MAX_VALUE);
        if (candidates == null && sortIndex != null) {
            List<Document> walked = walk(sortIndex, ascending(orderBy), skip + limit, query);
            if (walked != null) {
                return matchDocumentsFromStream(query, walked.stream(), skip, limit, batchSize, deriveComparator(orderBy),
                        fieldSelector);
            }
            candidates = plan(query, Integer.MAX_VALUE);
        }
        Set<String> kept = limit > 0 ? null : ProjectedSort.fieldsToKeep(orderBy, fieldSelector);
        if (kept != null) {
            Stream<Document> narrowed = matching(query, candidates).map(document -> ProjectedSort.narrow(document, kept));
            return super.matchDocumentsFromStream(new Document(), narrowed, skip, limit, batchSize,
                    deriveComparator(orderBy), fieldSelector);
        }
        if (candidates == null) {
            return matchDocuments(query, orderBy, skip, limit, batchSize, fieldSelector);
        }
        return matchDocumentsFromStream(documentsAt(candidates.positions()), query, orderBy, skip, limit, batchSize,
                fieldSelector);
    }

    @Override
    public synchronized int count(Document query, int skip, int limit) {
        if (query == null || query.isEmpty()) {
            return super.count(query, skip, limit);
        }
        Candidates candidates = plan(query, Integer.MAX_VALUE);
        long count = candidates != null && candidates.exact()
                ? candidates.positions().size()
                : matching(query, candidates).count();
        count = Math.max(0, count - skip);
        return (int) (limit > 0 ? Math.min(limit, count) : count);
    }

    /**
     * A sorted query with a limit keeps only the documents of its page while it reads the candidates: the library
     * collects every match and sorts them all, so a first page over many candidates (those no index walk serves)
     * held each of them, decoded, at once. The page is the one the full, stable sort gives: among equal sort keys
     * the earlier-read document wins.
     */
    @Override
    protected QueryResult matchDocumentsFromStream(Document query, Stream<Document> documents, int skip, int limit,
                                                   int batchSize, Comparator<Document> comparator,
                                                   Document fieldSelector) {
        if (comparator == null || limit <= 0) {
            return super.matchDocumentsFromStream(query, documents, skip, limit, batchSize, comparator, fieldSelector);
        }
        List<Document> page = FirstInOrder.of(documents.filter(document -> documentMatchesQuery(document, query)),
                comparator, skip + limit);
        return super.matchDocumentsFromStream(query, page.stream(), skip, limit, batchSize, comparator, fieldSelector);
    }

    /** The documents matching {@code query}, found through the indexes where they can help. */
    synchronized List<Document> matching(Document query) {
        return matching(query, plan(query, Integer.MAX_VALUE)).toList();
    }

    private Stream<Document> matching(Document query, Candidates candidates) {
        Stream<Document> documents = candidates == null ? queryAllAsStream() : documentsAt(candidates.positions());
        return documents.filter(document -> documentMatchesQuery(document, query));
    }

    private Stream<Document> documentsAt(Collection<Object> positions) {
        return positions.stream().map(this::getDocument).filter(Objects::nonNull);
    }

    /**
     * The candidates for {@code query}: the intersection of what every index that can narrow one of its
     * conditions returns (each lookup at most {@code cap} positions), exact when every condition was answered
     * exactly; {@code null} when no index narrows it below {@code cap}.
     */
    Candidates plan(Document query, int cap) {
        Map<String, List<Object>> conditions = new LinkedHashMap<>();
        boolean exact = collectConditions(query, conditions);
        Set<Object> positions = null;
        for (Map.Entry<String, List<Object>> field : conditions.entrySet()) {
            for (Object condition : field.getValue()) {
                SecondaryIndex.Lookup lookup = lookup(field.getKey(), FieldCondition.of(condition), cap);
                if (lookup == null) {
                    exact = false;
                    continue;
                }
                exact &= lookup.exact();
                if (positions == null) {
                    positions = lookup.positions();
                } else {
                    positions.retainAll(lookup.positions());
                }
            }
        }
        return positions == null ? null : new Candidates(positions, exact);
    }

    private SecondaryIndex.Lookup lookup(String field, FieldCondition condition, int cap) {
        if (condition == null) {
            return null;
        }
        SecondaryIndex.Lookup unique = uniqueLookup(field, condition);
        if (unique != null) {
            return unique;
        }
        for (Index<Object> index : getIndexes()) {
            if (index instanceof SecondaryIndex secondary && secondary.field().equals(field)) {
                return secondary.lookup(condition, cap);
            }
        }
        return null;
    }

    /** An equality or {@code $in} on the field of a single-key unique index ({@code _id} among them). */
    private SecondaryIndex.Lookup uniqueLookup(String field, FieldCondition condition) {
        if (condition.equals() == null) {
            return null;
        }
        for (Index<Object> index : getIndexes()) {
            if (index instanceof AbstractUniqueIndex<Object> unique && unique.getKeys().size() == 1
                    && unique.getKeys().get(0).getKey().equals(field)) {
                Set<Object> positions = new HashSet<>();
                for (Object value : condition.equals()) {
                    unique.getPositions(new Document(field, value)).forEach(positions::add);
                }
                boolean exact = condition.complete() && !condition.hasRange() && condition.regex() == null;
                return new SecondaryIndex.Lookup(positions, exact);
            }
        }
        return null;
    }

    /** Splits the query into its conditions per field ({@code $and} flattened); {@code false} if it has others. */
    private static boolean collectConditions(Document query, Map<String, List<Object>> conditions) {
        boolean onlyFields = true;
        for (Map.Entry<String, Object> entry : query.entrySet()) {
            String key = entry.getKey();
            if (key.equals("$and") && entry.getValue() instanceof Collection<?> parts) {
                for (Object part : parts) {
                    onlyFields &= part instanceof Document document && collectConditions(document, conditions);
                }
            } else if (key.startsWith("$")) {
                onlyFields = false;
            } else {
                conditions.computeIfAbsent(key, k -> new ArrayList<>()).add(entry.getValue());
            }
        }
        return onlyFields;
    }

    private List<Document> walk(SecondaryIndex index, boolean ascending, int wanted, Document query) {
        List<Document> accepted = new ArrayList<>();
        boolean inOrder = index.walkInOrder(ascending, wanted, position -> {
            Document document = getDocument(position);
            if (document != null && documentMatchesQuery(document, query)) {
                accepted.add(document);
                return true;
            }
            return false;
        });
        return inOrder ? accepted : null;
    }

    private SecondaryIndex sortIndexOf(Document orderBy) {
        if (orderBy == null || orderBy.isEmpty()) {
            return null;
        }
        String field = orderBy.keySet().iterator().next();
        if (field.equals(ID) || field.startsWith("$")) {
            return null;
        }
        for (Index<Object> index : getIndexes()) {
            if (index instanceof SecondaryIndex secondary && secondary.field().equals(field)) {
                return secondary;
            }
        }
        return null;
    }

    private static boolean ascending(Document orderBy) {
        return ((Number) orderBy.values().iterator().next()).doubleValue() > 0;
    }

    /** Positions that may match a query, and whether they are exactly those that do. */
    record Candidates(Set<Object> positions, boolean exact) {
    }
}
