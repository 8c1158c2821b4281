package org.linli.issue;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.bson.Document;
import org.linli.events.Topics;
import org.linli.platform.test.PublishedEvents;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.json.JsonMapper;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

/**
 * The producers' pinned events (org, grid, property) replayed onto Kafka: a street and its community
 * 檀溪, the micro-grid 7e1a… with its grid worker, a building in it, and the compound 檀溪花园 with its
 * company. ITs seed through the real consumer and wait until the copies are there.
 */
public final class Seeds {

    public static final String STREET = "a3d4e5f6-0000-4000-8000-000000000001";
    public static final String COMMUNITY = "0b7e2c4a-51f9-4c0e-8f1e-9d0a7c3b5e11";
    public static final String COMMUNITY_PATH = "/" + STREET + "/" + COMMUNITY + "/";
    public static final String GRID = "7e1a9c3b-2d4f-4e6a-8b0c-1d2e3f4a5b61";
    public static final String APPOINTMENT = "e2c4a6b8-1d3f-4a5c-9e7b-0d2f4a6c8e01";
    /** The login account of the grid's appointed worker (GridWorkerAppointed's {@code accountId}). */
    public static final String APPOINTED_WORKER = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
    public static final String BUILDING = "ec66a787-95e7-41d1-b731-af10506bf2ef";
    public static final String COMPOUND = "a170b338-3926-4059-b28c-105d1fb17c23";
    public static final String COMPANY = "90c192cf-d3ac-44af-8f21-ddb66cad4a26";
    /** Inside the micro-grid and the compound. */
    public static final double LAT = 36.2004;
    public static final double LNG = 113.4006;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Seeds() {
    }

    public static void replay(KafkaTemplate<String, String> kafka, MongoOperations mongo) {
        try {
            send(kafka, Topics.ORG_EVENTS, "org-events", "OrgUnitCreated", Map.of());
            send(kafka, Topics.GRID_EVENTS, "grid-events", "GridCreated", Map.of());
            send(kafka, Topics.GRID_EVENTS, "grid-events", "GridWorkerAppointed", Map.of());
            send(kafka, Topics.GRID_EVENTS, "grid-events", "BuildingRegistered",
                    Map.of("9531985d-5d9d-49f8-9818-e811892f902b", GRID, "36f675cc-81e7-4ef5-a8e2-5d940ed90475", COMMUNITY));
            send(kafka, Topics.PROPERTY_EVENTS, "property-events", "CompoundCreated", Map.of());
            send(kafka, Topics.PROPERTY_EVENTS, "property-events", "ContractStarted", Map.of());
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> exists(mongo, "org_unit_copies", COMMUNITY)
                && exists(mongo, "grid_copies", GRID) && exists(mongo, "worker_copies", APPOINTMENT)
                && exists(mongo, "building_copies", BUILDING)
                && mongo.exists(Query.query(Criteria.where("_id").is(COMPOUND).and("contracts.companyId").is(COMPANY)),
                "compound_copies"));
    }

    private static boolean exists(MongoOperations mongo, String collection, String id) {
        return mongo.exists(Query.query(Criteria.where("_id").is(id)), Document.class, collection);
    }

    private static void send(KafkaTemplate<String, String> kafka, String topic, String folder, String type,
                             Map<String, String> replacements) throws InterruptedException, ExecutionException {
        String json = JSON.writeValueAsString(PublishedEvents.example(folder, type));
        for (Map.Entry<String, String> replacement : replacements.entrySet()) {
            json = json.replace(replacement.getKey(), replacement.getValue());
        }
        String key = PublishedEvents.example(folder, type).get("aggregateId").asString();
        kafka.send(topic, key, json).get();
    }

    public static RequestPostProcessor caller(String role, String unitPath, String account) {
        String[] ids = unitPath == null ? new String[0] : unitPath.substring(1).split("/");
        return jwt().jwt(token -> {
                    token.subject(account).claim("roles", List.of(role)).claim("preferred_username", account);
                    if (unitPath != null) {
                        token.claim("org_unit_id", ids[ids.length - 1]).claim("org_unit_path", unitPath);
                    }
                })
                .authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }

    public static RequestPostProcessor admin() {
        return caller("COMMUNITY_ADMIN", COMMUNITY_PATH, "admin-tanxi");
    }

    /** A GRID_WORKER of the community who is not appointed to the grid ({@link #appointedWorker()} is). */
    public static RequestPostProcessor worker() {
        return caller("GRID_WORKER", COMMUNITY_PATH, "worker-wang");
    }

    /** The grid's appointed worker ({@link #APPOINTED_WORKER}), who may act on the grid's disputes. */
    public static RequestPostProcessor appointedWorker() {
        return caller("GRID_WORKER", COMMUNITY_PATH, APPOINTED_WORKER);
    }

    public static RequestPostProcessor resident(String account) {
        return caller("RESIDENT", null, account);
    }

    public static RequestPostProcessor otherCommunityAdmin() {
        return caller("COMMUNITY_ADMIN", "/" + STREET + "/other-community/", "admin-other");
    }

    /** The smallest bytes that pass as a PNG by content. */
    public static byte[] png() {
        byte[] bytes = new byte[64];
        byte[] header = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        System.arraycopy(header, 0, bytes, 0, header.length);
        return bytes;
    }
}
