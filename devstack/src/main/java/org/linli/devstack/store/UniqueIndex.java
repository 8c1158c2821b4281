package org.linli.devstack.store;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A unique index ({@code _id} among them) kept in memory and rebuilt from the documents when the store opens,
 * like {@link SecondaryIndex}. H2's own unique index is a map in the file whose keys H2 compares by
 * Java-serialising them, and every write rewrote its pages on commit (both seen in a JFR profile of the store
 * during the history import).
 */
final class UniqueIndex extends AbstractUniqueIndex<Object> {

    /** By the key's one value for a single-key index (no KeyValue wrapper to keep), else by the KeyValue. */
    private final Map<Object, Object> positions = new ConcurrentHashMap<>();

    UniqueIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
    }

    @Override
    public long getCount() {
        return positions.size();
    }

    @Override
    public boolean isEmpty() {
        return positions.isEmpty();
    }

    @Override
    public long getDataSize() {
        return 0;
    }

    @Override
    protected Object removeDocument(KeyValue keyValue) {
        return positions.remove(keyOf(keyValue));
    }

    /**
     * The {@code _id} index keys each document by the position itself: the key read from the document and the
     * position read from the file are equal but separate objects, and keeping both cost a second copy of every id in
     * the store (about 1.5 million strings, ~120 MB of heap, on session 18's county-year store).
     */
    @Override
    protected boolean putKeyPosition(KeyValue keyValue, Object position) {
        Object key = keyOf(keyValue);
        return positions.putIfAbsent(key.equals(position) ? position : key, position) == null;
    }

    @Override
    protected Object getPosition(KeyValue keyValue) {
        return positions.get(keyOf(keyValue));
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
        return () -> positions.entrySet().stream()
                .map(entry -> Map.entry(entry.getKey() instanceof KeyValue keyValue ? keyValue : new KeyValue(entry.getKey()),
                        entry.getValue()))
                .iterator();
    }

    /** A single value stands for itself; a null one (a sparse miss, or missing) keeps its KeyValue. */
    private static Object keyOf(KeyValue keyValue) {
        return keyValue.size() == 1 && keyValue.get(0) != null && !(keyValue.get(0) instanceof KeyValue) ? keyValue.get(0) : keyValue;
    }
}
