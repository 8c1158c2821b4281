package org.linli.grid.household;

import java.util.List;
import java.util.regex.Pattern;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * What other features of grid-service (notices, stations) may know about households: ids and where they
 * live, without names or phones, and without reaching into this package's repositories.
 */
@Component
public class HouseholdDirectory {

    private final MongoOperations mongo;

    HouseholdDirectory(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /** How many households live in the grid with this path and every grid below it. */
    public long householdsIn(String gridPath) {
        return mongo.count(under(gridPath), Household.class);
    }

    /** The households in the grid with this path and every grid below it. */
    public List<HouseholdView> householdsUnder(String gridPath) {
        Query query = under(gridPath);
        query.fields().include("gridId").include("buildingId");
        return mongo.find(query, Household.class).stream()
                .map(household -> new HouseholdView(household.id(), household.gridId(), household.buildingId()))
                .toList();
    }

    private static Query under(String gridPath) {
        return Query.query(Criteria.where("gridPath").regex("^" + Pattern.quote(gridPath)));
    }

    /** A household as other features see it. */
    public record HouseholdView(String id, String gridId, String buildingId) {
    }
}
