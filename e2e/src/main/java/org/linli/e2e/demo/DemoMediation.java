package org.linli.e2e.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.linli.e2e.client.Box;
import org.linli.e2e.client.Identifiers;
import org.linli.e2e.client.Session;

/**
 * 矛盾纠纷前置调解 in {@code demo.worker}'s micro-grid: three disputes the worker recorded; a leak between neighbours
 * mediated after two sessions, a parking quarrel with the property company mediated at once, and a blocked-light
 * extension beyond the worker's capacity referred as an issue (上报), so the worker's success rate is 2 of 3.
 */
final class DemoMediation {

    private static final String DISPUTES = "/api/v1/disputes";

    private final County county;
    private final Session worker;

    DemoMediation(County county, Session worker) {
        this.county = county;
        this.worker = worker;
    }

    void disputes() {
        List<Box> places = county.communities.get(0).branches.get(0).micros.get(0).box.inset(0.25).columns(3);
        LocalDate today = LocalDate.now(DemoSeason.COUNTY_ZONE);
        String leak = record(places.get(0), "NEIGHBOUR", "楼上卫生间漏水渗到楼下天花板，双方为维修费用争执", 0);
        worker.post(DISPUTES + "/" + leak + "/sessions", Map.of("note", "第一次调解：上门查看渗水点，双方同意请物业检测漏点")).ok();
        worker.post(DISPUTES + "/" + leak + "/sessions", Map.of("note", "第二次调解：物业确认为楼上防水层老化")).ok();
        worker.post(DISPUTES + "/" + leak + "/mediation", Map.of("agreement", "楼上住户承担防水维修费用，楼下天花板由楼上出资重新粉刷",
                "consentedBy", Set.of(Names.person(8000), Names.person(8001)), "agreedOn", today.toString())).ok();
        String parking = record(places.get(1), "PROPERTY_MANAGEMENT", "业主车位被临时车辆占用，与物业保安发生争执", 2);
        worker.post(DISPUTES + "/" + parking + "/mediation", Map.of("agreement", "物业在车位加装地锁，保安向业主当面道歉",
                "consentedBy", Set.of(Names.person(8002), Names.person(8003)), "agreedOn", today.toString())).ok();
        String extension = record(places.get(2), "LAND_AND_HOUSING", "一楼住户在院内加盖彩钢棚，遮挡二楼采光", 4);
        worker.post(DISPUTES + "/" + extension + "/referral", Map.of("reason", "涉及违章搭建，需城管部门认定和处置，超出网格调解范围",
                "category", "ILLEGAL_CONSTRUCTION")).ok();
    }

    /** A dispute between two neighbours named from {@code 8000 + n}, recorded at the place. */
    private String record(Box place, String kind, String description, int n) {
        return worker.post(DISPUTES, Map.of("kind", kind, "description", description, "lat", place.centreLat(),
                "lng", place.centreLng(), "parties", List.of(
                        Map.of("name", Names.person(8000 + n), "phone", Identifiers.phone(80_000 + n)),
                        Map.of("name", Names.person(8001 + n)))))
                .expect(201).path("id").asString();
    }
}
