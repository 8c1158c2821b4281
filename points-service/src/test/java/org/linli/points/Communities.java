package org.linli.points;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoOperations;

/** Puts communities into points-service's org copy, as org events would. */
public final class Communities {

    public static final String STREET = "/county-t/street-t/";

    private Communities() {
    }

    /** A community {@code id} under the test street; returns its path. */
    public static String community(MongoOperations mongo, String id) {
        String path = STREET + id + "/";
        mongo.save(new Document("_id", id).append("unitType", "COMMUNITY_COMMITTEE").append("name", id + "社区党委")
                .append("parentId", "street-t").append("path", path).append("active", true), "org_unit_copies");
        return path;
    }
}
