package org.linli.property;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Test callers (JWTs as org-service issues them) and the org read copies the integration tests start from. */
public final class Api {

    public static final String STREET = "street-it";
    public static final String STREET_PATH = "/" + STREET + "/";
    public static final JsonMapper JSON = JsonMapper.builder().build();

    private Api() {
    }

    public static RequestPostProcessor countyAdmin() {
        return caller("COUNTY_ADMIN", null, null, null);
    }

    public static RequestPostProcessor streetAdmin() {
        return caller("STREET_ADMIN", STREET, STREET_PATH, null);
    }

    public static RequestPostProcessor admin(String community) {
        return caller("COMMUNITY_ADMIN", community, STREET_PATH + community + "/", null);
    }

    public static RequestPostProcessor staff(String companyId) {
        return caller("PROPERTY_STAFF", null, null, companyId);
    }

    /** A county-wide account with this one role. */
    public static RequestPostProcessor countyWide(String role) {
        return caller(role, null, null, null);
    }

    private static RequestPostProcessor caller(String role, String unit, String path, String company) {
        return jwt().jwt(token -> {
            token.subject("account-" + role.toLowerCase()).claim("roles", List.of(role));
            if (unit != null) {
                token.claim("org_unit_id", unit).claim("org_unit_path", path);
            }
            if (company != null) {
                token.claim("company_id", company);
            }
        }).authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }

    /** The street and communities a and b, as if their OrgUnitCreated had arrived. */
    public static void knownUnits(MongoOperations mongo, String... communities) {
        mongo.remove(new org.springframework.data.mongodb.core.query.Query(), "org_unit_copies");
        unit(mongo, STREET, "STREET_COMMITTEE", "镜湖街道党工委", STREET_PATH);
        for (String community : communities) {
            unit(mongo, community, "COMMUNITY_COMMITTEE", community + "社区党委", STREET_PATH + community + "/");
        }
    }

    public static void unit(MongoOperations mongo, String id, String type, String name, String path) {
        mongo.save(new Document("_id", id).append("unitType", type).append("name", name).append("path", path)
                .append("active", true).append("updatedAt", Instant.now()), "org_unit_copies");
    }

    public static JsonNode json(String body) {
        return JSON.readTree(body);
    }
}
