package org.linli.devstack.store;

import de.bwaldvogel.mongo.bson.BinData;
import java.util.Collection;
import java.util.Map;

/**
 * The heap a decoded document takes, estimated from what it holds (64-bit JVM, compressed references): what
 * MVStore's page cache and page splits count a document as ({@link BsonDocumentType#getMemory}).
 * <p>
 * An estimate, not a measurement: text values count two bytes a character (most of the services' text is Chinese),
 * keys one. It errs high, so the cache holds a little less than its budget rather than more. MVStore asks for it
 * only on a sample of the values it reads and writes, and keeps an average per collection.
 */
final class DecodedSize {

    /** {@code Document} and its {@code LinkedHashMap}. */
    private static final int DOCUMENT = 16 + 56;
    /** A {@code LinkedHashMap.Entry} and its slot in the table (loaded to at most 0.75). */
    private static final int ENTRY = 40 + 6;
    /** {@code ArrayList} and its array's header. */
    private static final int LIST = 24 + 16;
    /** A {@code String} and its array's header. */
    private static final int STRING = 24 + 16;
    /** A boxed number, date, id or anything else small: the most such an object takes. */
    private static final int SCALAR = 32;

    private DecodedSize() {
    }

    static int of(Object value) {
        if (value instanceof Map<?, ?> map) {
            int size = DOCUMENT;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                size += ENTRY + STRING + entry.getKey().toString().length() + of(entry.getValue());
            }
            return size;
        }
        if (value instanceof Collection<?> list) {
            int size = LIST;
            for (Object element : list) {
                size += 4 + of(element);
            }
            return size;
        }
        if (value instanceof CharSequence text) {
            return STRING + 2 * text.length();
        }
        if (value instanceof BinData binary) {
            return 16 + 16 + binary.getData().length;
        }
        return value == null || value instanceof Boolean ? 0 : SCALAR;
    }
}
