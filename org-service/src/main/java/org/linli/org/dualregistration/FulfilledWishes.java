package org.linli.org.dualregistration;

import java.time.Instant;
import java.time.ZoneId;
import org.linli.events.issue.MicroWishFulfilled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Records on a dual-registration unit the micro-wishes it fulfilled. One conditional single-document
 * update per wish ({@code fulfilledWishes.wishId ≠ id}, {@code $push}, version + 1), so a redelivered
 * event, or the same wish under another event id, is recorded once, and an admin's save from a copy
 * read before it fails on the version instead of dropping it.
 */
@Component
class FulfilledWishes {

    private static final Logger log = LoggerFactory.getLogger(FulfilledWishes.class);
    static final String DUAL_REGISTRATION_UNIT = "DUAL_REGISTRATION_UNIT";

    private final MongoOperations mongo;
    private final ZoneId zone;

    FulfilledWishes(MongoOperations mongo, @Value("${linli.zone:Asia/Shanghai}") ZoneId zone) {
        this.mongo = mongo;
        this.zone = zone;
    }

    /** A wish claimed by a dual-registration unit is recorded on it; other claimants are not org-service's. */
    void record(MicroWishFulfilled fulfilled, Instant confirmedAt) {
        if (!DUAL_REGISTRATION_UNIT.equals(fulfilled.claimantKind()) || fulfilled.claimantId() == null) {
            return;
        }
        FulfilledWish wish = new FulfilledWish(fulfilled.wishId(), confirmedAt.atZone(zone).getYear(),
                fulfilled.communityUnitId(), confirmedAt);
        Query unitWithoutIt = Query.query(Criteria.where("_id").is(fulfilled.claimantId())
                .and("fulfilledWishes.wishId").ne(fulfilled.wishId()));
        Update push = new Update().push("fulfilledWishes", wish).inc("version", 1).set("updatedAt", confirmedAt);
        if (mongo.updateFirst(unitWithoutIt, push, DualRegistrationUnit.class).getModifiedCount() == 0
                && !mongo.exists(Query.query(Criteria.where("_id").is(fulfilled.claimantId())), DualRegistrationUnit.class)) {
            log.warn("micro-wish {} names dual-registration unit {}, which org-service does not know: not recorded",
                    fulfilled.wishId(), fulfilled.claimantId());
        }
    }
}
