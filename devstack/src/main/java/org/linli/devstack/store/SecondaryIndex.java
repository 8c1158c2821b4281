package org.linli.devstack.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import it.unimi.dsi.fastutil.objects.ObjectOpenHashSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A non-unique index for the embedded store, which mongo-java-server lacks (it logs "adding secondary index …
 * not yet implemented" and scans). It keeps, in memory, the positions of the documents by the value of the
 * index's first key, ordered the way MongoDB orders values; it is rebuilt from the stored documents when the
 * store opens. Array values are indexed element by element (a multikey index). The other keys of a compound
 * index are not used: a lookup returns a superset that the query's matcher narrows, as MongoDB does with a
 * prefix of a compound index.
 *
 * <p>It answers the lookups of {@link FieldCondition} (equality, {@code $in}, ranges within one type class, regular
 * expressions evaluated on the keys) with the matching positions and whether they are exact, and it can walk
 * the documents in key order for a sorted query with a limit. Positions are the stored documents' {@code _id}.
 */
final class SecondaryIndex extends Index<Object> {

    private static final String ID = "_id";

    private final String field;
    /**
     * Key → the position of its one document, or a {@code Set} of them: most keys (dates, ids) have one. Sets are
     * open-addressing ({@link ObjectOpenHashSet}, ~5 bytes an element; a {@code HashSet} took ~30, and the position
     * sets were the largest part of the store's heap on a county-year store, 4.3 million elements).
     */
    private final NavigableMap<Object, Object> entries = new TreeMap<>(ValueComparator.ascWithoutListHandling());
    private final Set<Object> withoutValue = new ObjectOpenHashSet<>();
    private final Map<String, Integer> keysPerType = new HashMap<>();
    private long documents;
    private long multikeyDocuments;

    SecondaryIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.field = keys.get(0).getKey();
    }

    String field() {
        return field;
    }

    @Override
    public Object getPosition(Document document) {
        return null; // not unique: the _id index names the position of a document
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        // not unique: nothing can conflict
    }

    @Override
    public synchronized void add(Document document, Object position, MongoCollection<Object> collection) {
        Object value = valueOf(document);
        List<Object> keys = keysOf(value);
        if (keys.isEmpty()) {
            withoutValue.add(position);
        }
        for (Object key : keys) {
            entries.merge(key, position, SecondaryIndex::withPosition);
            keysPerType.merge(IndexKeys.typeClass(key), 1, Integer::sum);
        }
        if (value instanceof Collection) {
            multikeyDocuments++;
        }
        documents++;
    }

    @Override
    public synchronized Object remove(Document document) {
        Object position = document.get(ID);
        Object value = valueOf(document);
        List<Object> keys = keysOf(value);
        if (keys.isEmpty()) {
            withoutValue.remove(position);
        }
        for (Object key : keys) {
            Object positions = entries.get(key);
            if (positions instanceof Set<?> several ? several.contains(position) : position.equals(positions)) {
                keysPerType.merge(IndexKeys.typeClass(key), -1, Integer::sum);
                Object left = withoutPosition(positions, position);
                if (left == null) {
                    entries.remove(key);
                } else {
                    entries.put(key, left);
                }
            }
        }
        if (value instanceof Collection) {
            multikeyDocuments--;
        }
        documents--;
        return position;
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        // not unique: nothing can conflict
    }

    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, Object position,
                                           MongoCollection<Object> collection) {
        Object oldValue = valueOf(oldDocument);
        Object newValue = valueOf(newDocument);
        if (keysOf(oldValue).equals(keysOf(newValue)) && (oldValue instanceof Collection) == (newValue instanceof Collection)) {
            return;
        }
        Document removed = new Document(oldDocument);
        removed.put(ID, position);
        remove(removed);
        add(newDocument, position, collection);
    }

    @Override
    public boolean canHandle(Document query) {
        return false; // queries are planned by IndexedH2Collection, which asks lookup() directly
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        throw new UnsupportedOperationException("use lookup()");
    }

    @Override
    public synchronized long getCount() {
        return documents;
    }

    @Override
    public long getDataSize() {
        return 0;
    }

    @Override
    public synchronized void drop() {
        entries.clear();
        withoutValue.clear();
        keysPerType.clear();
        documents = 0;
        multikeyDocuments = 0;
    }

    /**
     * The positions of the documents whose value may satisfy {@code condition}, at most {@code cap} of them;
     * {@code null} when this index cannot narrow the condition or more than {@code cap} would come back.
     */
    synchronized Lookup lookup(FieldCondition condition, int cap) {
        boolean exact = condition.complete();
        Set<Object> found = null;
        if (condition.equals() != null) {
            found = collect(condition.equals(), cap);
            if (found == null) {
                return null;
            }
        }
        if (condition.hasRange()) {
            Set<Object> inRange = multikeyDocuments > 0 ? null : collect(rangeKeys(condition), key -> true, cap);
            exact &= inRange != null;
            found = intersect(found, inRange);
        }
        if (condition.regex() != null) {
            Pattern pattern = compile(condition.regex());
            Set<Object> matching = collect(regexKeys(condition.regex()),
                    key -> key instanceof String text && pattern.matcher(text).find(), cap);
            exact &= matching != null;
            found = intersect(found, matching);
        }
        return found == null ? null : new Lookup(found, exact);
    }

    /**
     * Positions in key order (ascending or descending), whole groups of equal keys at a time, until
     * {@code accept} has accepted {@code wanted} documents; {@code false} when this index cannot give the
     * order MongoDB would (arrays, missing values or mixed types in it).
     */
    synchronized boolean walkInOrder(boolean ascending, int wanted, Predicate<Object> accept) {
        if (multikeyDocuments > 0 || !withoutValue.isEmpty() || typesPresent() > 1) {
            return false;
        }
        int accepted = 0;
        for (Object group : (ascending ? entries : entries.descendingMap()).values()) {
            for (Object position : positionsOf(group)) {
                if (accept.test(position)) {
                    accepted++;
                }
            }
            if (accepted >= wanted) {
                break;
            }
        }
        return true;
    }

    private long typesPresent() {
        return keysPerType.values().stream().filter(count -> count > 0).count();
    }

    private Set<Object> collect(List<Object> keys, int cap) {
        Set<Object> found = new HashSet<>();
        for (Object key : keys) {
            Object positions = entries.get(key);
            if (positions != null) {
                found.addAll(positionsOf(positions));
                if (found.size() > cap) {
                    return null;
                }
            }
        }
        return found;
    }

    private static Set<Object> collect(Iterable<Map.Entry<Object, Object>> range, Predicate<Object> keyMatches, int cap) {
        Set<Object> found = new LinkedHashSet<>();
        for (Map.Entry<Object, Object> entry : range) {
            if (keyMatches.test(entry.getKey())) {
                found.addAll(positionsOf(entry.getValue()));
                if (found.size() > cap) {
                    return null;
                }
            }
        }
        return found;
    }

    /** Both sets' positions; a {@code null} side (not narrowed, or too many) leaves the other as it is. */
    private static Set<Object> intersect(Set<Object> found, Set<Object> more) {
        if (more == null) {
            return found;
        }
        if (found == null) {
            return more;
        }
        found.retainAll(more);
        return found;
    }

    /** The entries whose keys lie in the condition's range, never leaving the bounds' type class. */
    private Iterable<Map.Entry<Object, Object>> rangeKeys(FieldCondition condition) {
        Object bound = condition.lower() != null ? condition.lower() : condition.upper();
        String type = IndexKeys.typeClass(bound);
        NavigableMap<Object, Object> range;
        if (condition.lower() != null && condition.upper() != null) {
            if (ValueComparator.ascWithoutListHandling().compare(condition.lower(), condition.upper()) > 0) {
                return List.of();
            }
            range = entries.subMap(condition.lower(), condition.lowerInclusive(), condition.upper(), condition.upperInclusive());
        } else if (condition.lower() != null) {
            range = entries.tailMap(condition.lower(), condition.lowerInclusive());
        } else {
            range = entries.headMap(condition.upper(), condition.upperInclusive()).descendingMap();
        }
        return () -> new TakeWhile(range.entrySet().iterator(), key -> IndexKeys.typeClass(key).equals(type));
    }

    /** All entries, or for a regular expression anchored on a literal prefix only those starting with it. */
    private Iterable<Map.Entry<Object, Object>> regexKeys(BsonRegularExpression regex) {
        String prefix = literalPrefix(regex);
        if (prefix == null || prefix.isEmpty()) {
            return entries.entrySet();
        }
        return () -> new TakeWhile(entries.tailMap(prefix, true).entrySet().iterator(),
                key -> key instanceof String text && text.startsWith(prefix));
    }

    /** The literal every match must start with ({@code ^abc}, {@code ^\Qa.b\E}), or {@code null}. */
    static String literalPrefix(BsonRegularExpression regex) {
        String options = regex.getOptions() == null ? "" : regex.getOptions();
        String pattern = regex.getPattern();
        if (!options.isEmpty() || !pattern.startsWith("^")) {
            return null;
        }
        if (pattern.startsWith("^\\Q")) {
            int end = pattern.indexOf("\\E", 3);
            return end < 0 ? pattern.substring(3) : pattern.substring(3, end);
        }
        StringBuilder prefix = new StringBuilder();
        for (char c : pattern.substring(1).toCharArray()) {
            if (".[]{}()*+?^$|\\".indexOf(c) >= 0) {
                // a quantifier applies to the character before it, which is then not certain
                if ("*?{".indexOf(c) >= 0 && prefix.length() > 0) {
                    prefix.setLength(prefix.length() - 1);
                }
                break;
            }
            prefix.append(c);
        }
        return prefix.toString();
    }

    private static Pattern compile(BsonRegularExpression regex) {
        String options = regex.getOptions() == null ? "" : regex.getOptions();
        return new BsonRegularExpression(regex.getPattern(), options).matcher("").pattern();
    }

    /** The positions an entry holds (one, or a set). */
    @SuppressWarnings("unchecked")
    private static Collection<Object> positionsOf(Object entry) {
        return entry instanceof Set<?> several ? (Set<Object>) several : List.of(entry);
    }

    @SuppressWarnings("unchecked")
    private static Object withPosition(Object entry, Object position) {
        if (entry instanceof Set<?> several) {
            ((Set<Object>) several).add(position);
            return several;
        }
        if (entry.equals(position)) {
            return entry;
        }
        Set<Object> both = new ObjectOpenHashSet<>(4);
        both.add(entry);
        both.add(position);
        return both;
    }

    /** The entry without {@code position}; {@code null} when none is left. */
    private static Object withoutPosition(Object entry, Object position) {
        if (!(entry instanceof Set<?> several)) {
            return null;
        }
        several.remove(position);
        return several.size() == 1 ? several.iterator().next() : several;
    }

    private Object valueOf(Document document) {
        return Utils.getSubdocumentValueCollectionAware(document, field);
    }

    private static List<Object> keysOf(Object value) {
        if (Missing.isNullOrMissing(value)) {
            return List.of();
        }
        if (value instanceof Collection<?> elements) {
            List<Object> keys = new ArrayList<>(elements.size());
            for (Object element : elements) {
                Object key = IndexKeys.normalize(element);
                if (key != null && !keys.contains(key)) {
                    keys.add(key);
                }
            }
            return keys;
        }
        return List.of(IndexKeys.normalize(value));
    }

    record Lookup(Set<Object> positions, boolean exact) {
    }

    /** The entries of an ordered iteration up to the first whose key fails {@code keyBelongs}. */
    private static final class TakeWhile implements Iterator<Map.Entry<Object, Object>> {

        private final Iterator<Map.Entry<Object, Object>> entries;
        private final Predicate<Object> keyBelongs;
        private Map.Entry<Object, Object> next;

        TakeWhile(Iterator<Map.Entry<Object, Object>> entries, Predicate<Object> keyBelongs) {
            this.entries = entries;
            this.keyBelongs = keyBelongs;
            advance();
        }

        private void advance() {
            next = null;
            if (entries.hasNext()) {
                Map.Entry<Object, Object> candidate = entries.next();
                if (keyBelongs.test(candidate.getKey())) {
                    next = candidate;
                }
            }
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public Map.Entry<Object, Object> next() {
            Map.Entry<Object, Object> current = next;
            advance();
            return current;
        }
    }
}
