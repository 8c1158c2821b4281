package org.linli.issue.retention;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One run of a retention job: what it looked at and what it anonymised, counts only (never personal data).
 *
 * @param id         the run
 * @param kind       what was anonymised ({@code ISSUE_REPORTER}: reporter name and phone of ended issues)
 * @param retention  the retention period applied, ISO-8601 ({@code P3Y})
 * @param cutoff     records that ended before this instant were due
 * @param examined   records found due (ended before the cutoff, still holding the data)
 * @param anonymised records anonymised
 * @param skipped    records changed concurrently and left for the next run
 * @param startedAt  when the run began
 * @param finishedAt when it ended
 */
@Document("retention_runs")
record RetentionRun(@Id String id, String kind, String retention, Instant cutoff, long examined, long anonymised,
                    long skipped, Instant startedAt, Instant finishedAt) {
}
