package org.linli.issue.issue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.bson.Document;
import org.linli.platform.domain.GreatCircle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The located reports of the duplicate window, in memory, filed by category and by a square cell of the
 * duplicate radius: a new report compares itself with the reports of the few cells around it, not with every
 * report of the window (a county's busy day, or a benchmark at one spot, put tens of thousands in the window,
 * and comparing with all of them made every submission slower than the one before). Each cell keeps its
 * newest {@value #PER_CELL} reports: a spot reported more often than that within the window still finds a
 * duplicate among them, and memory stays bounded however busy a spot is.
 * <p>
 * Loaded from the store at start; this instance's reports are added as they come, and another instance's are read
 * in by a catch-up: at most every {@link #CATCH_UP_EVERY}, one submission reads the reports stored since the last
 * catch-up (one indexed range query on {@code reportedAt}, going {@link #CATCH_UP_OVERLAP} further back for a report
 * stamped before the last catch-up but stored after it, and for instances' clocks a little apart; reports read twice
 * are kept once). So a report through one instance is suggested as the duplicate of one through another stored a
 * second or more before; the submissions in between pay nothing. A generation counter, as the routing and unit
 * indexes use, would cost a write per submission here, and a rebuild on every change. A report another instance
 * stored with an earlier {@code reportedAt} (a hotline call received before) is missed, which only means a duplicate
 * is not suggested (merging stays a staff decision). Candidates are confirmed against the store (still open).
 */
@Component
class RecentReports {

    private static final Logger log = LoggerFactory.getLogger(RecentReports.class);

    static final int PER_CELL = 64;
    static final Duration CATCH_UP_EVERY = Duration.ofSeconds(1);
    static final Duration CATCH_UP_OVERLAP = Duration.ofSeconds(3);
    private static final double METRES_PER_DEGREE_OF_LATITUDE = 110_000; // rounded down: a cell is at least the radius high
    private static final int PURGE_EVERY = 1_024;

    private final Map<Cell, Deque<Entry>> cells = new ConcurrentHashMap<>();
    private final AtomicInteger addsSincePurge = new AtomicInteger();
    private final AtomicBoolean catchingUp = new AtomicBoolean();
    private final MongoOperations mongo;
    private final IssueSettings settings;
    private final Clock clock;
    private final double cellDegrees;
    /** When the store was last read: the reports stored since are another instance's to catch up with. */
    private volatile Instant readUpTo;

    RecentReports(MongoOperations mongo, IssueSettings settings, Clock clock) {
        this.mongo = mongo;
        this.settings = settings;
        this.clock = clock;
        this.cellDegrees = Math.max(settings.duplicateRadiusMetres(), 1) / METRES_PER_DEGREE_OF_LATITUDE;
        readUpTo = clock.instant();
        // read as plain documents: mapping each into an Issue (its flat values) was a fifth of the service's start-up
        // CPU once a day's reports were in the window (25,000 at a benchmark's spot)
        try (Stream<Document> issues = mongo.stream(reportedSince(readUpTo.minus(settings.duplicateWindow())),
                Document.class, mongo.getCollectionName(Issue.class))) {
            issues.forEach(this::addStored);
        }
    }

    private static Query reportedSince(Instant since) {
        Query recent = Query.query(Criteria.where("reportedAt").gte(since).and("status").nin(IssueStatus.FINAL))
                .with(Sort.by("reportedAt"));
        recent.fields().include("category").include("lat").include("lng").include("reportedAt");
        return recent;
    }

    private void addStored(Document issue) {
        category(issue).ifPresent(category -> add(String.valueOf(issue.get("_id")), category, number(issue, "lat"),
                number(issue, "lng"), issue.getDate("reportedAt").toInstant()));
    }

    /**
     * Reads in the reports stored since the last read (another instance's, and this one's again, kept once), when
     * that was {@link #CATCH_UP_EVERY} ago; one caller at a time, the others go on with what is known.
     */
    private void catchUp() {
        Instant now = clock.instant();
        Instant last = readUpTo;
        if (now.isBefore(last.plus(CATCH_UP_EVERY)) || !catchingUp.compareAndSet(false, true)) {
            return;
        }
        try {
            mongo.find(reportedSince(last.minus(CATCH_UP_OVERLAP)), Document.class, mongo.getCollectionName(Issue.class))
                    .forEach(this::addStored);
            readUpTo = now;
        } catch (RuntimeException e) {
            // the suggestion is a hint: a submission never fails for it; the next catch-up reads from the same point
            log.warn("recent reports of other instances not read: {}", e.toString());
        } finally {
            catchingUp.set(false);
        }
    }

    private static Optional<Category> category(Document issue) {
        return java.util.Arrays.stream(Category.values()).filter(known -> known.name().equals(issue.get("category")))
                .findFirst();
    }

    private static Double number(Document issue, String field) {
        return issue.get(field) instanceof Number number ? number.doubleValue() : null;
    }

    /** The nearest open issue of the same category within the radius and window, if any. */
    Optional<String> duplicateOf(Issue issue) {
        if (issue.lat() == null || issue.lng() == null || settings.duplicateRadiusMetres() <= 0) {
            return Optional.empty();
        }
        catchUp();
        Instant since = issue.reportedAt().minus(settings.duplicateWindow());
        Nearest nearest = new Nearest(issue, settings.duplicateRadiusMetres());
        for (Cell cell : cellsAround(issue.category(), issue.lat(), issue.lng())) {
            cells.computeIfPresent(cell, (key, entries) -> {
                expire(entries, since);
                // a caught-up report may sit behind newer ones: the window is checked on each, not only by expiry
                entries.stream().filter(entry -> !entry.reportedAt().isBefore(since)).forEach(nearest::offer);
                return entries.isEmpty() ? null : entries;
            });
        }
        if (nearest.entry == null) {
            return Optional.empty();
        }
        Issue candidate = mongo.findById(nearest.entry.id(), Issue.class);
        return candidate != null && candidate.status().open() ? Optional.of(nearest.entry.id()) : Optional.empty();
    }

    /** Remembers a saved report. */
    void add(Issue issue) {
        add(issue.id(), issue.category(), issue.lat(), issue.lng(), issue.reportedAt());
    }

    private void add(String id, Category category, Double lat, Double lng, Instant reportedAt) {
        if (lat == null || lng == null) {
            return;
        }
        Entry entry = new Entry(id, lat, lng, reportedAt);
        cells.compute(cellOf(category, lat, lng), (key, entries) -> {
            Deque<Entry> kept = entries == null ? new ArrayDeque<>(4) : entries;
            if (kept.stream().anyMatch(known -> known.id().equals(id))) {
                return kept; // read again by a catch-up
            }
            kept.addLast(entry);
            if (kept.size() > PER_CELL) {
                kept.pollFirst();
            }
            return kept;
        });
        if (addsSincePurge.incrementAndGet() >= PURGE_EVERY) {
            addsSincePurge.set(0);
            purge();
        }
    }

    /** Drops every report older than the window, and the cells left empty (cells nobody reports near again). */
    private void purge() {
        Instant since = clock.instant().minus(settings.duplicateWindow());
        for (Cell cell : cells.keySet()) {
            cells.computeIfPresent(cell, (key, entries) -> {
                expire(entries, since);
                return entries.isEmpty() ? null : entries;
            });
        }
    }

    private static void expire(Deque<Entry> entries, Instant since) {
        while (!entries.isEmpty() && entries.peekFirst().reportedAt().isBefore(since)) {
            entries.pollFirst();
        }
    }

    private Cell cellOf(Category category, double lat, double lng) {
        return new Cell(category, (long) Math.floor(lat / cellDegrees), (long) Math.floor(lng / cellDegrees));
    }

    /**
     * The cells that may hold a report within the radius: one row each side, and as many columns each side as
     * the radius spans in degrees of longitude at this latitude (a degree of longitude shrinks towards the poles).
     */
    private List<Cell> cellsAround(Category category, double lat, double lng) {
        Cell centre = cellOf(category, lat, lng);
        double farthestLatitude = Math.min(Math.abs(lat) + 2 * cellDegrees, 89);
        int columns = (int) Math.ceil(1 / Math.cos(Math.toRadians(farthestLatitude)));
        List<Cell> around = new ArrayList<>();
        for (long row = centre.row() - 1; row <= centre.row() + 1; row++) {
            for (long column = centre.column() - columns; column <= centre.column() + columns; column++) {
                around.add(new Cell(category, row, column));
            }
        }
        return around;
    }

    private record Cell(Category category, long row, long column) {
    }

    /** The nearest other report within the radius among those offered. */
    private static final class Nearest {

        private final Issue report;
        private final int radiusMetres;
        private Entry entry;
        private double metres = Double.MAX_VALUE;

        Nearest(Issue report, int radiusMetres) {
            this.report = report;
            this.radiusMetres = radiusMetres;
        }

        void offer(Entry candidate) {
            double distance = GreatCircle.metres(report.lat(), report.lng(), candidate.lat(), candidate.lng());
            if (distance <= radiusMetres && distance < metres && !candidate.id().equals(report.id())) {
                entry = candidate;
                metres = distance;
            }
        }
    }

    private record Entry(String id, double lat, double lng, Instant reportedAt) {
    }
}
