package org.linli.issue.issue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.linli.issue.copies.SubtreeMoved;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterConvertEvent;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Marks the kept figure sums ({@link FigureCache}) stale: a save of an issue that changes its figures raises the
 * {@link FigureRev} of its hour and day, for the issue's path and each ancestor. A save that changes no figure from
 * now on (the sweep's repeated escalations of an issue long overdue) raises nothing
 * ({@link FigureCounts#sameFiguresFrom}). All sums are dropped at start-up (a crash between an issue's save and the
 * raise cannot leave stale sums behind) and when an org unit moves (issues change path without a save).
 */
@Component
class StaleFigures extends AbstractMongoEventListener<Issue> implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(StaleFigures.class);

    private final MongoOperations mongo;
    private final Clock clock;

    StaleFigures(MongoOperations mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    public void onAfterConvert(AfterConvertEvent<Issue> event) {
        event.getSource().countedAs(Counted.of(event.getSource()));
    }

    /**
     * A save that changes the issue's figures from now on raises its slots; one that changes none (compared with the
     * issue as it was read, by this instance) raises nothing. An issue moved to another path or hour raises its old
     * slots too.
     */
    @Override
    public void onAfterSave(AfterSaveEvent<Issue> event) {
        Issue issue = event.getSource();
        Counted before = issue.countedAsLoaded();
        Counted after = Counted.of(issue);
        issue.countedAs(after);
        if (before != null && before.samePlace(after) && after.row().reportedAt() != null
                && FigureCounts.sameFiguresFrom(before.row(), after.row(), clock.instant())) {
            return;
        }
        raise(issue);
        if (before != null && !before.samePlace(after)) {
            raise(issue.id(), before.communityPath(), before.row().reportedAt());
        }
    }

    /**
     * A saved issue makes the sums of its hour and day stale, under its path and every ancestor. The issue is
     * stored already: a failure here must not turn its save into an error, so the whole cache is dropped instead.
     */
    void raise(Issue issue) {
        raise(issue.id(), issue.communityPath(), issue.reportedAt());
    }

    private void raise(String issueId, String communityPath, Instant reportedAt) {
        if (reportedAt == null) {
            return;
        }
        try {
            BulkOperations raise = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, FigureRev.class);
            for (String node : nodes(communityPath)) {
                for (Duration length : List.of(FigureRev.HOUR, FigureRev.DAY)) {
                    Instant start = reportedAt.truncatedTo(length == FigureRev.DAY ? ChronoUnit.DAYS : ChronoUnit.HOURS);
                    raise.updateOne(Query.query(Criteria.where("_id").is(FigureRev.slotId(node, start, length))),
                            new Update().inc("rev", 1));
                }
            }
            raise.execute();
        } catch (DataAccessException | com.mongodb.MongoException failed) {
            log.warn("figure sums of issue {} not marked stale ({}): dropping them all", issueId, failed.toString());
            try {
                drop();
            } catch (DataAccessException | com.mongodb.MongoException alsoFailed) {
                log.error("figure sums could not be dropped either ({}): restart issue-service before trusting county "
                        + "statistics", alsoFailed.toString());
            }
        }
    }

    /** "" and every prefix of the path that ends a unit: /county/, /county/street/, /county/street/community/. */
    static List<String> nodes(String path) {
        List<String> nodes = new ArrayList<>(List.of(""));
        if (path != null) {
            for (int slash = path.indexOf('/', 1); slash > 0; slash = path.indexOf('/', slash + 1)) {
                nodes.add(path.substring(0, slash + 1));
            }
        }
        return nodes;
    }

    /** At start, before the service answers a request: sums a crash may have left stale are not used. */
    @Override
    public void afterSingletonsInstantiated() {
        drop();
    }

    @EventListener(SubtreeMoved.class)
    void drop() {
        mongo.dropCollection(FigureRev.class);
        mongo.dropCollection(FigureBucket.class);
    }

    /** What an issue counts for in the figures, and where: its row and its path. */
    record Counted(IssueStatistics.FigureRow row, String communityPath) {

        static Counted of(Issue issue) {
            return new Counted(IssueStatistics.FigureRow.of(issue), issue.communityPath());
        }

        boolean samePlace(Counted other) {
            return Objects.equals(communityPath, other.communityPath)
                    && Objects.equals(row.reportedAt(), other.row.reportedAt());
        }
    }
}
