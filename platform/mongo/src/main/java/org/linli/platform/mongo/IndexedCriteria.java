package org.linli.platform.mongo;

import org.springframework.data.mongodb.core.query.Criteria;

/** Conditions written so that an index answers them on MongoDB and on the embedded store alike. */
public final class IndexedCriteria {

    private IndexedCriteria() {
    }

    /**
     * Documents in which {@code field} (a path through arrays, e.g. {@code outbox.eventId}) holds at least one
     * string: the regular expression {@code ^} matches any string. Asked so rather than with
     * {@code {"outbox.0": {$exists: true}}} because both stores answer it from an index on {@code field} (MongoDB
     * scans the index's string keys, the embedded store its keys), whereas {@code $exists} on an array position
     * reads every document. With a sparse index the index holds only the documents that have the field.
     */
    public static Criteria hasAnyString(String field) {
        return Criteria.where(field).regex("^");
    }
}
