package org.linli.points.honour;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.linli.points.ledger.AccountSummary;
import org.linli.points.ledger.MonthlyEarnings;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

/**
 * The monthly red list (红榜): who earned most points in a month in a community or a grid: the earning
 * credits of that month (activities, resolved issues, micro-wishes; not refunds or corrections) as the
 * ledger's {@link MonthlyEarnings} keep them per person and place, read in order. A person black-listed
 * now is left out.
 */
@Component
class RedList {

    /** Totals read at a time: a page and a few more, for the black-listed left out. */
    private static final int MARGIN = 10;

    private final MonthlyEarnings earnings;
    private final MongoOperations mongo;
    private final BlackList blackList;
    private final Clock clock;

    RedList(MonthlyEarnings earnings, MongoOperations mongo, BlackList blackList, Clock clock) {
        this.earnings = earnings;
        this.mongo = mongo;
        this.blackList = blackList;
        this.clock = clock;
    }

    Ranking of(YearMonth month, String communityUnitId, String gridId, int size) {
        MonthlyEarnings.Place place = gridId != null ? MonthlyEarnings.Place.grid(gridId)
                : MonthlyEarnings.Place.community(communityUnitId);
        List<Line> lines = new ArrayList<>();
        int read = 0;
        while (lines.size() < size) {
            int wanted = size - lines.size() + MARGIN;
            List<MonthlyEarnings.Total> totals = earnings.ranked(place, month, read, wanted);
            read += totals.size();
            for (MonthlyEarnings.Total total : totals) {
                if (lines.size() == size) {
                    break;
                }
                if (blackList.activeFor(total.accountId(), clock.instant()).isPresent()) {
                    continue;
                }
                AccountSummary summary = mongo.findById(total.accountId(), AccountSummary.class);
                lines.add(new Line(lines.size() + 1, total.accountId(), summary == null ? null : summary.holderName(),
                        total.points(), total.entries()));
            }
            if (totals.size() < wanted) {
                break;
            }
        }
        return new Ranking(month.toString(), communityUnitId, gridId, lines);
    }

    /** One place on the list. */
    record Line(int rank, String accountId, String holderName, long points, int entries) {
    }

    record Ranking(String month, String communityUnitId, String gridId, List<Line> lines) {
    }
}
