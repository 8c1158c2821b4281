package org.linli.e2e.demo;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import org.linli.e2e.client.Session;
import org.linli.e2e.demo.County.Branch;

/**
 * 履职清单 in the first street: {@code admin} (acting for the street, whose account {@code demo.street} is made last)
 * applies the 三帮五督 template (红色巷长) to the first street from last month on, {@code demo.community} names
 * {@code demo.member} the alley chief of the first branch, and the member records three duties of the last days
 * (监督环境卫生, 帮助服务民生, 帮解邻里纠纷), shown in the month's report
 * ({@code GET /api/v1/duty-reports/units/<community>?month=}). Likewise the 四个一 template (包联干部): {@code admin}
 * links {@code demo.housing}, a cadre of the county's housing department, to the first community, and the cadre
 * records a grid visit and a turn at the service station.
 */
final class DemoDuties {

    private final Session admin;
    private final County county;

    DemoDuties(Session admin, County county) {
        this.admin = admin;
        this.county = county;
    }

    void alleyChief(DemoAccounts accounts, Session community, Session member) {
        LocalDate today = LocalDate.now(DemoSeason.COUNTY_ZONE);
        admin.post("/api/v1/duty-quotas", Map.of("unitId", county.streets.get(0).unitId, "template", "SAN_BANG_WU_DU",
                "fromMonth", YearMonth.from(today).minusMonths(1).toString())).expect(201);
        Branch lanes = county.communities.get(0).branches.get(0);
        community.post("/api/v1/duty-holders", Map.of("accountId", accounts.role("PARTY_MEMBER").id(),
                "role", "ALLEY_CHIEF", "unitId", lanes.unitId)).expect(201);
        record(member, "ALLEY_CHIEF", "SUPERVISE_SANITATION", today.minusDays(1), "巷内垃圾桶满溢，已拍照通知保洁公司当天清运",
                "巷口垃圾收集点");
        record(member, "ALLEY_CHIEF", "HELP_LIVELIHOOD", today.minusDays(3), "帮独居老人代缴水电费，顺带检查了家中燃气阀门",
                lanes.name() + "2号楼");
        record(member, "ALLEY_CHIEF", "HELP_DISPUTES", today.minusDays(5), "两户邻居因楼道晾晒衣物起口角，上门劝解，双方握手言和",
                lanes.name() + "1号楼");
    }

    /** 四个一 for the first street; {@code demo.housing} the first community's linked cadre with two duties done. */
    void linkedCadre(DemoAccounts accounts, Session cadre) {
        LocalDate today = LocalDate.now(DemoSeason.COUNTY_ZONE);
        admin.post("/api/v1/duty-quotas", Map.of("unitId", county.streets.get(0).unitId, "template", "SI_GE_YI",
                "fromMonth", YearMonth.from(today).minusMonths(1).toString())).expect(201);
        County.Community first = county.communities.get(0);
        admin.post("/api/v1/duty-holders", Map.of("accountId", accounts.role("DEPARTMENT_STAFF").id(),
                "role", "LINKED_CADRE", "unitId", first.unitId)).expect(201);
        record(cadre, "LINKED_CADRE", "GRID_VISIT", today.minusDays(2), "走访包联网格独居老人家庭，收集到加装楼道扶手的诉求",
                first.branches.get(0).micros.get(0).name());
        record(cadre, "LINKED_CADRE", "STATION_SERVICE", today.minusDays(4), "在党群服务站值守半天，接待居民咨询6人次",
                first.name + "党群服务站");
    }

    private static void record(Session holder, String role, String kind, LocalDate on, String note, String place) {
        holder.post("/api/v1/duty-records", Map.of("role", role, "kind", kind, "doneOn", on.toString(),
                "note", note, "place", place)).expect(201);
    }
}
