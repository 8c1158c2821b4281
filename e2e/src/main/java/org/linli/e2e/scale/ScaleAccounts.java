package org.linli.e2e.scale;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.linli.e2e.client.Eventually;
import org.linli.e2e.client.Session;
import tools.jackson.databind.JsonNode;

/**
 * The accounts the scale ledger's corrections go to: real accounts made in org-service ({@code scale-acct-NNNNN},
 * DEPARTMENT_STAFF, county-wide), so points-service knows them from {@code AccountOpened}; a correction to an id
 * nobody holds is refused with 404. Those of an earlier run are found by username and reused.
 */
final class ScaleAccounts {

    static final String PREFIX = "scale-acct-";

    private ScaleAccounts() {
    }

    static String username(int number) {
        return String.format(PREFIX + "%05d", number);
    }

    /** The ids of the scale accounts by username, as org-service lists them to the county admin. */
    static Map<String, String> existing(Session admin) {
        Map<String, String> ids = new ConcurrentHashMap<>();
        for (int page = 0; ; page++) {
            JsonNode body = admin.get("/api/v1/accounts?size=200&page=" + page).expect(200);
            for (JsonNode account : body.path("content")) {
                String username = account.path("username").asString("");
                if (username.startsWith(PREFIX)) {
                    ids.put(username, account.path("id").asString());
                }
            }
            if (page + 1 >= body.at("/page/totalPages").asInt(0)) {
                return ids;
            }
        }
    }

    /** Makes one scale account unless it exists; its id. */
    static String create(Session admin, Map<String, String> existing, int number) {
        String username = username(number);
        String id = existing.get(username);
        if (id != null) {
            return id;
        }
        id = admin.post("/api/v1/accounts", Map.of("username", username, "displayName", "规模账户" + number,
                "password", UUID.randomUUID().toString(), "roles", Set.of("DEPARTMENT_STAFF"))).expect(201)
                .path("id").asString();
        existing.put(username, id);
        return id;
    }

    /** The ids in number order, once points-service knows the last one made (accounts are announced in order). */
    static List<String> inOrder(Session admin, Map<String, String> existing, int count) {
        List<String> ids = new ArrayList<>();
        for (int number = 0; number < count; number++) {
            ids.add(existing.get(username(number)));
        }
        for (String id : ids) {
            Eventually.until("points-service knows account " + id,
                    () -> admin.get("/api/v1/points/accounts/" + id), reply -> reply.status() == 200);
        }
        return ids;
    }

    /** The ids of the scale accounts a scale run made, in number order (none before a load). */
    static List<String> all(Session admin) {
        return new TreeMap<>(existing(admin)).values().stream().toList();
    }
}
