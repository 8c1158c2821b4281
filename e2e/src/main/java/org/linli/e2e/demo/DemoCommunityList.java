package org.linli.e2e.demo;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import org.linli.e2e.client.Session;
import tools.jackson.databind.JsonNode;

/**
 * 社区红黑榜 of the first street for last month, computed and published by {@code admin} (acting for the street):
 * the first community held an activity on the 15th of last month ({@link DemoVolunteering}), so it leads the red list
 * and the communities without one make the black list, whatever the day of the load (public:
 * {@code GET /api/v1/community-lists/published?scopeUnitId=<street>&month=}).
 */
final class DemoCommunityList {

    private final Session admin;
    private final County county;

    DemoCommunityList(Session admin, County county) {
        this.admin = admin;
        this.county = county;
    }

    /** Answers the published list's id. */
    String lastMonth() {
        YearMonth last = YearMonth.from(LocalDate.now(DemoSeason.COUNTY_ZONE)).minusMonths(1);
        JsonNode list = admin.post("/api/v1/community-lists", Map.of("scopeUnitId", county.streets.get(0).unitId,
                "month", last.toString())).expect(201);
        String id = list.path("id").asString();
        admin.post("/api/v1/community-lists/" + id + "/publication", Map.of("version", list.path("version").asLong()))
                .ok();
        return "published " + id;
    }
}
