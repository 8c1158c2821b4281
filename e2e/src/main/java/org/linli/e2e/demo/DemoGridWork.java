package org.linli.e2e.demo;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.linli.e2e.client.Box;
import org.linli.e2e.client.Session;
import org.linli.e2e.demo.County.Community;
import org.linli.e2e.demo.County.Micro;
import tools.jackson.databind.JsonNode;

/**
 * The first community's grid work through its own accounts: a notice the community admin pushes to every household,
 * of which {@code demo.worker} has delivered all but two of theirs, and a 飞线充电 rectification campaign (专项整治)
 * whose cases the worker found in their micro-grid: two fixed, one overdue, one still within its deadline.
 */
final class DemoGridWork {

    private static final int LEFT_PENDING = 2;

    private final County county;
    private final Session community;
    private final Session worker;
    private final LocalDate today = LocalDate.now(DemoSeason.COUNTY_ZONE);

    DemoGridWork(County county, Session community, Session worker) {
        this.county = county;
        this.community = community;
        this.worker = worker;
    }

    void notice() {
        Community first = county.communities.get(0);
        String id = community.post("/api/v1/notices", Map.of("gridId", first.gridId, "kind", "POLICY",
                "title", "关于开展冬季燃气安全入户检查的通知",
                "body", "本周六、周日上午9点至12点，社区联合燃气公司入户检查燃气管道和报警器，请各户家中留人。")).expect(201)
                .path("id").asString();
        JsonNode tasks = worker.get("/api/v1/notices/tasks?mine=true&status=PENDING&size=50&noticeId=" + id).ok()
                .path("content");
        for (int i = 0; i < tasks.size() - LEFT_PENDING; i++) {
            worker.post("/api/v1/notices/" + id + "/acknowledgements", Map.of("householdId",
                    tasks.get(i).path("householdId").asString(), "method", i % 3 == 2 ? "PHONE" : "IN_PERSON")).ok();
        }
    }

    void campaign() {
        Community first = county.communities.get(0);
        String id = community.post("/api/v1/campaigns", Map.of("hazard", "FLYING_LEAD_CHARGING",
                "title", "冬季电动车飞线充电专项整治", "areaUnitId", first.unitId, "startsOn", today.minusDays(20).toString(),
                "endsOn", today.plusDays(40).toString(), "daysToFix", 7)).expect(201).path("id").asString();
        Micro micro = first.branches.get(0).micros.get(0);
        List<Box> places = micro.box.inset(0.2).columns(4);
        found(id, places.get(0), 18, "3号楼北侧窗口拉线给电动车充电", 14);
        found(id, places.get(1), 16, "5号楼楼道插线板飞线充电，屡教不改", -1);
        found(id, places.get(2), 9, "车棚外私拉电线充电", 6);
        found(id, places.get(3), 2, "1号楼一楼住户从窗口拉线充电", -1);
    }

    /** A case the worker found {@code daysAgo}, fixed {@code fixedDaysAgo} (negative: not yet). */
    private void found(String campaign, Box place, int daysAgo, String what, int fixedDaysAgo) {
        String foundAt = today.minusDays(daysAgo).atTime(LocalTime.of(10, 30)).atZone(DemoSeason.COUNTY_ZONE)
                .toInstant().toString();
        String caseId = worker.post("/api/v1/campaigns/" + campaign + "/cases", Map.of("place", place.centre(),
                "description", what, "photo", "demo/campaign/found-" + daysAgo + ".jpg", "foundAt", foundAt))
                .expect(201).path("id").asString();
        if (fixedDaysAgo >= 0) {
            worker.post("/api/v1/campaigns/" + campaign + "/cases/" + caseId + "/fixing", Map.of(
                    "photo", "demo/campaign/fixed-" + daysAgo + ".jpg",
                    "fixedOn", today.minusDays(fixedDaysAgo).toString())).ok();
        }
    }
}
