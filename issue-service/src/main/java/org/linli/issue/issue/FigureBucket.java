package org.linli.issue.issue;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The figure sums of the issues reported in one hour or one day under one org path, kept by {@link FigureCache}.
 * {@code rev} is raised by every save of an issue in the slot; the sums are good while {@code computedRev} equals it.
 * {@code first}/{@code last} are the earliest and latest {@code reportedAt} in the slot (null when empty), so a
 * slot cut by a period's edge can still be used when all its issues lie on one side.
 */
@Document(FigureBucket.COLLECTION)
record FigureBucket(@Id String id, long rev, Long computedRev, FigureCounts counts, Instant first, Instant last) {

    static final String COLLECTION = "issue_figure_buckets";

    boolean current() {
        return counts != null && computedRev != null && computedRev == rev;
    }

    /** Whether every issue of the slot was reported in [from, to). */
    boolean within(Instant from, Instant to) {
        return first == null || (!first.isBefore(from) && last.isBefore(to));
    }
}
