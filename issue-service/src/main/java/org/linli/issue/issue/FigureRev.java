package org.linli.issue.issue;

import java.time.Duration;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A slot's revision, raised by every save of an issue in the slot ({@link StaleFigures}). Kept apart from the sums
 * it guards: a sum holds a deadline per open issue and grows to hundreds of kilobytes for a busy county day, and
 * raising a counter inside it made the store copy and rewrite that whole document on every issue save (up to eight
 * slots each), which was most of the store's work in the scale benchmark (docs/benchmarks/scale.md).
 */
@Document(FigureRev.COLLECTION)
record FigureRev(@Id String id, long rev) {

    static final String COLLECTION = "issue_figure_revs";
    static final Duration HOUR = Duration.ofHours(1);
    static final Duration DAY = Duration.ofDays(1);

    /** The id of a slot's rev and sums: one hour or day from {@code start}, of one node ("" for the county). */
    static String slotId(String node, Instant start, Duration length) {
        return node + (length.equals(DAY) ? "|D|" : "|H|") + start.getEpochSecond();
    }
}
