package org.linli.issue.issue;

import java.time.Duration;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The figure sums of the issues reported in one hour or one day under one org path, kept by {@link FigureCache}.
 * They hold every save made before {@code asOf} (the instant their issues began to be read). They are exact while
 * the slot's {@link FigureRev} still stands at {@code computedRev}; sums built from parts that were not exact carry
 * {@link #NOT_EXACT}, which no rev equals. {@code issues} is how many issues they count ({@code counts.total}, kept
 * beside them because heads are read without the sums), {@code first}/{@code last}
 * the earliest and latest {@code reportedAt} among them (null when none), so a slot cut by a period's edge can still
 * be used when all its issues lie on one side.
 */
@Document(FigureBucket.COLLECTION)
record FigureBucket(@Id String id, long computedRev, Instant asOf, int issues, FigureCounts counts, Instant first,
                    Instant last) {

    static final String COLLECTION = "issue_figure_buckets";
    /** No rev is 0 (revs start at 1 or above), so sums kept with it are never taken for exact. */
    static final long NOT_EXACT = 0;

    /** Whether these sums were computed at the slot's current rev ({@code null}: the slot has none, so no). */
    boolean currentAt(Long rev) {
        return counts != null && computedAt(rev);
    }

    /** Whether the sums were computed at this rev, read from a bucket fetched without them. */
    boolean computedAt(Long rev) {
        return rev != null && computedRev == rev;
    }

    /**
     * Whether these sums may answer a request that arrived at {@code asked}: exact at the slot's rev, or begun after
     * the request arrived (so they hold every save made before it). A busy slot, when the request allows it, may
     * also answer with older sums, whatever their age (the request says as of when): recomputing its issues on
     * every save of one of them would take longer than the request may.
     */
    boolean answers(Long rev, Instant asked, Lag lag) {
        return computedAt(rev) || (asOf != null && (!asOf.isBefore(asked) || (lag != null && busy(rev, lag.busy()))));
    }

    /**
     * Whether recomputing these sums may read {@code threshold} issues or more: as many as they count plus the
     * changes saved in the slot since ({@code rev} minus the rev they were computed at), each of which may be a new
     * issue. Sums computed when the hour had just begun are busy once a campaign's thousands of reports came in.
     */
    boolean busy(Long rev, int threshold) {
        long changedSince = rev != null && computedRev != NOT_EXACT && rev > computedRev ? rev - computedRev : 0;
        return issues + changedSince >= threshold;
    }

    /** Whether every issue of the slot was reported in [from, to). */
    boolean within(Instant from, Instant to) {
        return first == null || (!first.isBefore(from) && last.isBefore(to));
    }

    /**
     * Busy slots: {@code busy} issues or more to recompute. Their sums answer whatever their age and are recomputed
     * behind the requests that use them, at most once every {@code refreshEvery}.
     */
    record Lag(int busy, Duration refreshEvery) {

        /**
         * Whether sums that were not exact for a request at {@code asked} should be recomputed: only once they are
         * {@code refreshEvery} old, so that a busy hour the sweep keeps changing is read again every so often, not
         * back to back for as long as requests come (each reading is all of the hour's issues).
         */
        boolean refreshDue(FigureBucket sums, Instant asked) {
            return sums.asOf() == null || !sums.asOf().isAfter(asked.minus(refreshEvery));
        }
    }
}
