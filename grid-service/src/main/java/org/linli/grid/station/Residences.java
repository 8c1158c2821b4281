package org.linli.grid.station;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.AggregationOperation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Where households live, for the 15-minute report, read-only from the household feature's documents
 * ({@code HouseholdDirectory} maps every household, which is too slow for a county): the number of
 * households per building, counted in the store, and each building's location, both in one pass.
 */
@Component
class Residences {

    private final MongoOperations mongo;

    Residences(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /** Households per community path and building id, for communities under {@code scopePath} (all for {@code null}). */
    List<HouseholdCount> householdsPerBuilding(String scopePath) {
        List<AggregationOperation> stages = new ArrayList<>();
        if (scopePath != null) {
            stages.add(Aggregation.match(under(scopePath)));
        }
        stages.add(Aggregation.group("communityPath", "buildingId").count().as("households"));
        List<HouseholdCount> counts = new ArrayList<>();
        for (Document row : mongo.aggregate(Aggregation.newAggregation(stages), "households", Document.class)) {
            Document key = row.get("_id", Document.class);
            counts.add(new HouseholdCount(key.getString("communityPath"), key.getString("buildingId"),
                    ((Number) row.get("households")).longValue()));
        }
        return counts;
    }

    /** The buildings of communities under {@code scopePath} (all for {@code null}), with their location if known. */
    List<BuildingSpot> buildings(String scopePath) {
        Query query = scopePath == null ? new Query() : Query.query(under(scopePath));
        query.fields().include("name").include("gridId").include("communityPath").include("location");
        List<BuildingSpot> buildings = new ArrayList<>();
        for (Document building : mongo.find(query, Document.class, "buildings")) {
            Document location = building.get("location", Document.class);
            Double lat = location == null ? null : number(location.get("lat"));
            Double lng = location == null ? null : number(location.get("lng"));
            buildings.add(new BuildingSpot(String.valueOf(building.get("_id")), building.getString("name"),
                    building.getString("gridId"), building.getString("communityPath"), lat, lng));
        }
        return buildings;
    }

    private static Criteria under(String path) {
        return Criteria.where("communityPath").regex("^" + Pattern.quote(path));
    }

    private static Double number(Object value) {
        return value instanceof Number number ? number.doubleValue() : null;
    }

    /** How many households of a community live in a building ({@code buildingId} may be {@code null}). */
    record HouseholdCount(String communityPath, String buildingId, long households) {
    }

    /** A building and its location; {@code lat}/{@code lng} are {@code null} when it has none. */
    record BuildingSpot(String id, String name, String gridId, String communityPath, Double lat, Double lng) {

        boolean located() {
            return lat != null && lng != null;
        }
    }
}
