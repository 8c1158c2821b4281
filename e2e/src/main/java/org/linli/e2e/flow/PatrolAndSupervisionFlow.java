package org.linli.e2e.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.linli.e2e.client.Eventually;
import org.linli.e2e.client.Gateway;
import org.linli.e2e.client.Reply;
import org.linli.e2e.client.Session;
import tools.jackson.databind.JsonNode;

/**
 * 包保 and property supervisors (issue #16 items 3 and 4), through the gateway.
 *
 * <ol>
 *   <li>A {@link Neighbourhood#complete complete neighbourhood} with compound X; the county registers a
 *       dual-registration unit (org-service), which property-service learns from DualRegistrationUnitRegistered
 *       (lag "unit registered→包保 assignable").</li>
 *   <li>The unit is assigned to X from ten days ago with a weekly patrol: the street's overdue list shows it; a
 *       recorded patrol takes it off; org-service counts the assignment and the patrol in the unit's
 *       {@code patrolDuty}, what its paired community weighs for the year-end score (lag "patrol→unit's 包保 duty").</li>
 *   <li>Hotline complaints past the threshold put X on the focus list; its entry names the unit.</li>
 *   <li>The plan is done; a passing acceptance is refused without a supervisor's sign-off; the community appoints
 *       a resident as supervisor, another resident cannot file, the supervisor signs off, and the acceptance takes
 *       X off the list.</li>
 *   <li>An old compound (class OLD_OR_UNMANAGED) in a fresh neighbourhood: a housing issue in it escalates up to
 *       its street and no further (Huguan's responsible body, item 5).</li>
 * </ol>
 */
public final class PatrolAndSupervisionFlow implements Flow {

    public static final String NAME = "g-patrol-supervision";
    private static final ZoneId COUNTY = ZoneId.of("Asia/Shanghai");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public FlowResult run(Gateway gateway) {
        FlowResult.Builder result = FlowResult.of(NAME);
        Session admin = gateway.admin();
        Neighbourhood n = Neighbourhood.complete(admin);
        Session communityAdmin = People.communityAdmin(gateway, admin, n);
        LocalDate today = LocalDate.now(COUNTY);

        Lag registered = Lag.start();
        String unitName = "端到端包保单位" + n.run();
        String unitId = n.pairedDualRegistrationUnit(admin, unitName);
        JsonNode assignment = Eventually.retryWhile("unknown-dual-registration-unit", () -> admin.post(
                "/api/v1/patrol-assignments", Map.of("compoundId", n.compoundId(), "unitId", unitId,
                        "startsOn", today.minusDays(10).toString(), "endsOn", today.plusYears(1).toString(),
                        "everyDays", 7))).expect(201);
        result.lag("unit registered→包保 assignable", registered.elapsed());
        String assignmentId = assignment.path("id").asString();
        assertThat(assignment.path("unitName").asString()).isEqualTo(unitName);
        assertThat(assignment.path("patrolOverdue").asBoolean()).as("no patrol in ten days of a weekly one").isTrue();
        assertThat(Pages.contains(overdue(admin, n), "id", assignmentId)).as("the street's overdue patrols").isTrue();

        Lag patrol = Lag.start();
        JsonNode patrolled = communityAdmin.post("/api/v1/patrol-assignments/" + assignmentId + "/patrols", Map.of(
                "patrolledOn", today.toString(), "patrollers", unitName + " 两名干部",
                "findings", "楼道堆物、外墙脱落，已交物业整改", "problemsFound", true)).expect(201);
        assertThat(patrolled.path("patrolOverdue").asBoolean()).isFalse();
        assertThat(Pages.contains(overdue(admin, n), "id", assignmentId)).as("patrolled today").isFalse();
        JsonNode duty = Eventually.until("org-service counts the patrol of " + assignmentId + " for unit " + unitId,
                () -> communityAdmin.get("/api/v1/dual-registration/units/" + unitId).ok(),
                unit -> thisYear(unit, today).path("patrolsDone").asInt() == 1);
        result.lag("patrol→unit's 包保 duty", patrol.elapsed());
        JsonNode year = thisYear(duty, today);
        assertThat(year.path("assignments").asInt()).as("one 包保 assignment this year").isEqualTo(1);
        assertThat(year.path("patrolsDue").asInt()).as("weekly from ten days ago: one due, three days ago")
                .isEqualTo(today.minusDays(3).getYear() == today.getYear() ? 1 : 0);
        assertThat(year.path("overdueAssignments").asInt()).as("patrolled today").isZero();

        int threshold = admin.get("/api/v1/compounds/" + n.compoundId() + "/complaints").ok().path("threshold").asInt();
        for (int i = 0; i <= threshold; i++) {
            communityAdmin.post("/api/v1/compounds/" + n.compoundId() + "/complaints",
                    Map.of("channel", "HOTLINE_12345")).expect(201);
        }
        JsonNode focus = communityAdmin.get("/api/v1/compounds/" + n.compoundId() + "/focus").ok();
        assertThat(focus.path("onFocusList").asBoolean()).isTrue();
        assertThat(focus.path("patrolUnit").path("unitId").asString()).as("the entry names its 包保 unit")
                .isEqualTo(unitId);

        acceptWithASupervisorsSignOff(gateway, admin, communityAdmin, n, today);
        anOldCompoundsHousingIssueStopsAtTheStreet(admin, result);
        return result.build();
    }

    /**
     * Huguan (item 5): an old or unmanaged compound answers to its street, so a housing issue in it escalates no
     * further than the street (422 {@code cannot-escalate}); the class travels in CompoundCreated to issue-service
     * (lag "compound registered→routed by its class").
     */
    private static void anOldCompoundsHousingIssueStopsAtTheStreet(Session admin, FlowResult.Builder result) {
        Neighbourhood old = Neighbourhood.withGrids(admin);
        Lag registered = Lag.start();
        String compoundId = Eventually.retryWhile(() -> admin.post("/api/v1/compounds", Map.of(
                "name", "端到端老旧小区" + old.run(), "kind", "VILLAGE_BUILT", "compoundClass", "OLD_OR_UNMANAGED",
                "communityUnitId", old.communityId(), "gridId", old.microGridId(), "households", 30,
                "lat", old.microBox().centreLat(), "lng", old.microBox().centreLng(), "modeWithoutCompany", "SELF")),
                "unknown-community", "unknown-grid")
                .expect(201).path("id").asString();
        JsonNode issue = Eventually.until("issue-service places a report in compound " + compoundId,
                () -> admin.post("/api/v1/issues", Map.of("channel", "HOTLINE", "category", "PROPERTY_REPAIR",
                        "description", "端到端老旧小区楼顶漏水 " + old.run(), "lat", old.microBox().centreLat(),
                        "lng", old.microBox().centreLng(), "reporterName", "热线来电人")).expect(201),
                reported -> compoundId.equals(reported.path("compoundId").asString(null)));
        result.lag("compound registered→routed by its class", registered.elapsed());
        String escalations = "/api/v1/issues/" + issue.path("id").asString() + "/escalations";
        Reply refused = admin.post(escalations, Map.of());
        for (int step = 0; refused.status() == 200 && step < 4; step++) {
            refused = admin.post(escalations, Map.of());
        }
        assertThat(refused.code()).as("a housing issue of an old compound past its street").isEqualTo("cannot-escalate");
        JsonNode reread = admin.get("/api/v1/issues/" + issue.path("id").asString()).ok();
        assertThat(reread.path("level").asString()).isEqualTo("STREET");
    }

    /** The unit's 包保 duty in today's year (a missing node when it has none). */
    private static JsonNode thisYear(JsonNode unit, LocalDate today) {
        for (JsonNode year : unit.path("patrolDuty")) {
            if (year.path("year").asInt() == today.getYear()) {
                return year;
            }
        }
        return unit.path("patrolDuty").path(99);
    }

    private static JsonNode overdue(Session admin, Neighbourhood n) {
        return admin.get("/api/v1/patrol-assignments/overdue?size=200&unitId=" + n.streetId()).ok();
    }

    private static void acceptWithASupervisorsSignOff(Gateway gateway, Session admin, Session communityAdmin,
                                                      Neighbourhood n, LocalDate today) {
        String focus = "/api/v1/compounds/" + n.compoundId() + "/focus";
        communityAdmin.put(focus + "/plan", Map.of("items", List.of(Map.of("description", "清理楼道堆物",
                "deadline", today.plusDays(7).toString())))).ok();
        communityAdmin.post(focus + "/plan/items/0/completion", Map.of()).ok();
        Map<String, Object> acceptance = Map.of("acceptedOn", today.toString(), "acceptor", "县第三方评估中心",
                "passed", true);
        assertThat(communityAdmin.post(focus + "/acceptance", acceptance).code())
                .as("a passing acceptance without a supervisor's sign-off").isEqualTo("supervisor-sign-off-missing");

        String supervisorName = "e2e-supervisor-" + n.run();
        String supervisorAccount = Neighbourhood.account(admin, supervisorName, "RESIDENT", n.communityId());
        String otherName = "e2e-resident-" + n.run();
        Neighbourhood.account(admin, otherName, "RESIDENT", n.communityId());
        communityAdmin.post("/api/v1/compounds/" + n.compoundId() + "/supervisors",
                Map.of("accountId", supervisorAccount, "name", "端到端监督员")).expect(201);

        Map<String, Object> signOff = Map.of("note", "楼道已清理，确认整改完成", "signOff", true);
        gateway.signIn(otherName, Neighbourhood.PASSWORD).post(focus + "/supervision-records", signOff).expect(403);
        gateway.signIn(supervisorName, Neighbourhood.PASSWORD).post(focus + "/supervision-records", signOff)
                .expect(201);
        JsonNode accepted = communityAdmin.post(focus + "/acceptance", acceptance).ok();
        assertThat(accepted.path("onFocusList").asBoolean()).as("accepted with the sign-off").isFalse();
        assertThat(accepted.path("stays").path(0).path("supervision").path(0).path("supervisorName").asString())
                .isEqualTo("端到端监督员");
    }
}
