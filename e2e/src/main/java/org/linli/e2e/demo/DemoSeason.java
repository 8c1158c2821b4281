package org.linli.e2e.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.linli.e2e.client.Box;
import org.linli.e2e.client.Identifiers;
import org.linli.e2e.client.Session;
import org.linli.e2e.demo.County.Community;
import org.linli.e2e.demo.County.Micro;

/**
 * What happens in the county: a points supermarket and weekend activities in every community (in
 * the first, yesterday's visit to elderly residents done by the demo party member and resident, so
 * they hold points), residents' issues in every state of their lifecycle, and micro-wishes.
 */
final class DemoSeason {

    static final ZoneId COUNTY_ZONE = ZoneId.of("Asia/Shanghai");
    private static final List<String> CATEGORIES = List.of("PROPERTY_REPAIR", "ENVIRONMENT", "ROAD_AND_LIGHTING", "PARKING",
            "NOISE", "PROPERTY_REPAIR", "ENVIRONMENT", "UTILITIES", "NEIGHBOUR_DISPUTE", "ILLEGAL_CONSTRUCTION", "PARKING", "OTHER");
    private static final List<String> WHAT = List.of("楼道灯不亮", "垃圾清运不及时", "路灯损坏", "消防通道被占", "夜间施工噪音",
            "电梯故障", "绿化带杂物堆积", "自来水水压低", "邻里漏水纠纷", "楼顶违章搭建", "车位被占", "健身器材损坏");

    private final Session admin;
    private final County county;
    private final Parallel parallel;

    DemoSeason(Session admin, County county, Parallel parallel) {
        this.admin = admin;
        this.county = county;
        this.parallel = parallel;
    }

    void pointsSupermarkets() {
        LocalDate today = LocalDate.now(COUNTY_ZONE);
        LocalDate saturday = today.with(TemporalAdjusters.next(DayOfWeek.SATURDAY));
        parallel.each(county.communities, community -> {
            reward(community, "五常大米 5kg", 100, 50, today);
            reward(community, "面粉 5kg", 80, 50, today);
            reward(community, "花生油 5L", 150, 30, today);
            reward(community, "毛巾", 20, 200, today);
            activity(community, "周末环境整治", "CLEAN_UP", saturday, 30);
            activity(community, "平安巡逻", "PATROL", saturday.plusDays(1), 20);
        });
    }

    /**
     * Yesterday's visit in the first community, recorded from its paper sheet: the administrator enrols the demo party
     * member and resident (sign-up closed at the end), records their 2 hours and confirms: both credited.
     */
    void pastActivity(DemoAccounts accounts) {
        Community first = county.communities.get(0);
        String id = activity(first, "走访慰问独居老人", "ELDERLY_VISIT", LocalDate.now(COUNTY_ZONE).minusDays(1), 10);
        var start = LocalDate.now(COUNTY_ZONE).minusDays(1).atTime(LocalTime.of(9, 0)).atZone(COUNTY_ZONE).toInstant();
        for (String role : List.of("PARTY_MEMBER", "RESIDENT")) {
            String accountId = accounts.role(role).id();
            admin.post("/api/v1/activities/" + id + "/enrolments", Map.of("accountId", accountId)).expect(201);
            admin.post("/api/v1/activities/" + id + "/check-ins", Map.of("accountId", accountId, "at", start.toString())).ok();
            admin.post("/api/v1/activities/" + id + "/check-outs", Map.of("accountId", accountId,
                    "at", start.plusSeconds(7200).toString())).ok();
        }
        admin.post("/api/v1/activities/" + id + "/confirmation", Map.of()).ok();
    }

    /** {@code issuesPerCommunity} issues per community, the n-th left in the n-th state of {@link #advance}. */
    void issues() {
        parallel.each(county.communities, community -> {
            List<Micro> micros = community.micros();
            String original = null;
            for (int k = 0; k < county.size.issuesPerCommunity(); k++) {
                Micro micro = k % 12 == 11 ? micros.get(micros.size() - 1) : micros.get(k % Math.max(1, micros.size() - 1));
                Box place = micro.box.inset(0.1).columns(12).get(k % 12);
                String id = admin.post("/api/v1/issues", Map.of("category", CATEGORIES.get(k % 12),
                        "description", micro.name() + WHAT.get(k % 12), "lat", place.centreLat(), "lng", place.centreLng(),
                        "channel", "HOTLINE", "reporterName", Names.person(4000 + k), "reporterPhone",
                        Identifiers.phone(40_000 + community.number * 100 + k))).expect(201).path("id").asString();
                original = k == 0 ? id : original;
                advance(id, k % 12, original);
            }
        });
    }

    /**
     * Moves an issue into one state: 0 DISPATCHED, 1 ON_SITE, 2 IN_PROGRESS, 3 RESOLVED, 4 CLOSED (rated 5),
     * 5 REOPENED (rated 2), 6 OPEN_FOR_CLAIM, 7 escalated to the community (吹哨), 8 HELD, 9 REJECTED,
     * 10 DUPLICATE of the first, 11 REPORTED (a micro-grid without a worker: in the queue).
     */
    private void advance(String id, int state, String original) {
        String path = "/api/v1/issues/" + id;
        switch (state) {
            case 1, 2, 3, 4, 5 -> {
                admin.post(path + "/arrival", Map.of()).ok();
                if (state >= 2) {
                    admin.post(path + "/start", Map.of()).ok();
                }
                if (state >= 3) {
                    admin.post(path + "/resolution", Map.of("note", "已处理完毕，现场照片已留存")).ok();
                }
                if (state >= 4) {
                    admin.post(path + "/rating", state == 4 ? Map.of("rating", 5) : Map.of("rating", 2, "fixed", false,
                            "comment", "回访：问题仍在")).ok();
                }
            }
            case 6 -> admin.post(path + "/dispatch", Map.of()).ok();
            case 7 -> admin.post(path + "/escalations", Map.of()).ok();
            case 8 -> admin.post(path + "/hold", Map.of("reason", "等待业主委员会表决维修资金")).ok();
            case 9 -> admin.post(path + "/rejection", Map.of("reason", "不属于受理范围，已告知来电人")).ok();
            case 10 -> admin.post(path + "/merge", Map.of("originalIssueId", original)).ok();
            default -> { }
        }
    }

    /**
     * The first community through its own accounts: the resident reports two issues in the app (one is
     * solved and rated 5), the party member claims an issue open for claim (党员接单); the resident asks
     * for two micro-wishes, the party member takes one, and a collected wish is fulfilled and confirmed.
     */
    /**
     * 三议一示 in the first community: the resident's proposal for street lights discussed by the alley chiefs (the
     * party member), adopted by the branch and posted; a second one, on e-bike charging, awaits the branch.
     */
    void proposals(Session resident, Session member) {
        Community first = county.communities.get(0);
        String lights = resident.post("/api/v1/proposals", Map.of("unitId", first.unitId, "title", "巷口加装两盏路灯",
                "content", "晚上巷口太黑，老人出门不便，建议加装路灯")).expect(201).path("id").asString();
        member.post("/api/v1/proposals/" + lights + "/discussion", Map.of("recommendation", "SUPPORT",
                "summary", "巷长商议：五位巷长一致同意，建议由社区微实事经费解决", "version", 0)).ok();
        admin.post("/api/v1/proposals/" + lights + "/decision", Map.of("adopted", true,
                "resolution", "支部决议：同意加装两盏路灯，月底前完成", "version", 1)).ok();
        admin.post("/api/v1/proposals/" + lights + "/posting", Map.of("notice", "公示七天，有异议请向社区党委反映",
                "days", 7, "version", 2)).ok();
        String charging = resident.post("/api/v1/proposals", Map.of("unitId", first.unitId, "title", "增设电动车集中充电点",
                "content", "楼道里飞线充电有隐患，建议在空地增设充电桩")).expect(201).path("id").asString();
        member.post("/api/v1/proposals/" + charging + "/discussion", Map.of("recommendation", "AMEND",
                "summary", "巷长商议：同意增设，但位置改到小区北门空地", "version", 0)).ok();
    }

    void firstCommunity(Session resident, Session member) {
        Community first = county.communities.get(0);
        Box place = first.branches.get(0).micros.get(0).box.inset(0.3);
        resident.post("/api/v1/issues", Map.of("category", "ENVIRONMENT", "description", "单元门口垃圾桶满了",
                "lat", place.north(), "lng", place.west())).expect(201);
        String solved = resident.post("/api/v1/issues", Map.of("category", "ROAD_AND_LIGHTING", "description", "小区门口路灯不亮",
                "lat", place.south(), "lng", place.east())).expect(201).path("id").asString();
        advance(solved, 3, null);
        resident.post("/api/v1/issues/" + solved + "/rating", Map.of("rating", 5, "comment", "修得很快，谢谢")).ok();
        String forClaim = admin.post("/api/v1/issues", Map.of("category", "NEIGHBOUR_DISPUTE", "description", "楼上漏水协调",
                "lat", place.centreLat(), "lng", place.centreLng(), "channel", "HOTLINE", "reporterName", Names.person(4100),
                "reporterPhone", Identifiers.phone(41_000))).expect(201).path("id").asString();
        advance(forClaim, 6, null);
        member.post("/api/v1/issues/" + forClaim + "/claim", Map.of()).ok();

        resident.post("/api/v1/micro-wishes", Map.of("title", "希望有人教我用智能手机", "communityUnitId", first.unitId)).expect(201);
        String claimed = resident.post("/api/v1/micro-wishes", Map.of("title", "孩子需要一个书包",
                "communityUnitId", first.unitId)).expect(201).path("id").asString();
        member.post("/api/v1/micro-wishes/" + claimed + "/claim", Map.of()).ok();
        String collected = admin.post("/api/v1/micro-wishes", Map.of("title", "独居老人需要一台电暖器",
                "communityUnitId", first.unitId, "beneficiaryName", Names.person(5000))).expect(201).path("id").asString();
        member.post("/api/v1/micro-wishes/" + collected + "/claim", Map.of()).ok();
        admin.post("/api/v1/micro-wishes/" + collected + "/fulfilment", Map.of("note", "已送到老人家中")).ok();
        admin.post("/api/v1/micro-wishes/" + collected + "/confirmation", Map.of()).ok();
    }

    private void reward(Community community, String name, long price, int stock, LocalDate from) {
        admin.post("/api/v1/rewards", Map.of("communityUnitId", community.unitId, "name", name, "pointsPrice", price,
                "stock", stock, "perPersonLimit", 2, "activeFrom", from.toString(),
                "activeUntil", from.plusMonths(3).toString())).expect(201);
    }

    private String activity(Community community, String title, String type, LocalDate on, int capacity) {
        var startsAt = on.atTime(LocalTime.of(9, 0)).atZone(COUNTY_ZONE).toInstant();
        Map<String, Object> body = new HashMap<>(Map.of("communityUnitId", community.unitId, "title", title, "type", type,
                "place", community.name + "党群服务站", "startsAt", startsAt.toString(),
                "endsAt", startsAt.plusSeconds(3 * 3600).toString(), "capacity", capacity));
        return admin.post("/api/v1/activities", body).expect(201).path("id").asString();
    }
}
