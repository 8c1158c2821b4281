package org.linli.points.ledger;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Each person's earning points per month and place (their community, their grid), kept as the ledger is
 * written, so that the public red list reads one place's totals, already ordered, instead of summing the
 * month's ledger on every request.
 *
 * <p>An entry is counted by a conditional write on its total, like the ledger's own appends: the total lists
 * the entry ids it counted and the write adds an entry only where its id is not listed yet, so counting an
 * entry twice changes nothing. {@link Ledger#credit} counts the entry it applied, and also the earlier entry it
 * answers for a repeated reference: a crash between the ledger's insert and the count is repaired by the
 * retry every earning credit gets (a redelivered event, the activity settle sweep), which finds the entry
 * and counts it. Only earning credits count (activities, resolved issues, micro-wishes), as on the red list.
 */
public class MonthlyEarnings {

    static final String COLLECTION = "monthly_earnings";
    /** The id of the document that says every ledger entry written before the tally existed was counted. */
    private static final String BACKFILLED = "backfilled";

    private final MongoOperations mongo;

    MonthlyEarnings(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /** A place an earning counts for: a community or a grid. */
    public record Place(String kind, String id) {

        public static Place community(String communityUnitId) {
            return new Place("community", communityUnitId);
        }

        public static Place grid(String gridId) {
            return new Place("grid", gridId);
        }

        String in(YearMonth month) {
            return kind + ":" + id + ":" + month;
        }
    }

    /** One person's earnings in a place and month. */
    public record Total(String accountId, long points, int entries) {
    }

    /** The stored total; {@code counted} lists the ledger entries it includes. */
    @Document(COLLECTION)
    @CompoundIndex(name = "place_month_points", def = "{'placeMonth': 1, 'points': -1, 'accountId': 1}")
    record Stored(@Id String id, String placeMonth, String accountId, long points, int entries, List<String> counted) {
    }

    /** Counts an earning credit in its community's and its grid's totals of its month; anything else is ignored. */
    void count(LedgerEntry entry) {
        if (!entry.reason().earning() || entry.amount() <= 0) {
            return;
        }
        YearMonth month = YearMonth.parse(entry.month());
        if (entry.communityUnitId() != null) {
            count(entry, Place.community(entry.communityUnitId()).in(month));
        }
        if (entry.gridId() != null) {
            count(entry, Place.grid(entry.gridId()).in(month));
        }
    }

    /**
     * An upsert that finds no total where the entry is missing tries to insert one and meets the existing total:
     * either it lists the entry already, or another entry's upsert created it a moment ago, so one more try decides.
     */
    private void count(LedgerEntry entry, String placeMonth) {
        Query notYet = Query.query(Criteria.where("_id").is(placeMonth + ":" + entry.accountId())
                .and("counted").ne(entry.id()));
        Update counted = new Update().inc("points", entry.amount()).inc("entries", 1).push("counted", entry.id())
                .setOnInsert("placeMonth", placeMonth).setOnInsert("accountId", entry.accountId());
        for (int attempt = 1; ; attempt++) {
            try {
                mongo.upsert(notYet, counted, Stored.class);
                return;
            } catch (DuplicateKeyException totalExists) {
                if (attempt == 2) {
                    return;
                }
            }
        }
    }

    /** The totals of a place and month, most points first (ties by account id), from {@code skip} on. */
    public List<Total> ranked(Place place, YearMonth month, int skip, int limit) {
        Query query = rankedQuery(place, month).skip(skip).limit(limit);
        List<Total> totals = new ArrayList<>();
        for (Stored stored : mongo.find(query, Stored.class)) {
            totals.add(new Total(stored.accountId(), stored.points(), stored.entries()));
        }
        return totals;
    }

    static Query rankedQuery(Place place, YearMonth month) {
        Query query = Query.query(Criteria.where("placeMonth").is(place.in(month)))
                .with(Sort.by(Sort.Direction.DESC, "points").and(Sort.by("accountId")));
        query.fields().exclude("counted");
        return query;
    }

    /**
     * Counts every earning credit the ledger holds, once per database: the ledger written before the totals
     * existed. Safe to run beside live credits and to run again after a crash (each entry counts once).
     */
    void backfillOnce() {
        if (mongo.exists(Query.query(Criteria.where("_id").is(BACKFILLED)), COLLECTION)) {
            return;
        }
        List<String> earning = Arrays.stream(Reason.values()).filter(Reason::earning).map(Reason::name).toList();
        try (Stream<LedgerEntry> entries = mongo.stream(Query.query(Criteria.where("reason").in(earning)), LedgerEntry.class)) {
            entries.forEach(this::count);
        }
        mongo.upsert(Query.query(Criteria.where("_id").is(BACKFILLED)), new Update().set("done", true), COLLECTION);
    }
}
