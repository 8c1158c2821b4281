package org.linli.devstack.store;

import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What one query condition on one field asks of an index: the values it equals ({@code eq}, {@code $eq},
 * {@code $in}), its range ({@code $gt/$gte/$lt/$lte}) or its regular expression. {@code complete} says whether
 * every operator of the condition was understood; an index answers a complete condition exactly, an
 * incomplete one only as a superset that the query's own matcher then narrows.
 *
 * @param equals     values the field must equal (one of), normalized; {@code null} when not constrained so
 * @param lower      lower bound (normalized) or {@code null}
 * @param upper      upper bound (normalized) or {@code null}
 * @param regex      a regular expression the (string) value must match, or {@code null}
 * @param complete   every operator of the condition is one of the above
 */
record FieldCondition(List<Object> equals, Object lower, boolean lowerInclusive, Object upper, boolean upperInclusive,
                      BsonRegularExpression regex, boolean complete) {

    /** The condition of {@code value} as a query gives it for a field; {@code null} when no index can help. */
    static FieldCondition of(Object value) {
        if (value instanceof BsonRegularExpression regex) {
            return regex(regex, true);
        }
        if (value instanceof Document document && hasOperators(document)) {
            return ofOperators(document);
        }
        Object normalized = IndexKeys.normalize(value);
        return IndexKeys.isScalar(normalized) ? new FieldCondition(List.of(normalized), null, false, null, false, null, true) : null;
    }

    boolean hasRange() {
        return lower != null || upper != null;
    }

    private static FieldCondition ofOperators(Document operators) {
        List<Object> equals = null;
        Object lower = null;
        Object upper = null;
        boolean lowerInclusive = false;
        boolean upperInclusive = false;
        BsonRegularExpression regex = null;
        boolean complete = true;
        for (Map.Entry<String, Object> operator : operators.entrySet()) {
            Object operand = operator.getValue();
            Object normalized = IndexKeys.normalize(operand);
            switch (operator.getKey()) {
                case "$eq" -> {
                    if (IndexKeys.isScalar(normalized) && equals == null) {
                        equals = List.of(normalized);
                    } else {
                        complete = false;
                    }
                }
                case "$in" -> {
                    List<Object> values = scalars(operand);
                    if (values != null && equals == null) {
                        equals = values;
                    } else {
                        complete = false;
                    }
                }
                case "$gt", "$gte" -> {
                    if (isRangeBound(normalized) && lower == null) {
                        lower = normalized;
                        lowerInclusive = operator.getKey().equals("$gte");
                    } else {
                        complete = false;
                    }
                }
                case "$lt", "$lte" -> {
                    if (isRangeBound(normalized) && upper == null) {
                        upper = normalized;
                        upperInclusive = operator.getKey().equals("$lte");
                    } else {
                        complete = false;
                    }
                }
                case "$regex" -> {
                    if (regex == null && (operand instanceof String || BsonRegularExpression.isRegularExpression(operand))) {
                        Object options = operators.get("$options");
                        regex = operand instanceof String pattern
                                ? new BsonRegularExpression(pattern, options == null ? "" : options.toString())
                                : BsonRegularExpression.convertToRegularExpression(operand);
                    } else {
                        complete = false;
                    }
                }
                case "$options" -> {
                    // read with $regex
                }
                default -> complete = false;
            }
        }
        if (lower != null && upper != null && !IndexKeys.typeClass(lower).equals(IndexKeys.typeClass(upper))) {
            lower = null;
            upper = null;
            complete = false;
        }
        if (equals == null && lower == null && upper == null && regex == null) {
            return null;
        }
        return new FieldCondition(equals, lower, lowerInclusive, upper, upperInclusive, regex, complete);
    }

    private static FieldCondition regex(BsonRegularExpression regex, boolean complete) {
        return new FieldCondition(null, null, false, null, false, regex, complete);
    }

    private static boolean hasOperators(Document document) {
        return !document.isEmpty() && document.keySet().iterator().next().startsWith("$");
    }

    private static boolean isRangeBound(Object normalized) {
        String type = IndexKeys.typeClass(normalized);
        return type.equals(IndexKeys.NUMBER) || type.equals(IndexKeys.STRING) || type.equals(IndexKeys.DATE);
    }

    private static List<Object> scalars(Object operand) {
        if (!(operand instanceof Collection<?> values)) {
            return null;
        }
        List<Object> scalars = new ArrayList<>();
        for (Object value : values) {
            Object normalized = IndexKeys.normalize(value);
            if (!IndexKeys.isScalar(normalized)) {
                return null;
            }
            scalars.add(normalized);
        }
        return scalars;
    }
}
