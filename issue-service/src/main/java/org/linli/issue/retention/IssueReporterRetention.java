package org.linli.issue.retention;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.bson.Document;
import org.linli.issue.issue.Issue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.linli.platform.mongo.MongoPages;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes the reporter's name and phone from issues that ended longer ago than {@code linli.retention.issue-reporter}
 * (P3Y by default), daily at {@code linli.retention.cron}. One query streams the ids of the due issues (the embedded
 * store has no secondary index, so any query is one scan: one per run, at night), then each issue is read by id and
 * changed by its aggregate, one at a time on the job's own thread (not the scheduler's, which runs the deadline
 * sweep). A run writes its counts to {@code retention_runs} and the log, never personal data. An issue changed
 * concurrently is skipped and taken by the next run. Several instances may each run it: the change is idempotent.
 */
@Component
class IssueReporterRetention {

    static final String KIND = "ISSUE_REPORTER";
    private static final Logger log = LoggerFactory.getLogger(IssueReporterRetention.class);

    private final MongoTemplate mongo;
    private final RetentionSettings settings;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "retention");
        thread.setDaemon(true);
        return thread;
    });

    IssueReporterRetention(MongoTemplate mongo, RetentionSettings settings, Clock clock) {
        this.mongo = mongo;
        this.settings = settings;
        this.clock = clock;
    }

    /** Daily, on one instance: the lock is held at least five minutes so that an instance whose clock lags does not run it again. */
    @SchedulerLock(name = "issue.reporter-retention", lockAtLeastFor = "PT5M")
    @Scheduled(cron = "${linli.retention.cron:0 30 3 * * *}", zone = "${linli.retention.zone:Asia/Shanghai}")
    void scheduled() {
        if (settings.enabled()) {
            worker.execute(this::run);
        }
    }

    /** One run now, unless one is under way (then nothing happens and the answer is empty). */
    Optional<RetentionRun> run() {
        if (!running.compareAndSet(false, true)) {
            return Optional.empty();
        }
        try {
            return Optional.of(runOnce());
        } finally {
            running.set(false);
        }
    }

    /** A page of the runs recorded, as {@code pageable} sorts them. */
    Page<RetentionRun> runs(Pageable pageable) {
        return MongoPages.page(mongo, new Query().with(pageable), pageable, RetentionRun.class);
    }

    private RetentionRun runOnce() {
        Instant started = clock.instant();
        Instant cutoff = started.atZone(settings.zone()).minus(settings.issueReporter()).toInstant();
        List<String> due = dueIds(cutoff);
        long anonymised = 0;
        long skipped = 0;
        for (String id : due) {
            Issue issue = mongo.findById(id, Issue.class);
            if (issue == null || !issue.anonymiseReporter(cutoff, clock.instant())) {
                continue;
            }
            try {
                mongo.save(issue);
                anonymised++;
            } catch (OptimisticLockingFailureException changedMeanwhile) {
                skipped++;
            }
        }
        RetentionRun run = mongo.insert(new RetentionRun(UUID.randomUUID().toString(), KIND,
                settings.issueReporter().toString(), cutoff, due.size(), anonymised, skipped, started, clock.instant()));
        log.info("retention {}: examined {}, anonymised {}, skipped {} (cutoff {})", KIND, run.examined(),
                run.anonymised(), run.skipped(), cutoff);
        return run;
    }

    /** Ids of issues that ended before the cutoff and still hold a reporter's name or phone. */
    private List<String> dueIds(Instant cutoff) {
        Query query = new Query(Criteria.where("closedAt").lt(cutoff)
                .orOperator(Criteria.where("reporterName").ne(null), Criteria.where("reporterPhone").ne(null)));
        query.fields().include("_id");
        try (Stream<Document> ids = mongo.stream(query, Document.class, "issues")) {
            return ids.map(document -> document.get("_id").toString()).toList();
        }
    }
}
