package org.linli.issue.issue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.linli.issue.copies.SubtreeMoved;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
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
 * Figure sums per org path and per hour and day of {@code reportedAt}, so that a street's or the county's figures
 * over a month read a few dozen small documents instead of every issue of the month. A period is cut into whole
 * days, whole hours and at most two partial hours at its edges (read from the issues unless their hour lies wholly
 * inside the period). Sums are computed on first use, an hour's from its issues and a day's from its hours, and
 * kept until an issue of their slot is saved with a change to the figures: such a save raises the slot's
 * {@link FigureRev} (for the issue's path and each ancestor), and sums computed at an older rev are not used. A save
 * that changes no figure from now on (the sweep's repeated escalations of an issue long overdue) raises nothing
 * ({@link FigureCounts#sameFiguresFrom}). The open issues' deadlines travel with the sums, so the figures stay exact
 * as time passes without a save. The cache is dropped at start-up (a crash between an issue's save and the raise cannot
 * leave stale sums behind) and when an org unit moves (issues change path without a save).
 */
@Component
class FigureCache extends AbstractMongoEventListener<Issue> implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(FigureCache.class);
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration DAY = Duration.ofDays(1);

    private static final int READERS = 2;

    private final MongoOperations mongo;
    private final Clock clock;

    private final Object computing = new Object();
    private final Semaphore reading = new Semaphore(READERS, true);
    private final boolean warmUpOnStart;

    FigureCache(MongoOperations mongo, Clock clock, @Value("${linli.issue.statistics.warm-up:true}") boolean warmUp) {
        this.mongo = mongo;
        this.clock = clock;
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
        FigureCounts total = new FigureCounts();
        forEachSums(slots(node, from, to), (slot, bucket) -> {
            FigureCounts counts = bucket.within(slot.from(), slot.to()) ? bucket.counts()
                    : scan(node, slot.from(), slot.to());
            total.add(counts.settleAt(now));
        });
        return total;
    }

    /**
     * The current sums of each slot in turn, kept or computed: one read for the heads and revs of them all, then one
     * slot's sums at a time (a busy slot's are large, and the caller folds them into its total before the next).
     */
    private void forEachSums(List<Slot> slots, BiConsumer<Slot, FigureBucket> action) {
        List<String> ids = slots.stream().map(Slot::id).toList();
        Map<String, FigureBucket> heads = heads(ids);
        Map<String, Long> revs = revs(ids);
        for (Slot slot : slots) {
            FigureBucket head = heads.get(slot.id());
            Long rev = revs.get(slot.id());
            FigureBucket bucket = head != null && head.computedAt(rev) ? mongo.findById(slot.id(), FigureBucket.class)
                    : null;
            action.accept(slot, bucket != null && bucket.currentAt(rev) ? bucket : compute(slot));
        }
    }

    /** Whether the bucket's sums are those of its slot as it stands. */
    boolean current(FigureBucket bucket) {
        return bucket.currentAt(revs(List.of(bucket.id())).get(bucket.id()));
    }

    /** The slots' buckets without their sums (which rev they were computed at, and their span), by id. */
    private Map<String, FigureBucket> heads(List<String> ids) {
        Query withoutSums = Query.query(Criteria.where("_id").in(ids));
        withoutSums.fields().exclude("counts");
        return mongo.find(withoutSums, FigureBucket.class).stream()
                .collect(Collectors.toMap(FigureBucket::id, Function.identity()));
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
     * computing sixteen of them at once would need them all in memory together. An hour's issues are streamed into
     * the sums, never held as a list; a day is the sum of its hours' sums, so a save raising a day costs one hour's
     * issues, not the whole day's (one 300 s benchmark run adds 88,450 issues to its day).
     */
    private FigureBucket compute(Slot slot) {
        synchronized (computing) {
            FigureBucket bucket = mongo.findById(slot.id(), FigureBucket.class);
            Long current = revs(List.of(slot.id())).get(slot.id());
            if (bucket != null && bucket.currentAt(current)) {
                return bucket;
            }
            long rev = current != null ? current : open(List.of(slot.id())).get(slot.id());
            Summing sums = new Summing();
            if (slot.length().equals(DAY)) {
                computeStaleHours(slot);
                forEachSums(slot.hours(), (hour, sumsOfHour) -> sums.add(sumsOfHour));
            } else {
                try (Stream<IssueStatistics.FigureRow> rows = rows(slot.node(), slot.start(),
                        slot.start().plus(slot.length()))) {
                    rows.forEach(sums::add);
                }
            }
            FigureBucket computed = new FigureBucket(slot.id(), rev, sums.counts, sums.first, sums.last);
            keep(computed);
            return computed;
        }
    }

    /**
     * The hours of a day whose sums are not current, computed in one pass over the day's issues rather than one query
     * per hour (a month read cold is 720 hours).
     */
    private void computeStaleHours(Slot day) {
        List<Slot> hours = day.hours();
        List<String> ids = hours.stream().map(Slot::id).toList();
        Map<String, Long> revs = revs(ids);
        Set<String> current = heads(ids).values().stream()
                .filter(head -> head.computedAt(revs.get(head.id()))).map(FigureBucket::id).collect(Collectors.toSet());
        List<String> stale = ids.stream().filter(id -> !current.contains(id)).toList();
        if (stale.size() < 2) {
            return;
        }
        Map<String, Long> opened = open(stale);
        Map<String, Summing> sums = new HashMap<>();
        stale.forEach(id -> sums.put(id, new Summing()));
        try (Stream<IssueStatistics.FigureRow> rows = rows(day.node(), day.start(), day.start().plus(DAY))) {
            rows.forEach(row -> {
                Summing hour = sums.get(Slot.id(day.node(), row.reportedAt().truncatedTo(ChronoUnit.HOURS), HOUR));
                if (hour != null) {
                    hour.add(row);
                }
            });
        }
        sums.forEach((id, hour) -> keep(new FigureBucket(id, opened.get(id), hour.counts, hour.first, hour.last)));
    }

    /**
     * Creates the slots' revs before their issues are read, so a save during the reading raises them. A new rev
     * starts at random: after a drop (another instance starting), a computation begun before it cannot find "its" rev
     * again and have what it read before taken for current.
     */
    private Map<String, Long> open(List<String> ids) {
        BulkOperations open = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, FigureRev.class);
        for (String id : ids) {
            open.upsert(Query.query(Criteria.where("_id").is(id)),
                    new Update().setOnInsert("rev", ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2)));
        }
        open.execute();
        return revs(ids);
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
                for (Duration length : List.of(HOUR, DAY)) {
                    Instant start = reportedAt.truncatedTo(length == DAY ? ChronoUnit.DAYS : ChronoUnit.HOURS);
                    raise.updateOne(Query.query(Criteria.where("_id").is(Slot.id(node, start, length))),
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

    /** The sums of slots or issues being added up, with the earliest and latest report among them. */
    private static final class Summing {

        private final FigureCounts counts = new FigureCounts();
        private Instant first;
        private Instant last;

        void add(IssueStatistics.FigureRow row) {
            counts.add(row);
            span(row.reportedAt(), row.reportedAt());
        }

        void add(FigureBucket bucket) {
            counts.add(bucket.counts());
            if (bucket.first() != null) {
                span(bucket.first(), bucket.last());
            }
        }

        private void span(Instant earliest, Instant latest) {
            first = first == null || earliest.isBefore(first) ? earliest : first;
            last = last == null || latest.isAfter(last) ? latest : last;
        }
    }

    /** One hour or day of one node, and the part [from, to) of it a period covers. */
    private record Slot(String node, Instant start, Duration length, Instant from, Instant to) {

        String id() {
            return id(node, start, length);
        }

        /** The whole hours of this slot, each covered wholly. */
        List<Slot> hours() {
            List<Slot> hours = new ArrayList<>();
            for (Instant hour = start; hour.isBefore(start.plus(length)); hour = hour.plus(HOUR)) {
                hours.add(new Slot(node, hour, HOUR, hour, hour.plus(HOUR)));
            }
            return hours;
        }

        static String id(String node, Instant start, Duration length) {
            return node + (length.equals(DAY) ? "|D|" : "|H|") + start.getEpochSecond();
        }
    }
}
