package org.linli.e2e.demo;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import org.linli.e2e.client.Session;
import tools.jackson.databind.JsonNode;

/**
 * 社区红黑榜 of the first street for last month, computed by {@code admin} (acting for the street). The demo's only
 * confirmed activity is yesterday's visit in the first community, so last month has data only when the load runs on
 * the first of a month: then the list is published (public: {@code GET /api/v1/community-lists/published?scopeUnitId=
 * <street>&month=}); otherwise every community scores 0, the list has no red and no black line and stays a draft
 * ({@code GET /api/v1/community-lists/{id}} for the street's admins), as a street would not publish an empty one.
 */
final class DemoCommunityList {

    private final Session admin;
    private final County county;

    DemoCommunityList(Session admin, County county) {
        this.admin = admin;
        this.county = county;
    }

    /** Answers what became of the list: "published <id>" or "a draft <id>". */
    String lastMonth() {
        YearMonth last = YearMonth.from(LocalDate.now(DemoSeason.COUNTY_ZONE)).minusMonths(1);
        JsonNode list = admin.post("/api/v1/community-lists", Map.of("scopeUnitId", county.streets.get(0).unitId,
                "month", last.toString())).expect(201);
        String id = list.path("id").asString();
        if (list.path("red").isEmpty()) {
            return "a draft " + id + " (no activity last month)";
        }
        admin.post("/api/v1/community-lists/" + id + "/publication", Map.of("version", list.path("version").asLong()))
                .ok();
        return "published " + id;
    }
}
