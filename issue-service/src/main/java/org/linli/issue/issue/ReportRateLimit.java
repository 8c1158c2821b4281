package org.linli.issue.issue;

import java.time.Clock;
import java.time.Duration;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Limits anonymous QR reports per client address and per building in fixed windows, counted in
 * MongoDB ({@code $inc} with upsert) so that every instance shares the count. Defaults: 10 per
 * address and 60 per building per hour ({@code linli.issue.qr.per-address}, {@code per-building}).
 */
@Component
class ReportRateLimit {

    private static final String COLLECTION = "report_rate_windows";

    private final MongoOperations mongo;
    private final Clock clock;
    private final int perAddress;
    private final int perBuilding;
    private final Duration window;

    ReportRateLimit(MongoOperations mongo, Clock clock, @Value("${linli.issue.qr.per-address:10}") int perAddress,
                    @Value("${linli.issue.qr.per-building:60}") int perBuilding,
                    @Value("${linli.issue.qr.window:1h}") Duration window) {
        this.mongo = mongo;
        this.clock = clock;
        this.perAddress = perAddress;
        this.perBuilding = perBuilding;
        this.window = window;
    }

    /** Counts one report; 429 {@code too-many-reports} when the address or the building is over its limit. */
    void count(String address, String buildingId) {
        long slot = clock.millis() / window.toMillis();
        boolean overAddress = increment("address:" + address + ":" + slot) > perAddress;
        boolean overBuilding = increment("building:" + buildingId + ":" + slot) > perBuilding;
        if (overAddress || overBuilding) {
            long retryAfter = ((slot + 1) * window.toMillis() - clock.millis()) / 1000 + 1;
            throw new TooManyReports(retryAfter);
        }
    }

    private long increment(String key) {
        Document counter = mongo.findAndModify(Query.query(Criteria.where("_id").is(key)), new Update().inc("count", 1L)
                        .setOnInsert("expiresAt", clock.instant().plus(window.multipliedBy(2))),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION);
        return ((Number) counter.get("count")).longValue();
    }

    /** Too many reports from one place: answered 429 with Retry-After. */
    static class TooManyReports extends RuntimeException {

        private final long retryAfterSeconds;

        TooManyReports(long retryAfterSeconds) {
            super("too many reports");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
