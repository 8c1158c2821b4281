package org.linli.issue.issue;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The located reports of the duplicate window, per category, in memory: a new report looks for an
 * open one nearby here instead of scanning the issues collection (the embedded store has no
 * secondary indexes). Loaded from the store at start; this instance's reports are added as they come,
 * another instance's are not seen until a restart, which only means a duplicate is not suggested
 * (merging stays a staff decision). Candidates are confirmed against the store (still open).
 */
@Component
class RecentReports {

    private final Map<Category, Deque<Entry>> byCategory = new EnumMap<>(Category.class);
    private final MongoOperations mongo;
    private final IssueSettings settings;

    RecentReports(MongoOperations mongo, IssueSettings settings, Clock clock) {
        this.mongo = mongo;
        this.settings = settings;
        for (Category category : Category.values()) {
            byCategory.put(category, new ArrayDeque<>());
        }
        Query recent = Query.query(Criteria.where("reportedAt").gte(clock.instant().minus(settings.duplicateWindow()))
                .and("status").nin(IssueStatus.FINAL)).with(Sort.by("reportedAt"));
        recent.fields().include("category").include("lat").include("lng").include("reportedAt");
        for (Issue issue : mongo.find(recent, Issue.class)) {
            add(issue);
        }
    }

    /** The nearest open issue of the same category within the radius and window, if any. */
    Optional<String> duplicateOf(Issue issue) {
        if (issue.lat() == null || issue.lng() == null || settings.duplicateRadiusMetres() <= 0) {
            return Optional.empty();
        }
        Instant since = issue.reportedAt().minus(settings.duplicateWindow());
        Deque<Entry> entries = byCategory.get(issue.category());
        Entry best = null;
        double bestMetres = Double.MAX_VALUE;
        synchronized (entries) {
            while (!entries.isEmpty() && entries.peekFirst().reportedAt().isBefore(since)) {
                entries.pollFirst();
            }
            for (Entry entry : entries) {
                double metres = IssueService.metresBetween(issue.lat(), issue.lng(), entry.lat(), entry.lng());
                if (metres <= settings.duplicateRadiusMetres() && metres < bestMetres && !entry.id().equals(issue.id())) {
                    best = entry;
                    bestMetres = metres;
                }
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        Issue candidate = mongo.findById(best.id(), Issue.class);
        return candidate != null && candidate.status().open() ? Optional.of(best.id()) : Optional.empty();
    }

    /** Remembers a saved report. */
    void add(Issue issue) {
        if (issue.lat() == null || issue.lng() == null) {
            return;
        }
        Deque<Entry> entries = byCategory.get(issue.category());
        synchronized (entries) {
            entries.addLast(new Entry(issue.id(), issue.lat(), issue.lng(), issue.reportedAt()));
        }
    }

    private record Entry(String id, double lat, double lng, Instant reportedAt) {
    }
}
