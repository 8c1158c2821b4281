package org.linli.points.honour;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bson.Document;
import org.linli.points.ledger.AccountSummary;
import org.linli.points.ledger.LedgerEntry;
import org.linli.points.ledger.Reason;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

/**
 * The monthly red list (红榜): who earned most points in a month in a community or a grid, summed
 * straight from the ledger's earning credits of that month (activities, resolved issues, micro-wishes;
 * not refunds or corrections). A person black-listed now is left out.
 */
@Component
class RedList {

    private final MongoOperations mongo;
    private final BlackList blackList;
    private final Clock clock;

    RedList(MongoOperations mongo, BlackList blackList, Clock clock) {
        this.mongo = mongo;
        this.blackList = blackList;
        this.clock = clock;
    }

    Ranking of(YearMonth month, String communityUnitId, String gridId, int size) {
        List<String> earning = Arrays.stream(Reason.values()).filter(Reason::earning).map(Reason::name).toList();
        Criteria match = Criteria.where("month").is(month.toString()).and("reason").in(earning);
        match = gridId != null ? match.and("gridId").is(gridId) : match.and("communityUnitId").is(communityUnitId);
        Aggregation aggregation = Aggregation.newAggregation(
                Aggregation.match(match),
                Aggregation.group("accountId").sum("amount").as("points").count().as("entries"),
                Aggregation.sort(Sort.by(Sort.Direction.DESC, "points").and(Sort.by("_id"))));
        List<Line> lines = new ArrayList<>();
        for (Document row : mongo.aggregate(aggregation, LedgerEntry.COLLECTION, Document.class)) {
            if (lines.size() == size) {
                break;
            }
            String accountId = row.getString("_id");
            if (blackList.activeFor(accountId, clock.instant()).isPresent()) {
                continue;
            }
            AccountSummary summary = mongo.findById(accountId, AccountSummary.class);
            lines.add(new Line(lines.size() + 1, accountId, summary == null ? null : summary.holderName(),
                    ((Number) row.get("points")).longValue(), ((Number) row.get("entries")).intValue()));
        }
        return new Ranking(month.toString(), communityUnitId, gridId, lines);
    }

    /** One place on the list. */
    record Line(int rank, String accountId, String holderName, long points, int entries) {
    }

    record Ranking(String month, String communityUnitId, String gridId, List<Line> lines) {
    }
}
