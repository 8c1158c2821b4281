package org.linli.devstack.store;

import de.bwaldvogel.mongo.bson.Document;
import java.util.HashSet;
import java.util.Set;

/**
 * A sorted query without a limit must hold every match at once to sort it, and the library projects only after
 * sorting: issue-service's start-up read of the day's reports (four fields of each, sorted by time) held every
 * whole issue of the day (tens of thousands on session 14's store, ~9.3 KB each decoded) and ran the store out of
 * heap. When the projection only includes fields, each match is cut to the top-level fields the projection and the
 * sort need before it is kept; the projection then gives the same answer.
 */
final class ProjectedSort {

    private static final String ID = "_id";

    private ProjectedSort() {
    }

    /**
     * The top-level fields to keep of each match of a sorted query with this projection, or {@code null} when the
     * query is not sorted or its projection is not one of inclusions only.
     */
    static Set<String> fieldsToKeep(Document orderBy, Document projection) {
        if (orderBy == null || orderBy.isEmpty() || projection == null || projection.isEmpty()) {
            return null;
        }
        Set<String> kept = new HashSet<>();
        kept.add(ID);
        boolean includes = false;
        for (var field : projection.entrySet()) {
            if (isInclusion(field.getValue())) {
                includes = true;
                kept.add(topLevel(field.getKey()));
            } else if (!field.getKey().equals(ID) || !isExclusion(field.getValue())) {
                return null;
            }
        }
        if (!includes) {
            return null; // {_id: 0} alone: every other field
        }
        for (String sortField : orderBy.keySet()) {
            if (sortField.startsWith("$")) {
                return null;
            }
            kept.add(topLevel(sortField));
        }
        return kept;
    }

    static Document narrow(Document document, Set<String> kept) {
        Document narrowed = new Document();
        for (var field : document.entrySet()) {
            if (kept.contains(field.getKey())) {
                narrowed.put(field.getKey(), field.getValue());
            }
        }
        return narrowed;
    }

    private static boolean isInclusion(Object value) {
        return Boolean.TRUE.equals(value) || value instanceof Number number && number.doubleValue() != 0;
    }

    private static boolean isExclusion(Object value) {
        return Boolean.FALSE.equals(value) || value instanceof Number number && number.doubleValue() == 0;
    }

    private static String topLevel(String path) {
        int dot = path.indexOf('.');
        return dot < 0 ? path : path.substring(0, dot);
    }
}
