package org.linli.issue.issue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.linli.issue.place.Route;

/**
 * The state a historical record reached in its own system, replayed onto the new issue that imports it (导入): its
 * status, to whom it was dispatched, its resolution and rating, when it ended, its clocks as they stood then (a
 * solution after its deadline was late; a resolved record awaits its callback from its resolution), and the timeline
 * that leads there, from its report to the import at {@code now}. No event: the import records one IssueImported.
 */
record ImportedState(IssueStatus status, Assignment assignment, Resolution resolution, Instant closedAt,
                     Clocks clocks, List<Issue.Step> timeline) {

    static ImportedState of(HistoricalRecord record, Route route, Clocks started, DeadlinePolicy policy,
                            Instant now) {
        IssueStatus status = record.status();
        List<Issue.Step> timeline = new ArrayList<>();
        timeline.add(new Issue.Step(record.receivedAt(), "REPORTED", null,
                Channel.HOTLINE.label() + " " + record.source() + " " + record.sourceRecordId()));
        Assignment assignment = status == IssueStatus.REPORTED || status == IssueStatus.REJECTED ? Assignment.NONE
                : status == IssueStatus.OPEN_FOR_CLAIM ? Assignment.NONE.dispatchedTo(null)
                : Assignment.toWorker(route);
        if (status == IssueStatus.REJECTED) {
            timeline.add(new Issue.Step(record.closedAt(), "REJECTED", null, record.note()));
        } else if (status != IssueStatus.REPORTED) {
            timeline.add(new Issue.Step(record.receivedAt(),
                    assignment.openForClaim() ? "OPEN_FOR_CLAIM" : "DISPATCHED", null, null));
        }
        Resolution resolution = Resolution.imported(record);
        Clocks clocks = started;
        if (resolution.resolvedAt() != null) {
            clocks = clocks.solvedAt(resolution.resolvedAt());
            timeline.add(new Issue.Step(resolution.resolvedAt(), "RESOLVED", null, resolution.note()));
        }
        if (status == IssueStatus.RESOLVED) {
            clocks = clocks.callbackFrom(resolution.resolvedAt(), policy.callbackWindow());
        }
        if (status == IssueStatus.CLOSED) {
            timeline.add(new Issue.Step(record.closedAt(), "CLOSED", null,
                    record.rating() == null ? null : "rating " + record.rating()));
        }
        timeline.add(new Issue.Step(now, "IMPORTED", null, record.source()));
        return new ImportedState(status, assignment, resolution, record.closedAt(), clocks, List.copyOf(timeline));
    }
}
