package org.linli.org.member;

import static org.springframework.data.mongodb.core.aggregation.Aggregation.group;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.match;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.newAggregation;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.Map;
import java.util.stream.Collectors;
import org.bson.Document;
import org.linli.org.unit.UnitMembers;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Member counts other features of org-service need (a unit with members cannot be deactivated;
 * the coverage dashboard counts members per branch), without reaching into the member package.
 */
@Component
public class MemberStatistics implements UnitMembers {

    private final MongoTemplate mongo;

    MemberStatistics(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Active members whose branch or building group is this unit. */
    @Override
    public long activeMembersIn(String unitId) {
        Criteria criteria = MemberCriteria.active()
                .orOperator(where("branchId").is(unitId), where("groupId").is(unitId));
        return mongo.count(new Query(criteria), PartyMember.class);
    }

    /**
     * Active members per branch id, for the branches in the subtree with this path ({@code null}:
     * the whole county). Branches without active members are absent.
     */
    public Map<String, Long> activeMembersPerBranch(String subtreePath) {
        Criteria criteria = subtreePath == null ? MemberCriteria.active()
                : new Criteria().andOperator(MemberCriteria.active(), MemberCriteria.inSubtree(subtreePath));
        return mongo.aggregate(newAggregation(PartyMember.class, match(criteria), group("branchId").count().as("members")),
                        Document.class)
                .getMappedResults().stream()
                .collect(Collectors.toUnmodifiableMap(result -> result.getString("_id"),
                        result -> ((Number) result.get("members")).longValue()));
    }
}
