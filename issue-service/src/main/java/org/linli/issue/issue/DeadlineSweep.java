package org.linli.issue.issue;

import java.time.Clock;
import java.time.Instant;
import io.github.springwolf.core.asyncapi.annotations.AsyncOperation;
import io.github.springwolf.core.asyncapi.annotations.AsyncPublisher;
import org.linli.events.Topics;
import org.linli.events.issue.IssueClosed;
import org.linli.events.issue.IssueEscalated;
import org.linli.events.issue.IssueOverdue;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The 5341 deadline sweep (督办): applies the clocks of the issues due ({@code nextDueAt} reached), so that overdue
 * issues are marked, supervised and escalated, and resolved ones nobody rated close. Scheduled by
 * {@code IssueConfiguration.DeadlineSweeper}.
 */
@Component
public class DeadlineSweep {

    private final IssueRepository issues;
    private final MongoOperations mongo;
    private final DeadlinePolicy policy;
    private final Clock clock;

    DeadlineSweep(IssueRepository issues, MongoOperations mongo, DeadlinePolicy policy, Clock clock) {
        this.issues = issues;
        this.mongo = mongo;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * Applies the clocks of every issue due by now (at most {@code batch}); an issue changed
     * concurrently is left for the next sweep. Returns how many changed.
     */
    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.ISSUE_EVENTS, payloadType = IssueOverdue.class,
            description = "a 5341 deadline passed"))
    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.ISSUE_EVENTS, payloadType = IssueEscalated.class,
            description = "an overdue issue escalated automatically"))
    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.ISSUE_EVENTS, payloadType = IssueClosed.class,
            description = "an unrated resolved issue closed after the callback window"))
    public int sweep(int batch) {
        Instant now = StoredTime.now(clock);
        Query due = Query.query(Criteria.where("nextDueAt").lte(now)).limit(batch);
        int changed = 0;
        for (Issue issue : mongo.find(due, Issue.class)) {
            if (issue.applyClocks(policy, now)) {
                try {
                    issues.save(issue);
                    changed++;
                } catch (OptimisticLockingFailureException concurrent) {
                    // changed by a user or another instance meanwhile: the next sweep sees it again
                }
            }
        }
        return changed;
    }
}
