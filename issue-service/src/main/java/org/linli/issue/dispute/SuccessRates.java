package org.linli.issue.dispute;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.linli.platform.mongo.MongoPages;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Mediation success (前置调解成功率) per grid or per worker: of the disputes recorded in a period, how many were
 * mediated and how many referred, and mediated / (mediated + referred). One indexed query reads the period's
 * disputes of the narrowest scope given (a grid, a worker, else the org path prefix, each with recordedAt), only
 * the fields counted; the rows are grouped and paged in memory.
 */
@Component
class SuccessRates {

    private final MongoOperations mongo;

    SuccessRates(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /**
     * The rows for disputes recorded in [from, to) under {@code scopePath}, narrowed to a grid or a worker when
     * given, grouped {@code by} grid or worker, the most recorded first.
     */
    Page<SuccessRate> of(String scopePath, String gridId, String workerAccountId, Instant from, Instant to, By by,
                 Pageable pageable) {
        List<Criteria> all = new ArrayList<>();
        if (gridId != null) {
            all.add(Criteria.where("gridId").is(gridId));
        }
        if (workerAccountId != null) {
            all.add(Criteria.where("workerAccountId").is(workerAccountId));
        }
        all.add(Criteria.where("communityPath").regex("^" + Pattern.quote(scopePath)));
        all.add(Criteria.where("recordedAt").gte(from).lt(to));
        Query query = Query.query(MongoPages.allOf(all));
        query.fields().include("gridId", "workerAccountId", "workerName", "status");
        Map<String, SuccessRate> rows = new LinkedHashMap<>();
        Function<Dispute, String> key = by == By.GRID ? Dispute::gridId : Dispute::workerAccountId;
        for (Dispute dispute : mongo.find(query, Dispute.class)) {
            rows.merge(String.valueOf(key.apply(dispute)), SuccessRate.of(by, dispute), SuccessRate::plus);
        }
        List<SuccessRate> sorted = rows.values().stream()
                .sorted(Comparator.comparingInt(SuccessRate::recorded).reversed().thenComparing(SuccessRate::key,
                        Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        return MongoPages.page(sorted, pageable);
    }

    /** What the rows are per. */
    enum By {
        GRID, WORKER
    }

    /**
     * One grid's or worker's figures.
     *
     * @param key         the grid id or the worker's account id ({@code null}: disputes recorded outside any grid)
     * @param workerName  the worker's name when per worker
     * @param recorded    disputes recorded in the period
     * @param open        of them still open (RECORDED, MEDIATING)
     * @param successRate mediated / (mediated + referred), 0..1 with 4 decimals, {@code null} when none concluded
     */
    record SuccessRate(By by, String key, String workerName, int recorded, int mediated, int referred, int open,
               Double successRate) {

        static SuccessRate of(By by, Dispute dispute) {
            Dispute.Status status = dispute.status();
            return of(by, by == By.GRID ? dispute.gridId() : dispute.workerAccountId(),
                    by == By.WORKER ? dispute.workerName() : null, 1, status == Dispute.Status.MEDIATED ? 1 : 0,
                    status == Dispute.Status.REFERRED ? 1 : 0);
        }

        static SuccessRate of(By by, String key, String workerName, int recorded, int mediated, int referred) {
            int concluded = mediated + referred;
            Double rate = concluded == 0 ? null : Math.round(mediated * 10_000.0 / concluded) / 10_000.0;
            return new SuccessRate(by, key, workerName, recorded, mediated, referred, recorded - concluded, rate);
        }

        SuccessRate plus(SuccessRate other) {
            return of(by, key, workerName == null ? other.workerName : workerName, recorded + other.recorded,
                    mediated + other.mediated, referred + other.referred);
        }
    }
}
