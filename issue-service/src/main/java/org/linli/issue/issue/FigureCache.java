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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PreDestroy;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Figure sums per org path and per hour and day of {@code reportedAt}, so that a street's or the county's figures
 * over a month read a few dozen small documents instead of every issue of the month. A period is cut into whole
 * days, whole hours and at most two partial hours at its edges (read from the issues unless their hour lies wholly
 * inside the period). Sums are computed on first use, an hour's from its issues and a day's from its hours, and
 * kept until an issue of their slot is saved with a change to the figures: such a save raises the slot's
 * {@link FigureRev} ({@link StaleFigures}), and sums computed at an older rev are not used, except sums begun after
 * the request arrived (they hold every save made before it, so requests waiting on one computation share it). The
 * open issues' deadlines travel with the sums, so the figures stay exact as time passes without a save.
 *
 * <p>A busy slot (a campaign's or an import's hour, thousands of issues or changes since its sums,
 * {@link FigureBucket#busy}) whose issues keep changing would be recomputed from all of them on every request: there a
 * request takes the sums kept, whatever their age, says as of when ({@link IssueStatistics.Figures#asOf}), and the
 * slot is recomputed behind it, on one background thread, at most once every 30 s ({@link FigureBucket.Lag}). While
 * requests keep coming the sums lag by 30 s and one recomputation; the first request after a quiet spell gets older
 * ones, at once, rather than waiting for a recomputation of the hour (10 s in session 20's scale benchmark).
 */
@Component
class FigureCache {

    private static final Logger log = LoggerFactory.getLogger(FigureCache.class);
    private static final Duration HOUR = FigureRev.HOUR;
    private static final Duration DAY = FigureRev.DAY;

    private static final int READERS = 2;
    private static final int DECODED_DEADLINES = 300_000;

    private final MongoOperations mongo;
    private final Clock clock;

    private final Object computing = new Object();
    private final Semaphore reading = new Semaphore(READERS, true);
    private final boolean warmUpOnStart;
    private final FigureBucket.Lag lag;
    /** Busy slots queued for recomputation here or being recomputed. */
    private final Set<String> recomputing = ConcurrentHashMap.newKeySet();
    /** Sums read or computed here, up to about {@value #DECODED_DEADLINES} deadlines (some megabytes). */
    private final Cache<String, FigureBucket> decodedBuckets = Caffeine.newBuilder()
            .maximumWeight(DECODED_DEADLINES).weigher((String id, FigureBucket bucket) -> 1 + bucket.counts().deadlines())
            .build();
    private final ExecutorService refreshing = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "figure-refresh");
        thread.setDaemon(true);
        return thread;
    });

    FigureCache(MongoOperations mongo, Clock clock, @Value("${linli.issue.statistics.warm-up:true}") boolean warmUp,
                @Value("${linli.issue.statistics.busy-slot.issues:2000}") int busySlotIssues,
                @Value("${linli.issue.statistics.busy-slot.refresh-every:30s}") Duration busySlotRefresh) {
        this.mongo = mongo;
        this.clock = clock;
        this.warmUpOnStart = warmUp;
        this.lag = new FigureBucket.Lag(busySlotIssues, busySlotRefresh);
    }

    /**
     * The figures of the issues reported in [from, to) whose community path starts with {@code node} ("" for all),
     * as they stand at {@code now}. The sums carry a deadline per open issue, some megabytes for a county month
     * with a hundred thousand open issues, so a request holds one slot's sums at a time, settled into the running
     * total at {@code now} ({@link FigureCounts#addSettled}), and at most {@value #READERS} requests (or the
     * warm-up) read at once per instance: sixteen at once ran issue-service's 160 MB heap out in the scale
     * benchmark; the others wait their turn. They hold every change saved before their {@code asOf}: the request's
     * arrival, or the oldest busy slot's sums it was answered from.
     */
    IssueStatistics.Figures figures(String node, Instant from, Instant to, Instant now) {
        Instant asked = clock.instant();
        reading.acquireUninterruptibly();
        try {
            FigureCounts total = new FigureCounts();
            Instant asOf = settle(node, from, to, now, asked, total);
            return total.figures(from, to, now, asOf);
        } finally {
            reading.release();
        }
    }

    /** Adds the slots' sums to {@code total}, settled at {@code now}; returns the instant they hold every save before. */
    private Instant settle(String node, Instant from, Instant to, Instant now, Instant asked, FigureCounts total) {
        Instant[] asOf = {asked};
        forEachSums(slots(node, from, to), asked, lag, (slot, answer) -> {
            FigureBucket bucket = answer.bucket();
            FigureCounts counts = bucket.within(slot.from(), slot.to()) ? bucket.counts()
                    : scan(node, slot.from(), slot.to());
            total.addSettled(counts, now);
            if (!answer.exact() && bucket.asOf() != null && bucket.asOf().isBefore(asOf[0])) {
                asOf[0] = bucket.asOf();
            }
        });
        return asOf[0];
    }

    /**
     * The sums of each slot in turn that answer a request which arrived at {@code asked}, kept or computed: one read
     * for the heads and revs of them all, then one slot's sums at a time (a busy slot's are large, and the caller
     * folds them into its total before the next). With a {@code lag}, a busy slot's sums behind its rev are used
     * and recomputed in the background. Returns whether every slot's sums were exact at its rev.
     */
    private boolean forEachSums(List<Slot> slots, Instant asked, FigureBucket.Lag lag,
                                BiConsumer<Slot, Answer> action) {
        List<String> ids = slots.stream().map(Slot::id).toList();
        Map<String, FigureBucket> heads = heads(ids);
        Map<String, Long> revs = revs(ids);
        boolean exact = true;
        for (Slot slot : slots) {
            FigureBucket head = heads.get(slot.id());
            Long rev = revs.get(slot.id());
            FigureBucket kept = head != null && head.answers(rev, asked, lag) ? read(head) : null;
            Answer answer = kept != null && kept.counts() != null && kept.answers(rev, asked, lag)
                    ? new Answer(kept, kept.computedAt(rev)) : compute(slot, asked, lag);
            if (!answer.exact() && lag != null && lag.refreshDue(answer.bucket(), asked)) {
                refreshLater(slot);
            }
            exact &= answer.exact();
            action.accept(slot, answer);
        }
        return exact;
    }

    /**
     * The kept sums of a head, decoded once per instance: a bucket is never changed once stored (sums computed again
     * are stored with a later {@code asOf}), so sums read before with the head's rev and {@code asOf} are the same.
     * A busy hour's sums carry tens of thousands of deadlines, and reading them from the store for every request
     * was most of a county-wide request's time.
     */
    private FigureBucket read(FigureBucket head) {
        FigureBucket decoded = decodedBuckets.getIfPresent(head.id());
        if (decoded != null && decoded.computedRev() == head.computedRev()
                && Objects.equals(decoded.asOf(), head.asOf())) {
            return decoded;
        }
        FigureBucket stored = mongo.findById(head.id(), FigureBucket.class);
        if (stored != null && stored.counts() != null) {
            decodedBuckets.put(stored.id(), stored);
        }
        return stored;
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
     * issues, not the whole day's (one 300 s benchmark run adds 88,450 issues to its day). A request that waited
     * here for another computation takes its sums if they answer it.
     */
    private Answer compute(Slot slot, Instant asked, FigureBucket.Lag lag) {
        synchronized (computing) {
            return sum(slot, asked, lag);
        }
    }

    private Answer sum(Slot slot, Instant asked, FigureBucket.Lag lag) {
        FigureBucket bucket = mongo.findById(slot.id(), FigureBucket.class);
        Long current = revs(List.of(slot.id())).get(slot.id());
        if (bucket != null && bucket.counts() != null && bucket.answers(current, asked, lag)) {
            return new Answer(bucket, bucket.currentAt(current));
        }
        long rev = current != null ? current : open(List.of(slot.id())).get(slot.id());
        Summing sums = new Summing(StoredTime.now(clock));
        boolean exact = true;
        if (slot.length().equals(DAY)) {
            computeStaleHours(slot, asked);
            exact = forEachSums(slot.hours(), asked, null, (hour, sumsOfHour) -> sums.add(sumsOfHour.bucket()));
        } else {
            try (Stream<IssueStatistics.FigureRow> rows = rows(slot.node(), slot.start(),
                    slot.start().plus(slot.length()))) {
                rows.forEach(sums::add);
            }
        }
        FigureBucket computed = sums.bucket(slot.id(), exact ? rev : FigureBucket.NOT_EXACT);
        keep(computed);
        return new Answer(computed, exact);
    }

    /**
     * Recomputes a busy slot behind the request that used its older sums, on one background thread; a slot already
     * queued or being recomputed is not queued again. Requests never wait for it: under load a busy hour's
     * recomputation took seconds, and with a 30 s lag the first request after a quiet spell computed the hour itself
     * while every request behind it waited (9 s, and 503s past the gateway's time-out, in session 18's benchmark).
     * Nor does it hold the requests' computing turn: while it summed a campaign hour's 80,000 issues, every request
     * that had a small slot to compute waited behind it (session 19's benchmark: the gateway's breaker opened). At
     * most two slots are computed at once per instance, this one and one request's.
     */
    private void refreshLater(Slot slot) {
        if (!recomputing.add(slot.id())) {
            return;
        }
        refreshing.execute(() -> {
            try {
                sum(slot, clock.instant(), null);
            } catch (RuntimeException e) {
                log.warn("figure sums of {} not refreshed ({}); the next request computes them", slot.id(), e.toString());
            } finally {
                recomputing.remove(slot.id());
            }
        });
    }

    @PreDestroy
    void stopRefreshing() {
        refreshing.shutdownNow();
    }

    /**
     * The hours of a day whose sums are not current, computed in one pass over the day's issues rather than one query
     * per hour (a month read cold is 720 hours).
     */
    private void computeStaleHours(Slot day, Instant asked) {
        List<Slot> hours = day.hours();
        List<String> ids = hours.stream().map(Slot::id).toList();
        Map<String, Long> revs = revs(ids);
        Set<String> answering = heads(ids).values().stream()
                .filter(head -> head.answers(revs.get(head.id()), asked, null)).map(FigureBucket::id)
                .collect(Collectors.toSet());
        List<String> stale = ids.stream().filter(id -> !answering.contains(id)).toList();
        if (stale.size() < 2) {
            return;
        }
        Map<String, Long> opened = open(stale);
        Map<String, Summing> sums = new HashMap<>();
        Instant asOf = StoredTime.now(clock);
        stale.forEach(id -> sums.put(id, new Summing(asOf)));
        try (Stream<IssueStatistics.FigureRow> rows = rows(day.node(), day.start(), day.start().plus(DAY))) {
            rows.forEach(row -> {
                Summing hour = sums.get(FigureRev.slotId(day.node(), row.reportedAt().truncatedTo(ChronoUnit.HOURS), HOUR));
                if (hour != null) {
                    hour.add(row);
                }
            });
        }
        sums.forEach((id, hour) -> keep(hour.bucket(id, opened.get(id))));
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
        decodedBuckets.put(computed.id(), computed);
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

    /**
     * At each hour's turn the county's new hour gets its sums (of no issue yet), so that however many reports pour in
     * before the first statistics request, the hour has sums to answer from and is found busy
     * ({@link FigureBucket#busy}); without them the first request after a campaign's first hour computed that hour
     * itself, and every request behind it waited.
     */
    @SchedulerLock(name = "issue.figure-hour-opening")
    @Scheduled(cron = "1 0 * * * *")
    void openTheCountysNewHour() {
        Instant hour = clock.instant().truncatedTo(ChronoUnit.HOURS);
        refreshLater(new Slot("", hour, HOUR, hour, hour.plus(HOUR)));
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** A slot's sums for a request, and whether they are exact at the slot's rev. */
    private record Answer(FigureBucket bucket, boolean exact) {
    }

    /**
     * The sums of slots or issues being added up, with the earliest and latest report among them and the instant
     * before which every save is in them (the earliest of the parts').
     */
    private static final class Summing {

        private final FigureCounts counts = new FigureCounts();
        private Instant first;
        private Instant last;
        private Instant asOf;

        Summing(Instant asOf) {
            this.asOf = asOf;
        }

        void add(IssueStatistics.FigureRow row) {
            counts.add(row);
            span(row.reportedAt(), row.reportedAt());
        }

        void add(FigureBucket bucket) {
            counts.add(bucket.counts());
            if (bucket.first() != null) {
                span(bucket.first(), bucket.last());
            }
            asOf = bucket.asOf() == null ? Instant.MIN : min(asOf, bucket.asOf());
        }

        FigureBucket bucket(String id, long rev) {
            return new FigureBucket(id, rev, asOf, counts.total, counts, first, last);
        }

        private void span(Instant earliest, Instant latest) {
            first = first == null || earliest.isBefore(first) ? earliest : first;
            last = last == null || latest.isAfter(last) ? latest : last;
        }
    }

    /** One hour or day of one node, and the part [from, to) of it a period covers. */
    private record Slot(String node, Instant start, Duration length, Instant from, Instant to) {

        String id() {
            return FigureRev.slotId(node, start, length);
        }

        /** The whole hours of this slot, each covered wholly. */
        List<Slot> hours() {
            List<Slot> hours = new ArrayList<>();
            for (Instant hour = start; hour.isBefore(start.plus(length)); hour = hour.plus(HOUR)) {
                hours.add(new Slot(node, hour, HOUR, hour, hour.plus(HOUR)));
            }
            return hours;
        }
    }
}
