package org.linli.e2e.demo;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linli.e2e.client.Session;
import org.linli.e2e.demo.County.Community;
import org.linli.e2e.demo.County.Company;
import org.linli.e2e.demo.County.Compound;
import tools.jackson.databind.JsonNode;

/**
 * What the gateway's public page (公示, {@code /public/}) shows of the demo county, made through the flows the
 * services offer: last month's evaluations (spot checks, a survey, the party organisation's score) of two compounds
 * per company, then last month's ranking of the county and of the first street; a yellow card for the company at the
 * bottom, which puts it on the caution list; and in every community a "1+3+N" joint meeting held yesterday on its
 * escalated issues, each decided FOLLOW_UP (the issue stays where it is) and published.
 */
final class DemoPublicRecord {

    private static final int COMPOUNDS_PER_COMPANY = 2;

    private final Session admin;
    private final County county;
    private final Parallel parallel;
    private final YearMonth lastMonth = YearMonth.now(DemoSeason.COUNTY_ZONE).minusMonths(1);

    DemoPublicRecord(Session admin, County county, Parallel parallel) {
        this.admin = admin;
        this.county = county;
        this.parallel = parallel;
    }

    /** Last month's evaluations, the county's and the first street's rankings, a yellow card for the last company. */
    void rankings() {
        List<Company> companies = new ArrayList<>(county.companies);
        companies.addAll(county.stateCompanies);
        Company worst = county.companies.get(county.companies.size() - 1);
        parallel.each(DemoStructure.indexes(companies.size()), i -> {
            Company company = companies.get(i);
            int slack = company.equals(worst) ? 30 : i % 6;
            for (Compound compound : servedAtEndOf(company)) {
                evaluate(compound, slack);
            }
        });
        admin.post("/api/v1/rankings", Map.of("scopeUnitId", "county", "month", lastMonth.toString())).expect(201);
        admin.post("/api/v1/rankings", Map.of("scopeUnitId", county.streets.get(0).unitId,
                "month", lastMonth.toString())).expect(201);
        admin.post("/api/v1/sanctions", Map.of("kind", "YELLOW_CARD", "companyId", worst.id(),
                "reason", lastMonth.getMonthValue() + "月月度考核末位：环境卫生、设施设备维护抽查扣分多，业主满意度低，整改不力"))
                .expect(201);
    }

    /** A joint meeting in every community, held yesterday, its escalated issues decided and published (公示). */
    void meetings() {
        parallel.each(county.communities, community -> {
            JsonNode meeting = admin.post("/api/v1/meetings", Map.of("title", community.name + "“1+3+N”联席会议",
                    "communityUnitId", community.unitId, "place", community.name + "党群服务站",
                    "scheduledAt", LocalDate.now(DemoSeason.COUNTY_ZONE).minusDays(1).atTime(LocalTime.of(15, 0))
                            .atZone(DemoSeason.COUNTY_ZONE).toInstant().toString(),
                    "attendees", attendees(community), "agendaFromEscalated", true)).expect(201);
            String id = meeting.path("id").asString();
            for (JsonNode item : meeting.path("agenda")) {
                admin.post("/api/v1/meetings/" + id + "/resolutions", Map.of("issueId", item.path("issueId").asString(),
                        "decision", "FOLLOW_UP", "summary", "物业公司一周内整改，网格员每日巡查，下次联席会议通报结果")).ok();
            }
            admin.post("/api/v1/meetings/" + id + "/publication", Map.of()).ok();
        });
    }

    /** The 1 (party organisation), the 3 (residents' committee, owners' committee, property company), by organisation. */
    private static List<Map<String, String>> attendees(Community community) {
        String company = community.micros().stream().flatMap(micro -> micro.compounds.stream())
                .filter(compound -> compound.company != null).map(compound -> compound.company.name())
                .findFirst().orElse("物业服务企业");
        return List.of(Map.of("party", "PARTY_ORGANISATION", "name", community.name + "党委"),
                Map.of("party", "RESIDENTS_COMMITTEE", "name", community.name + "居民委员会"),
                Map.of("party", "OWNERS_COMMITTEE", "name", community.name + "业主委员会代表"),
                Map.of("party", "PROPERTY_COMPANY", "name", company));
    }

    /** Compounds the company served at last month's end (a ranking counts those), at most two. */
    private List<Compound> servedAtEndOf(Company company) {
        return county.compounds().stream()
                .filter(compound -> company.equals(compound.company) && compound.contractStartsOn != null
                        && !compound.contractStartsOn.isAfter(lastMonth.atEndOfMonth()))
                .limit(COMPOUNDS_PER_COMPANY).toList();
    }

    /** Two spot checks, the quarter's survey and the party organisation's score; {@code slack} lowers them all. */
    private void evaluate(Compound compound, int slack) {
        inspect(compound, "ENVIRONMENT", 10, 2 + slack);
        inspect(compound, "FACILITIES", 12, slack == 0 ? 0 : 5 + slack);
        admin.put("/api/v1/evaluations/surveys", Map.of("compoundId", compound.id,
                "quarter", lastMonth.getYear() + "-Q" + ((lastMonth.getMonthValue() - 1) / 3 + 1),
                "respondents", 60, "satisfied", 57 - slack, "conductedOn", lastMonth.atDay(20).toString())).ok();
        admin.put("/api/v1/evaluations/organisation-scores", Map.of("compoundId", compound.id,
                "month", lastMonth.toString(), "itemCode", "PARTY_BUILDING", "score", 96 - slack)).ok();
    }

    private void inspect(Compound compound, String item, int day, int points) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("compoundId", compound.id,
                "inspectedOn", lastMonth.atDay(day).toString(), "itemCode", item));
        body.put("deductions", points == 0 ? List.of() : List.of(Map.of("reason",
                item.equals("ENVIRONMENT") ? "楼道堆放杂物、垃圾清运不及时" : "单元门禁损坏、路灯不亮",
                "points", points, "photoRefs", List.of("demo/" + compound.id + "/" + item.toLowerCase() + ".jpg"))));
        admin.post("/api/v1/evaluations/inspections", body).expect(201);
    }
}
