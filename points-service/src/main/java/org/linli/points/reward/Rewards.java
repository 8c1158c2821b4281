package org.linli.points.reward;

import com.mongodb.client.result.UpdateResult;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The atomic stock and per-person-limit writes of redemptions. Each is one conditional update of
 * one document, keyed on the redemption id so that doing it twice changes nothing: what a crashed
 * redemption left half done can be finished or undone by running the same steps again.
 */
public class Rewards {

    static final String CLAIMS = "reward_claims";

    private final MongoOperations mongo;

    public Rewards(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /** Takes {@code quantity} from stock for the redemption; false when not enough is left. True if it already holds it. */
    boolean take(String rewardId, String redemptionId, int quantity) {
        Query enough = Query.query(Criteria.where("_id").is(rewardId).and("stock").gte(quantity)
                .and("holders").ne(redemptionId));
        if (mongo.updateFirst(enough, new Update().inc("stock", -quantity).push("holders", redemptionId), Reward.class)
                .getModifiedCount() == 1) {
            return true;
        }
        return mongo.exists(Query.query(Criteria.where("_id").is(rewardId).and("holders").is(redemptionId)),
                Reward.class);
    }

    /**
     * The goods were handed over: the redemption's hold is spent (stock stays taken), so the list of
     * holders keeps only redemptions still waiting for pickup or in flight.
     */
    void spend(String rewardId, String redemptionId) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(rewardId)), new Update().pull("holders", redemptionId),
                Reward.class);
    }

    /** Gives back what the redemption took; nothing when it took nothing or gave it back already. */
    void giveBack(String rewardId, String redemptionId, int quantity) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(rewardId).and("holders").is(redemptionId)),
                new Update().inc("stock", quantity).pull("holders", redemptionId), Reward.class);
    }

    /**
     * Counts {@code quantity} toward the person's limit for the reward; false when it would exceed
     * {@code limit}. One document per person and reward, so concurrent redemptions by the same
     * person cannot both slip under the limit.
     */
    boolean claim(String rewardId, String accountId, String redemptionId, int quantity, int limit) {
        if (quantity > limit) {
            return false;
        }
        String id = rewardId + ":" + accountId;
        Query room = Query.query(Criteria.where("_id").is(id).and("count").lte(limit - quantity)
                .and("redemptions").ne(redemptionId));
        Update update = new Update().inc("count", quantity).push("redemptions", redemptionId);
        try {
            UpdateResult result = mongo.upsert(room, update, CLAIMS);
            if (result.getMatchedCount() == 1 || result.getUpsertedId() != null) {
                return true;
            }
        } catch (DuplicateKeyException full) {
            // the person's document exists and has no room (or already holds this redemption)
        }
        return mongo.exists(Query.query(Criteria.where("_id").is(id).and("redemptions").is(redemptionId)), CLAIMS);
    }

    /** Gives back the person's count for the redemption; nothing when it was never counted or already given back. */
    void unclaim(String rewardId, String accountId, String redemptionId, int quantity) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(rewardId + ":" + accountId).and("redemptions")
                .is(redemptionId)), new Update().inc("count", -quantity).pull("redemptions", redemptionId), CLAIMS);
    }
}
