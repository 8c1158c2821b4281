package org.linli.e2e.demo;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linli.e2e.client.Eventually;
import org.linli.e2e.client.Session;
import org.linli.e2e.demo.County.Compound;

/**
 * 包保 and property supervisors in the demo county (issue #16): the first compound of each of the first
 * communities is a "difficult compound" assigned to a county department registered as a dual-registration unit,
 * patrolled every two weeks; half of them have kept to it, the other half show on their street's overdue list
 * ({@code GET /api/v1/patrol-assignments/overdue}). The demo resident is the property supervisor of the first
 * community's first compound.
 */
final class DemoPatrols {

    private static final List<String> UNITS = List.of("县住房和城乡建设局", "县城市管理局", "县民政局", "县卫生健康局",
            "县自然资源局", "县应急管理局", "县市场监督管理局", "县生态环境分局");
    private static final ZoneId COUNTY_ZONE = ZoneId.of("Asia/Shanghai");
    private static final int EVERY_DAYS = 14;

    private final Session admin;
    private final County county;

    DemoPatrols(Session admin, County county) {
        this.admin = admin;
        this.county = county;
    }

    void assignments() {
        LocalDate today = LocalDate.now(COUNTY_ZONE);
        List<Compound> difficult = difficultCompounds();
        for (int i = 0; i < difficult.size(); i++) {
            Compound compound = difficult.get(i);
            String unitId = admin.post("/api/v1/dual-registration/units", Map.of("name", UNITS.get(i),
                            "pairedCommunityIds", List.of(compound.micro.branch.community.unitId)))
                    .expect(201).path("id").asString();
            Map<String, Object> body = new LinkedHashMap<>(Map.of("compoundId", compound.id, "unitId", unitId,
                    "startsOn", today.minusDays(60).toString(), "endsOn", today.plusDays(305).toString(),
                    "everyDays", EVERY_DAYS));
            String assignmentId = Eventually.retryWhile("unknown-dual-registration-unit",
                    () -> admin.post("/api/v1/patrol-assignments", body)).expect(201).path("id").asString();
            List<Integer> daysAgo = i % 2 == 0 ? List.of(58, 45, 31, 17, 3) : List.of(55, 30);
            for (int ago : daysAgo) {
                admin.post("/api/v1/patrol-assignments/" + assignmentId + "/patrols", Map.of(
                        "patrolledOn", today.minusDays(ago).toString(), "patrollers", UNITS.get(i) + " 包保干部两名",
                        "findings", ago % 2 == 0 ? "楼道堆物已清理，消防通道畅通" : "外墙空鼓、路灯损坏，已交物业限期整改",
                        "problemsFound", ago % 2 != 0)).expect(201);
            }
        }
    }

    void supervisors(DemoAccounts accounts) {
        Compound first = difficultCompounds().get(0);
        admin.post("/api/v1/compounds/" + first.id + "/supervisors", Map.of(
                "accountId", accounts.role("RESIDENT").id(), "name", "演示居民（物业监督员）")).expect(201);
    }

    /** The first compound of each community, for the first {@link #UNITS} communities. */
    private List<Compound> difficultCompounds() {
        List<Compound> firsts = new ArrayList<>();
        for (County.Community community : county.communities) {
            community.micros().stream().flatMap(micro -> micro.compounds.stream()).findFirst().ifPresent(firsts::add);
            if (firsts.size() == UNITS.size()) {
                break;
            }
        }
        return firsts;
    }
}
