package org.linli.e2e.demo;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.linli.e2e.client.Session;

/**
 * 信托制物业 in the demo county: the trust account of the first community's compound served by the first company
 * (whose staff sign in as {@code demo.property}), with a year of lines booked by that staff — monthly fees and
 * parking income, advertising each quarter, cleaning, security and the company's remuneration — the owners'
 * threshold (2 万元), one 四议两公开 record with the expense it authorised two months ago, and an objection of
 * {@code demo.resident} (registered in the compound) answered by the company. About 60 requests, one after another
 * (lines are booked in month order).
 */
final class DemoTrustAccount {

    private static final ZoneId COUNTY = ZoneId.of("Asia/Shanghai");
    private static final long THRESHOLD_FEN = 2_000_000;

    private final Session admin;
    private final County county;

    DemoTrustAccount(Session admin, County county) {
        this.admin = admin;
        this.county = county;
    }

    void load(DemoAccounts accounts, Session staff, Session resident) {
        County.Company company = county.companies.get(0);
        County.Community first = county.communities.get(0);
        County.Compound compound = county.compounds().stream()
                .filter(c -> company.equals(c.company) && c.micro.branch.community == first).findFirst()
                .orElseGet(() -> county.compounds().stream().filter(c -> company.equals(c.company)).findFirst()
                        .orElseThrow());
        String account = "/api/v1/trust-accounts/" + compound.id;
        admin.put(account + "/residents/" + accounts.role("RESIDENT").id(), Map.of()).ok();
        admin.put(account + "/threshold", Map.of("thresholdFen", THRESHOLD_FEN,
                "basis", "业主大会决定：单笔 2 万元以上支出须经“四议两公开”", "decidedOn",
                LocalDate.now(COUNTY).minusYears(1).toString())).ok();
        LocalDate today = LocalDate.now(COUNTY);
        YearMonth start = YearMonth.from(today).minusMonths(11);
        for (int m = 0; m < 12; m++) {
            YearMonth month = start.plusMonths(m);
            line(staff, account, today, month.atDay(1), "PROPERTY_FEES", 4_800_000 + m * 13_700L, "本月物业费收缴");
            line(staff, account, today, month.atDay(5), "PARKING", 360_000 + (m % 3) * 25_000L, "地面停车收益");
            if (m % 3 == 0) {
                line(staff, account, today, month.atDay(8), "ADVERTISING", 450_000, "电梯广告季度收益");
            }
            line(staff, account, today, month.atDay(10), "CLEANING", 1_200_000, "保洁外包服务费");
            if (m == 9) {
                deliberatedRepair(staff, account, month);
            }
            line(staff, account, today, month.atDay(15), "SECURITY", 1_500_000, "秩序维护人员工资");
            line(staff, account, today, month.atDay(25), "MANAGEMENT_FEE", 480_000, "物业服务酬金（按信托合同）");
        }
        objection(staff, resident, account, start.plusMonths(10));
    }

    /** The 四议两公开 of month 10 of 12: proposed on the 1st, published on the 9th, spent on the 12th, reported on the 20th. */
    private void deliberatedRepair(Session staff, String account, YearMonth month) {
        String id = admin.post(account + "/deliberations", Map.of("subject", "更换 2 号楼二次供水水泵",
                "amountFen", 6_800_000, "proposedOn", month.atDay(1).toString(),
                "summary", "小区党支部根据住户反映提议更换老化水泵")).expect(201).path("id").asString();
        step(account, id, "CONSULTATION", month.atDay(3), "社区两委与业委会、物业商议方案与预算", null);
        step(account, id, "REVIEW", month.atDay(5), "党员大会审议通过", null);
        step(account, id, "DECISION", month.atDay(8), "业主代表会议表决同意（到会 31 人，同意 29 人）", true);
        step(account, id, "RESULT_PUBLICATION", month.atDay(9), "决议在各楼栋公示栏公示 7 天", null);
        Map<String, Object> body = new HashMap<>(Map.of("category", "REPAIRS", "amountFen", 6_800_000,
                "day", month.atDay(12).toString(), "description", "更换 2 号楼二次供水水泵（含安装）", "deliberationId", id));
        staff.post(account + "/entries", body).expect(201);
        step(account, id, "IMPLEMENTATION_PUBLICATION", month.atDay(20), "验收合格，实施结果与票据公示", null);
    }

    private void step(String account, String id, String step, LocalDate on, String summary, Boolean approved) {
        Map<String, Object> body = new HashMap<>(Map.of("step", step, "on", on.toString(), "summary", summary));
        if (approved != null) {
            body.put("approved", approved);
        }
        admin.post(account + "/deliberations/" + id + "/steps", body).ok();
    }

    private static void objection(Session staff, Session resident, String account, YearMonth month) {
        List<Integer> parking = new java.util.ArrayList<>();
        for (var line : resident.get(account + "/entries?month=" + month + "&size=50").ok().path("content")) {
            if ("PARKING".equals(line.path("category").asString())) {
                parking.add(line.path("sequence").asInt());
            }
        }
        if (parking.isEmpty()) {
            return;
        }
        String id = resident.post(account + "/entries/" + parking.get(0) + "/objections",
                Map.of("text", "地面车位 120 个，本月停车收益为何比上月少？")).expect(201).path("id").asString();
        staff.post(account + "/objections/" + id + "/answer",
                Map.of("text", "本月东门道路施工封闭 9 天，临时停车免费；施工通知见小区公告。")).ok();
    }

    private static void line(Session staff, String account, LocalDate today, LocalDate day, String category, long fen,
                             String description) {
        if (day.isAfter(today)) {
            return;
        }
        staff.post(account + "/entries", Map.of("category", category, "amountFen", fen, "day", day.toString(),
                "description", description)).expect(201);
    }
}
