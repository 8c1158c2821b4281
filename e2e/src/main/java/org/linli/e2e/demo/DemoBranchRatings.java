package org.linli.e2e.demo;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.linli.e2e.client.Session;
import org.linli.e2e.demo.County.Branch;
import org.linli.e2e.demo.County.Community;

/**
 * 支部好不好，群众说了算 in the first community: the county opens a rating round of its branches for the last 30 days,
 * records two random visits (随机走访) whose one-time codes rate the first and second branch without an account,
 * {@code demo.neighbour} rates their own branch, and the round is closed, so its summary is public
 * ({@code GET /api/v1/branch-ratings/published?unitId=<community>}).
 */
final class DemoBranchRatings {

    private static final String ROUNDS = "/api/v1/branch-ratings/rounds";

    private final Session admin;
    private final County county;

    DemoBranchRatings(Session admin, County county) {
        this.admin = admin;
        this.county = county;
    }

    void round(Session neighbour) {
        Community first = county.communities.get(0);
        LocalDate today = LocalDate.now(DemoSeason.COUNTY_ZONE);
        var round = admin.post(ROUNDS, Map.of("unitId", first.unitId, "title", first.name + today.getMonthValue()
                        + "月“支部好不好，群众说了算”测评", "startsOn", today.minusDays(29).toString(), "endsOn", today.toString()))
                .expect(201);
        String id = round.path("id").asString();
        Branch lanes = first.branches.get(0);
        visit(id, lanes, today.minusDays(12), "1号楼2单元301", List.of(Map.of("score", "SATISFIED",
                "comment", "支部书记常来楼里听意见，楼道灯当天就修好了"), Map.of("score", "BASICALLY_SATISFIED")));
        Branch other = first.branches.get(first.branches.size() > 1 ? 1 : 0);
        visit(id, other, today.minusDays(5), "3号楼1单元502", List.of(Map.of("score", "DISSATISFIED",
                "comment", "停车难的问题反映了半年还没解决"), Map.of("score", "SATISFIED", "comment", "党员志愿者帮忙代买药品")));
        neighbour.post(ROUNDS + "/" + id + "/ratings", Map.of("branchId", lanes.unitId, "score", "SATISFIED",
                "comment", "网格党支部组织的义诊很实在")).expect(201);
        admin.post(ROUNDS + "/" + id + "/closing", Map.of("version", round.path("version").asLong())).ok();
    }

    /** A random visit to one household whose residents rate the branch on the spot, a code each, without an account. */
    private void visit(String round, Branch branch, LocalDate on, String household, List<Map<String, String>> ratings) {
        var codes = admin.post(ROUNDS + "/" + round + "/visits", Map.of("branchId", branch.unitId,
                "household", branch.name() + household, "visitedOn", on.toString(), "visitor", "街道组织委员、社区党委书记",
                "codes", ratings.size())).expect(201).path("codes");
        Session anyone = admin.gateway().anonymous();
        for (int i = 0; i < ratings.size(); i++) {
            Map<String, Object> body = new HashMap<>(ratings.get(i));
            body.put("branchId", branch.unitId);
            body.put("code", codes.get(i).asString());
            anyone.post(ROUNDS + "/" + round + "/code-ratings", body).expect(201);
        }
    }
}
