package org.linli.issue.issue;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import io.github.springwolf.core.asyncapi.annotations.AsyncOperation;
import io.github.springwolf.core.asyncapi.annotations.AsyncPublisher;
import org.linli.events.Topics;
import org.linli.events.issue.IssueImported;
import org.linli.issue.place.Route;
import org.linli.platform.domain.BusinessRuleViolation;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Imports another system's history (the 12345 hotline) in batches: each record is checked on its own
 * (a broken one is reported for its row, the others go on), routed by the same code as a new report,
 * built by {@link Issue#imported}, and the batch's new issues are inserted in one {@code insertAll}.
 * Idempotent by (source, record id): the issue id is derived from both, so a record seen before (or
 * twice in one batch) is a duplicate that changes nothing.
 */
@Service
class IssueImports {

    private final IssueIntake intake;
    private final MongoOperations mongo;
    private final DeadlinePolicy policy;
    private final StaleFigures figures;
    private final Clock clock;

    IssueImports(IssueIntake intake, MongoOperations mongo, DeadlinePolicy policy, StaleFigures figures, Clock clock) {
        this.intake = intake;
        this.mongo = mongo;
        this.policy = policy;
        this.figures = figures;
        this.clock = clock;
    }

    /** One row as read: its record, or why it cannot be one (parsing and field checks happen before). */
    record Row(int index, String sourceRecordId, HistoricalRecord record, RowError error) {
    }

    /** Why a row was not imported. */
    record RowError(int index, String sourceRecordId, String code, String detail) {
    }

    /** What happened to one row: {@code imported}, {@code duplicate} or {@code error}. */
    record RowResult(int index, String sourceRecordId, String outcome, String issueId) {
    }

    /** The answer for a batch. */
    record Result(int imported, int duplicates, List<RowError> errors, List<RowResult> rows) {
    }

    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.ISSUE_EVENTS, payloadType = IssueImported.class,
            description = "a historical record of another system (12345) was imported"))
    Result importBatch(String source, List<Row> rows, String bearerToken) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String batchId = UUID.randomUUID().toString();
        List<RowError> errors = new ArrayList<>();
        List<RowResult> results = new ArrayList<>();
        Map<String, Row> candidates = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (Row row : rows) {
            if (row.error() != null) {
                errors.add(row.error());
                results.add(new RowResult(row.index(), row.sourceRecordId(), "error", null));
                continue;
            }
            String id = Issue.importedId(source, row.sourceRecordId());
            if (!seen.add(id)) {
                results.add(new RowResult(row.index(), row.sourceRecordId(), "duplicate", id));
                continue;
            }
            candidates.put(id, row);
        }
        Set<String> existing = existing(candidates.keySet());
        Map<String, Route> routes = new HashMap<>();
        List<Issue> fresh = new ArrayList<>();
        for (Row row : rows) {
            String id = row.error() == null ? Issue.importedId(source, row.sourceRecordId()) : null;
            if (id == null || candidates.get(id) != row) {
                continue;
            }
            if (existing.contains(id)) {
                results.add(new RowResult(row.index(), row.sourceRecordId(), "duplicate", id));
                continue;
            }
            try {
                fresh.add(build(row.record(), batchId, bearerToken, now, routes));
                results.add(new RowResult(row.index(), row.sourceRecordId(), "imported", id));
            } catch (BusinessRuleViolation refused) {
                errors.add(new RowError(row.index(), row.sourceRecordId(), refused.code(), refused.getMessage()));
                results.add(new RowResult(row.index(), row.sourceRecordId(), "error", null));
            }
        }
        Set<String> raced = insert(fresh, batchId);
        if (!raced.isEmpty()) {
            results.replaceAll(result -> raced.contains(result.issueId()) && "imported".equals(result.outcome())
                    ? new RowResult(result.index(), result.sourceRecordId(), "duplicate", result.issueId()) : result);
        }
        results.sort(java.util.Comparator.comparingInt(RowResult::index));
        errors.sort(java.util.Comparator.comparingInt(RowError::index));
        int imported = (int) results.stream().filter(result -> "imported".equals(result.outcome())).count();
        int duplicates = (int) results.stream().filter(result -> "duplicate".equals(result.outcome())).count();
        return new Result(imported, duplicates, errors, results);
    }

    /** Builds one issue; records at the same place in a batch (a building, a point) are routed once. */
    private Issue build(HistoricalRecord record, String batchId, String bearerToken, Instant now,
                        Map<String, Route> routes) {
        Report located = new Report(record.category(), record.severity(), Channel.HOTLINE,
                record.description(), record.lat(), record.lng(), record.buildingId(), record.address(), false, null,
                null, null, null, List.of(), null);
        String place = record.buildingId() + "|" + record.lat() + "|" + record.lng();
        Route route = routes.get(place);
        if (route == null) {
            route = intake.routeOf(located, null, bearerToken);
            routes.put(place, route);
        }
        return Issue.imported(record, batchId, route, intake.departmentFor(record.category(), route), policy, now);
    }

    private Set<String> existing(Set<String> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        Query query = Query.query(Criteria.where("_id").in(ids));
        query.fields().include("_id");
        Set<String> found = new HashSet<>();
        mongo.find(query, org.bson.Document.class, "issues").forEach(doc -> found.add(doc.get("_id").toString()));
        return found;
    }

    /**
     * Inserts the batch in one call and returns the ids another request inserted meanwhile (two imports of
     * the same records racing): then whatever is not stored goes in one by one, and a stored issue counts
     * as this batch's only when it carries this batch's id. The statistics' kept sums of those stored by the
     * interrupted call are marked stale here (no save event announced them).
     */
    private Set<String> insert(List<Issue> issues, String batchId) {
        if (issues.isEmpty()) {
            return Set.of();
        }
        try {
            mongo.insertAll(issues);
            return Set.of();
        } catch (DuplicateKeyException race) {
            Set<String> raced = new HashSet<>();
            for (Issue issue : issues) {
                org.bson.Document stored = mongo.findById(issue.id(), org.bson.Document.class, "issues");
                if (stored == null) {
                    try {
                        mongo.insert(issue);
                    } catch (DuplicateKeyException again) {
                        raced.add(issue.id());
                    }
                } else if (!batchId.equals(stored.getString("importBatchId"))) {
                    raced.add(issue.id());
                } else {
                    // stored by the failed insertMany before the duplicate, which announces no save for any of them
                    figures.raise(issue);
                }
            }
            return raced;
        }
    }
}
