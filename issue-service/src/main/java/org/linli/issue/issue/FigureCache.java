package org.linli.issue.issue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.linli.issue.place.SubtreeMoved;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Figure sums per org path and per hour and day of {@code reportedAt}, so that a street's or the county's figures
 * over a month read a few dozen small documents instead of every issue of the month. A period is cut into whole
 * days, whole hours and at most two partial hours at its edges (read from the issues unless their hour lies wholly
 * inside the period). Sums are computed on first use and kept until an issue of their slot is saved: every save
 * raises the slot's {@link FigureRev} (for the issue's path and each ancestor), and sums computed at an older rev
 * are not used. The open issues' deadlines travel with the sums, so the figures stay exact as time
 * passes without a save. The cache is dropped at start-up (a crash between an issue's save and the raise cannot
 * leave stale sums behind) and when an org unit moves (issues change path without a save).
 */
@Component
class FigureCache extends AbstractMongoEventListener<Issue> implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(FigureCache.class);
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration DAY = Duration.ofDays(1);

    private final MongoOperations mongo;
    private static final int READERS = 2;

    private final Object computing = new Object();
    private final Semaphore reading = new Semaphore(READERS, true);
    private final boolean warmUpOnStart;

    FigureCache(MongoOperations mongo, @Value("${linli.issue.statistics.warm-up:true}") boolean warmUp) {
        this.mongo = mongo;
        this.warmUpOnStart = warmUp;
    }

    /**
     * The figures of the issues reported in [from, to) whose community path starts with {@code node} ("" for all),
     * as they stand at {@code now}. The sums carry a deadline per open issue, some megabytes for a county month
     * with a hundred thousand open issues, so a request holds one slot's sums at a time, settled into the running
     * total at {@code now} ({@link FigureCounts#settleAt}), and at most {@value #READERS} requests (or the
     * warm-up) read at once per instance: sixteen at once ran issue-service's 160 MB heap out in the scale
     * benchmark; the others wait their turn.
     */
    IssueStatistics.Figures figures(String node, Instant from, Instant to, Instant now) {
        reading.acquireUninterruptibly();
        try {
            return settled(node, from, to, now).figures(from, to, now);
        } finally {
            reading.release();
        }
    }

    private FigureCounts settled(String node, Instant from, Instant to, Instant now) {
        List<Slot> slots = slots(node, from, to);
        List<String> ids = slots.stream().map(Slot::id).toList();
        Query withoutSums = Query.query(Criteria.where("_id").in(ids));
        withoutSums.fields().exclude("counts");
        Map<String, FigureBucket> stored = mongo.find(withoutSums, FigureBucket.class).stream()
                .collect(Collectors.toMap(FigureBucket::id, Function.identity()));
        Map<String, Long> revs = revs(ids);
        FigureCounts total = new FigureCounts();
        for (Slot slot : slots) {
            FigureBucket head = stored.get(slot.id());
            FigureBucket bucket = head != null && head.computedAt(revs.get(slot.id()))
                    ? mongo.findById(slot.id(), FigureBucket.class) : null;
            if (bucket == null || !bucket.currentAt(revs.get(slot.id()))) {
                bucket = compute(slot);
            }
            FigureCounts counts = bucket.within(slot.from(), slot.to()) ? bucket.counts()
                    : scan(node, slot.from(), slot.to());
            total.add(counts.settleAt(now));
        }
        return total;
    }

    /** Whether the bucket's sums are those of its slot as it stands. */
    boolean current(FigureBucket bucket) {
        return bucket.currentAt(revs(List.of(bucket.id())).get(bucket.id()));
    }

    private Map<String, Long> revs(List<String> ids) {
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), FigureRev.class).stream()
                .collect(Collectors.toMap(FigureRev::id, FigureRev::rev));
    }

    private static List<Slot> slots(String node, Instant from, Instant to) {
        List<Slot> slots = new ArrayList<>();
        Instant at = from;
        while (at.isBefore(to)) {
            Instant hour = at.truncatedTo(ChronoUnit.HOURS);
            boolean wholeDay = at.equals(at.truncatedTo(ChronoUnit.DAYS)) && !at.plus(DAY).isAfter(to);
            Duration length = wholeDay ? DAY : HOUR;
            Instant next = min(hour.plus(length), to);
            slots.add(new Slot(node, wholeDay ? at : hour, length, at, next));
            at = next;
        }
        return slots;
    }

    /**
     * One slot at a time in this instance: a busy hour holds tens of thousands of issues, and sixteen requests
     * computing sixteen of them at once would need them all in memory together. The issues are streamed into the
     * sums, never held as a list.
     */
    private FigureBucket compute(Slot slot) {
        synchronized (computing) {
            FigureBucket bucket = mongo.findById(slot.id(), FigureBucket.class);
            Long current = revs(List.of(slot.id())).get(slot.id());
            if (bucket != null && bucket.currentAt(current)) {
                return bucket;
            }
            long rev = current != null ? current : open(slot.id());
            FigureCounts counts = new FigureCounts();
            Instant first = null;
            Instant last = null;
            try (Stream<IssueStatistics.FigureRow> rows = rows(slot.node(), slot.start(),
                    slot.start().plus(slot.length()))) {
                for (IssueStatistics.FigureRow row : (Iterable<IssueStatistics.FigureRow>) rows::iterator) {
                    counts.add(row);
                    first = first == null || row.reportedAt().isBefore(first) ? row.reportedAt() : first;
                    last = last == null || row.reportedAt().isAfter(last) ? row.reportedAt() : last;
                }
            }
            FigureBucket computed = new FigureBucket(slot.id(), rev, counts, first, last);
            keep(computed);
            return computed;
        }
    }

    /**
     * Creates the slot's rev before its issues are read, so a save during the reading raises it. A new rev starts at
     * random: after a drop (another instance starting), a computation begun before it cannot find "its" rev again and
     * have what it read before taken for current.
     */
    private long open(String id) {
        FigureRev opened = mongo.findAndModify(Query.query(Criteria.where("_id").is(id)),
                new Update().setOnInsert("rev", ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2)),
                FindAndModifyOptions.options().upsert(true).returnNew(true), FigureRev.class);
        return opened == null ? 0L : opened.rev();
    }

    /**
     * Stores the sums with the rev they were computed at. Should an issue of the slot have been saved meanwhile, its
     * rev has moved on and these sums are not used (every read compares).
     */
    private void keep(FigureBucket computed) {
        try {
            mongo.save(computed);
        } catch (DataAccessException tooLargeOrUnavailable) {
            log.warn("figure sums of {} not kept: {}", computed.id(), tooLargeOrUnavailable.getMessage());
        }
    }

    private FigureCounts scan(String node, Instant from, Instant to) {
        FigureCounts counts = new FigureCounts();
        try (Stream<IssueStatistics.FigureRow> rows = rows(node, from, to)) {
            rows.forEach(counts::add);
        }
        return counts;
    }

    private Stream<IssueStatistics.FigureRow> rows(String node, Instant from, Instant to) {
        Criteria criteria = Criteria.where("reportedAt").gte(from).lt(to);
        if (!node.isEmpty()) {
            criteria = criteria.and("communityPath").regex("^" + Pattern.quote(node));
        }
        return mongo.query(Issue.class).as(IssueStatistics.FigureRow.class).matching(Query.query(criteria)).stream();
    }

    @Override
    public void onAfterSave(AfterSaveEvent<Issue> event) {
        raise(event.getSource());
    }

    /**
     * A saved issue makes the sums of its hour and day stale, under its path and every ancestor. The issue is
     * stored already: a failure here must not turn its save into an error, so the whole cache is dropped instead.
     */
    void raise(Issue issue) {
        if (issue.reportedAt() == null) {
            return;
        }
        try {
            BulkOperations raise = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, FigureRev.class);
            for (String node : nodes(issue.communityPath())) {
                for (Duration length : List.of(HOUR, DAY)) {
                    Instant start = issue.reportedAt().truncatedTo(length == DAY ? ChronoUnit.DAYS : ChronoUnit.HOURS);
                    raise.updateOne(Query.query(Criteria.where("_id").is(Slot.id(node, start, length))),
                            new Update().inc("rev", 1));
                }
            }
            raise.execute();
        } catch (DataAccessException | com.mongodb.MongoException failed) {
            log.warn("figure sums of issue {} not marked stale ({}): dropping them all", issue.id(), failed.toString());
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

    /**
     * Once started, the county's last 30 days are summed on a background thread, so that the first county admin
     * to ask does not wait for (and time out on) a month of issues; later slots are small and summed on first use.
     */
    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        if (!warmUpOnStart) {
            return;
        }
        Thread warming = new Thread(() -> {
            try {
                Instant now = Instant.now();
                figures("", now.minus(Duration.ofDays(30)), now, now);
            } catch (RuntimeException e) {
                log.warn("figure sums not warmed up ({}); they are summed on first use", e.toString());
            }
        }, "figure-warm-up");
        warming.setDaemon(true);
        warming.start();
    }

    @EventListener(SubtreeMoved.class)
    void drop() {
        mongo.dropCollection(FigureRev.class);
        mongo.dropCollection(FigureBucket.class);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** One hour or day of one node, and the part [from, to) of it a period covers. */
    private record Slot(String node, Instant start, Duration length, Instant from, Instant to) {

        String id() {
            return id(node, start, length);
        }

        static String id(String node, Instant start, Duration length) {
            return node + (length.equals(DAY) ? "|D|" : "|H|") + start.getEpochSecond();
        }
    }
}
