package org.linli.property.focus;

import java.time.LocalDate;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Complaints per compound and county day, the count the focus list compares with its threshold. One
 * document per compound ({@value #COLLECTION}): {@code {_id: compoundId, days: {"2026-11-21": {count: 2,
 * complaints: [ids]}}}}. Counting is one conditional upsert on that day's exact paths ({@code $inc} the
 * count, {@code $push} the id, only where the id is not listed yet), so a complaint counts once however
 * often its event arrives; the window's total is one read by id. No scan of the complaints, which the
 * embedded store would do for every event (it ignores the compoundId index). Days that have left the
 * window are dropped when read.
 */
@Component
class ComplaintWindows {

    static final String COLLECTION = "complaint_windows";

    private final MongoOperations mongo;

    ComplaintWindows(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /**
     * Counts the complaint on its day; {@code false} when it was counted before. An upsert that finds no
     * document where the id is missing tries to insert one and meets the compound's document: either it
     * lists the id already, or another complaint's upsert created it a moment ago, so one more try decides.
     */
    boolean count(String compoundId, String complaintId, LocalDate day) {
        String path = "days." + day;
        Query notYet = Query.query(Criteria.where("_id").is(compoundId).and(path + ".complaints").ne(complaintId));
        Update counted = new Update().inc(path + ".count", 1).push(path + ".complaints", complaintId);
        for (int attempt = 1; ; attempt++) {
            try {
                mongo.upsert(notYet, counted, COLLECTION);
                return true;
            } catch (DuplicateKeyException documentExists) {
                if (attempt == 2) {
                    return false;
                }
            }
        }
    }

    /** Complaints on the {@code windowDays} days up to and including {@code today}. */
    int inWindow(String compoundId, LocalDate today, int windowDays) {
        Document window = mongo.findById(compoundId, Document.class, COLLECTION);
        Document days = window == null ? null : window.get("days", Document.class);
        if (days == null) {
            return 0;
        }
        LocalDate first = firstDay(today, windowDays);
        int total = 0;
        Update expired = new Update();
        for (String day : days.keySet()) {
            if (LocalDate.parse(day).isBefore(first)) {
                expired.unset("days." + day);
            } else {
                total += days.get(day, Document.class).getInteger("count", 0);
            }
        }
        if (!expired.getUpdateObject().isEmpty()) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(compoundId)), expired, COLLECTION);
        }
        return total;
    }

    static LocalDate firstDay(LocalDate today, int windowDays) {
        return today.minusDays(windowDays - 1L);
    }
}
