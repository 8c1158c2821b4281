package org.linli.devstack.store;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * How index keys are compared and grouped, the way MongoDB compares values: numbers by value whatever their
 * Java type, and range operators that only ever match values of the bound's own type class
 * ({@code {$gte: date}} matches no string).
 */
final class IndexKeys {

    /** The type classes a range or an exact lookup can be answered for; anything else is {@link #OTHER}. */
    static final String NUMBER = "number";
    static final String STRING = "string";
    static final String DATE = "date";
    static final String BOOLEAN = "boolean";
    static final String OBJECT_ID = "objectId";
    static final String UUID_CLASS = "uuid";
    static final String OTHER = "other";

    private IndexKeys() {
    }

    /** The value as the index keeps it: numbers as doubles (longs too large for one stay longs), no -0.0. */
    static Object normalize(Object value) {
        if (Missing.isNullOrMissing(value)) {
            return null;
        }
        if (value instanceof Long longValue && (double) longValue != longValue.longValue()) {
            return value;
        }
        if (value instanceof Number number) {
            double doubleValue = number.doubleValue();
            return doubleValue == -0.0 ? 0.0 : doubleValue;
        }
        if (value instanceof Date date) {
            return date.toInstant();
        }
        return value;
    }

    static String typeClass(Object normalized) {
        if (normalized instanceof Number) {
            return NUMBER;
        } else if (normalized instanceof String) {
            return STRING;
        } else if (normalized instanceof Instant) {
            return DATE;
        } else if (normalized instanceof Boolean) {
            return BOOLEAN;
        } else if (normalized instanceof ObjectId) {
            return OBJECT_ID;
        } else if (normalized instanceof UUID) {
            return UUID_CLASS;
        }
        return OTHER;
    }

    /** A value an equality or {@code $in} can be looked up by exactly (not null, not a document or array). */
    static boolean isScalar(Object normalized) {
        return normalized != null && !OTHER.equals(typeClass(normalized));
    }
}
