package org.linli.issue.issue;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The figure sums of the issues reported in one hour or one day under one org path, kept by {@link FigureCache},
 * computed when the slot's {@link FigureRev} stood at {@code computedRev}; good while it still does.
 * {@code first}/{@code last} are the earliest and latest {@code reportedAt} in the slot (null when empty), so a
 * slot cut by a period's edge can still be used when all its issues lie on one side.
 */
@Document(FigureBucket.COLLECTION)
record FigureBucket(@Id String id, long computedRev, FigureCounts counts, Instant first, Instant last) {

    static final String COLLECTION = "issue_figure_buckets";

    /** Whether these sums were computed at the slot's current rev ({@code null}: the slot has none, so no). */
    boolean currentAt(Long rev) {
        return counts != null && computedAt(rev);
    }

    /** Whether the sums were computed at this rev, read from a bucket fetched without them. */
    boolean computedAt(Long rev) {
        return rev != null && computedRev == rev;
    }

    /** Whether every issue of the slot was reported in [from, to). */
    boolean within(Instant from, Instant to) {
        return first == null || (!first.isBefore(from) && last.isBefore(to));
    }
}
