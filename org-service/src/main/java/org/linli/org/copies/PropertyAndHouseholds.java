package org.linli.org.copies;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * What org-service knows of other services' records, from its copies: whether a household exists, the
 * compounds of a subtree and the companies serving them. A record whose event has not arrived yet is unknown.
 */
@Component
public class PropertyAndHouseholds {

    private final MongoOperations mongo;

    PropertyAndHouseholds(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /** Whether grid-service has registered this household (as far as its events have arrived). */
    public boolean householdExists(String householdId) {
        return householdId != null && mongo.exists(Query.query(Criteria.where("_id").is(householdId)),
                HouseholdCopy.class);
    }

    /** Compounds whose community lies in the subtree at {@code subtreePath} ({@code null}: the county). */
    public Set<String> compoundsWithin(String subtreePath) {
        Criteria within = subtreePath == null ? new Criteria()
                : Criteria.where("communityPath").regex("^" + Pattern.quote(subtreePath));
        Query query = new Query(within);
        query.fields().include("_id");
        return mongo.find(query, CompoundCopy.class).stream().map(CompoundCopy::id)
                .collect(Collectors.toCollection(HashSet::new));
    }

    /** Companies with a contract in force (not ended) on one of these compounds. */
    public Set<String> companiesServing(Set<String> compoundIds) {
        if (compoundIds.isEmpty()) {
            return Set.of();
        }
        Query serving = Query.query(Criteria.where("compoundId").in(compoundIds).and("ended").is(false));
        return mongo.findDistinct(serving, "companyId", ContractCopy.class, String.class).stream()
                .filter(Objects::nonNull).collect(Collectors.toCollection(HashSet::new));
    }
}
