package org.linli.e2e.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.linli.e2e.client.Box;
import org.linli.e2e.client.Eventually;
import org.linli.e2e.client.Gateway;
import org.linli.e2e.client.Identifiers;
import org.linli.e2e.client.Session;
import tools.jackson.databind.JsonNode;

/**
 * Flow l of issue #17: mediation first (矛盾纠纷前置调解). A micro-grid worker records a dispute in their grid, fails
 * to settle it and refers it as an issue (上报), which is routed back to that grid, handled and closed; the grid's and
 * the worker's success rates count one mediation and one referral; the worker of another grid is kept out.
 *
 * <ol>
 *   <li>A {@link Neighbourhood#complete complete neighbourhood} (compound X in micro-grid M with its worker W), and
 *       a second micro-grid M2 of the same community with its own worker W2 (grid-service, org-service accounts).</li>
 *   <li>A hotline call routed to X's company: issue-service has heard of compound X (CompoundCreated,
 *       ContractStarted), so the referral below lands in X.</li>
 *   <li>W records a dispute between an owner and X's company in M once issue-service knows W as M's appointed worker
 *       (GridWorkerAppointed; 403 until then), holds a session without agreement and refers it: REFERRED, naming
 *       the issue.</li>
 *   <li>property-service lists the issue among X's complaints (IssueReported; lag "referral→property lists it").</li>
 *   <li>The issue: channel PATROL, reported by W, routed to M and DISPATCHED to W's appointment (the id grid-service
 *       answered), about X and X's company, its description carrying the dispute's history; W arrives, starts and
 *       resolves it, the community's admin records the callback (回访) rating 5: CLOSED, W the handler. A second
 *       dispute W mediates (before the issue is read).</li>
 *   <li>W2 (same community, another grid), once issue-service knows them (they record a dispute in M2), gets 403 on
 *       reading, a session and a referral of W's dispute and does not see it in their list.</li>
 *   <li>issue-service's success rates, per grid (M) and per worker (W): recorded 2, mediated 1, referred 1, open 0,
 *       0.5; M2's row counts only W2's dispute.</li>
 * </ol>
 */
public final class MediationFirstFlow implements Flow {

    private static final String DISPUTES = "/api/v1/disputes";
    private static final ZoneId COUNTY_ZONE = ZoneId.of("Asia/Shanghai");

    @Override
    public String name() {
        return "l-mediation-first";
    }

    @Override
    public FlowResult run(Gateway gateway) {
        FlowResult.Builder result = FlowResult.of(name());
        Session admin = gateway.admin();
        Neighbourhood n = Neighbourhood.complete(admin);
        String otherGridId = secondMicroGrid(admin, n);
        String otherWorkerName = "e2e-worker2-" + n.run();
        appointWorker(admin, n, otherGridId, otherWorkerName);
        Session communityAdmin = People.communityAdmin(gateway, admin, n);
        Issues.reportUntilRoutedTo(admin, n, n.companyId(), 0);

        Session worker = gateway.signIn(n.workerUsername(), Neighbourhood.PASSWORD);
        Box place = n.microBox().inset(0.3);
        JsonNode dispute = Eventually.until("issue-service lets " + n.workerUsername() + " record disputes in micro-grid "
                        + n.microGridId() + " (GridWorkerAppointed)",
                () -> worker.post(DISPUTES, dispute("PROPERTY_MANAGEMENT", "业主与物业因地下车库漏水泡车的赔偿争执不下 "
                        + n.run(), place, 0)), reply -> reply.status() != 403).expect(201);
        String disputeId = dispute.path("id").asString();
        assertThat(dispute.path("gridId").asString()).as("issue-service: the dispute lies in the worker's micro-grid")
                .isEqualTo(n.microGridId());
        assertThat(dispute.path("workerAccountId").asString()).isEqualTo(n.workerAccountId());
        assertThat(dispute.path("communityUnitId").asString()).isEqualTo(n.communityId());
        assertThat(dispute.path("status").asString()).isEqualTo("RECORDED");

        JsonNode session = worker.post(DISPUTES + "/" + disputeId + "/sessions", Map.of("note",
                "召集业主与物业经理面谈，双方对赔偿金额分歧过大，未达成一致")).ok();
        assertThat(session.path("status").asString()).isEqualTo("MEDIATING");
        Lag referral = Lag.start();
        JsonNode referred = worker.post(DISPUTES + "/" + disputeId + "/referral", Map.of("reason",
                "赔偿金额分歧大，需物业主管部门和社区共同处理", "version", session.path("version").asLong())).ok();
        assertThat(referred.path("status").asString()).as("the dispute is passed on").isEqualTo("REFERRED");
        String issueId = referred.path("referral").path("issueId").asString();
        assertThat(issueId).as("the referral names its issue").isNotBlank();
        JsonNode complaints = Eventually.until("property-service lists the referred issue " + issueId
                        + " among compound " + n.compoundId() + "'s complaints",
                () -> admin.get("/api/v1/compounds/" + n.compoundId() + "/complaints").ok(),
                page -> Pages.contains(page.path("complaints"), "id", issueId));
        result.lag("referral→property lists it", referral.elapsed());
        assertThat(Pages.find(complaints.path("complaints"), "id", issueId).orElseThrow().path("channel").asString())
                .isEqualTo("ISSUE");
        mediateAnother(worker, n);

        JsonNode issue = Issues.read(worker, issueId);
        assertTheIssueIsTheWorkersGrids(issue, n, disputeId);
        assertThat(Pages.contains(worker.get("/api/v1/issues?gridId=" + n.microGridId() + "&size=50").ok(), "id",
                issueId)).as("in the worker's own list").isTrue();
        handleAndClose(worker, communityAdmin, issueId, n);

        assertAnotherGridsWorkerIsKeptOut(gateway.signIn(otherWorkerName, Neighbourhood.PASSWORD), otherGridId,
                disputeId, n);
        assertTheSuccessRates(communityAdmin, n, otherGridId);
        return result.build();
    }

    /** A second micro-grid beside the neighbourhood's, in the same level-1 grid and branch. */
    private static String secondMicroGrid(Session admin, Neighbourhood n) {
        Box box = n.communityBox().inset(0.1).columns(2).get(1);
        return Eventually.retryWhile("unknown-branch", () -> admin.post("/api/v1/grids", Map.of("level", "MICRO",
                "name", "端到端微网格乙" + n.run(), "parentId", n.communityGridId(), "communityUnitId", n.communityId(),
                "branchUnitId", n.branchId(), "boundary", box.geoJson(), "residents", 80, "households", 30)))
                .expect(201).path("id").asString();
    }

    /** A GRID_WORKER account of the community, appointed to the grid. */
    private static void appointWorker(Session admin, Neighbourhood n, String gridId, String username) {
        String accountId = Neighbourhood.account(admin, username, "GRID_WORKER", n.communityId());
        admin.post("/api/v1/grid-workers", Map.of("gridId", gridId, "role", "GRID_WORKER", "person", Map.of(
                "name", "端到端网格员乙", "phone", Identifiers.phone(n.run().hashCode() + 1L), "source", "CADRE",
                "partyMember", false, "accountId", accountId))).expect(201);
    }

    /** A dispute between an owner and a neighbour or the company, named from {@code n}, recorded at the place. */
    private static Map<String, Object> dispute(String kind, String description, Box place, int n) {
        return Map.of("kind", kind, "description", description, "lat", place.centreLat(), "lng", place.centreLng(),
                "parties", List.of(Map.of("name", "端到端业主" + n, "phone", Identifiers.phone(70_000 + n)),
                        Map.of("name", "端到端当事人" + (n + 1))));
    }

    /** A second dispute in the grid, settled by the worker: the success rate has one of each. */
    private static void mediateAnother(Session worker, Neighbourhood n) {
        Box spot = n.microBox().inset(0.3).rows(2).get(0);
        String id = worker.post(DISPUTES, dispute("NEIGHBOUR", "楼上装修噪音影响楼下老人休息 " + n.run(), spot, 2))
                .expect(201).path("id").asString();
        JsonNode mediated = worker.post(DISPUTES + "/" + id + "/mediation", Map.of("agreement",
                "装修时间限定为工作日9点至18点，午休时段不施工", "consentedBy", Set.of("端到端业主2", "端到端当事人3"),
                "agreedOn", LocalDate.now(COUNTY_ZONE).toString())).ok();
        assertThat(mediated.path("status").asString()).isEqualTo("MEDIATED");
    }

    private static void assertTheIssueIsTheWorkersGrids(JsonNode issue, Neighbourhood n, String disputeId) {
        assertThat(issue.path("channel").asString()).as("referred on patrol").isEqualTo("PATROL");
        assertThat(issue.path("category").asString()).as("a property dispute's category").isEqualTo("PROPERTY_REPAIR");
        assertThat(issue.path("gridId").asString()).as("routed to the dispute's micro-grid").isEqualTo(n.microGridId());
        assertThat(issue.path("status").asString()).isEqualTo("DISPATCHED");
        assertThat(issue.path("assigneeAppointmentId").asString())
                .as("dispatched to the worker's appointment in grid-service").isEqualTo(n.workerAppointmentId());
        assertThat(issue.path("communityUnitId").asString()).isEqualTo(n.communityId());
        assertThat(issue.path("compoundId").asString()).as("about compound X").isEqualTo(n.compoundId());
        assertThat(issue.path("companyId").asString()).as("X's company").isEqualTo(n.companyId());
        assertThat(issue.path("description").asString()).as("the dispute's history travels with it")
                .contains(disputeId, "召集业主与物业经理面谈", "上报原因");
    }

    /** The worker handles the issue on site; the community's admin records the callback: CLOSED. */
    private static void handleAndClose(Session worker, Session communityAdmin, String issueId, Neighbourhood n) {
        String path = "/api/v1/issues/" + issueId;
        assertThat(worker.post(path + "/arrival", Map.of()).ok().path("status").asString()).isEqualTo("ON_SITE");
        assertThat(worker.post(path + "/start", Map.of()).ok().path("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(worker.post(path + "/resolution", Map.of("note", "物业承担维修并赔付洗车费用，业主认可")).ok()
                .path("status").asString()).isEqualTo("RESOLVED");
        JsonNode closed = communityAdmin.post(path + "/rating", Map.of("rating", 5, "comment", "电话回访：业主满意"))
                .ok();
        assertThat(closed.path("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.path("handlerAccountId").asString()).as("the worker handled it")
                .isEqualTo(n.workerAccountId());
        assertThat(closed.path("gridId").asString()).isEqualTo(n.microGridId());
    }

    private static void assertTheSuccessRates(Session communityAdmin, Neighbourhood n, String otherGridId) {
        String rates = DISPUTES + "/success-rates?communityUnitId=" + n.communityId();
        JsonNode grid = Pages.find(communityAdmin.get(rates + "&by=GRID").ok(), "key", n.microGridId())
                .orElseThrow(() -> new AssertionError("no success rate for micro-grid " + n.microGridId()));
        assertOneMediatedOneReferred(grid, "grid");
        JsonNode worker = Pages.find(communityAdmin.get(rates + "&by=WORKER&workerAccountId=" + n.workerAccountId())
                .ok(), "key", n.workerAccountId()).orElseThrow(() -> new AssertionError("no success rate for worker "
                + n.workerAccountId()));
        assertOneMediatedOneReferred(worker, "worker");
        JsonNode other = Pages.find(communityAdmin.get(rates + "&by=GRID").ok(), "key", otherGridId).orElseThrow();
        assertThat(other.path("recorded").asInt()).as("the other grid's row counts only its own dispute").isEqualTo(1);
        assertThat(other.path("referred").asInt()).isZero();
    }

    private static void assertOneMediatedOneReferred(JsonNode row, String per) {
        assertThat(row.path("recorded").asInt()).as(per + ": recorded").isEqualTo(2);
        assertThat(row.path("mediated").asInt()).as(per + ": mediated").isEqualTo(1);
        assertThat(row.path("referred").asInt()).as(per + ": referred").isEqualTo(1);
        assertThat(row.path("open").asInt()).as(per + ": open").isZero();
        assertThat(row.path("successRate").asDouble()).as(per + ": success rate").isEqualTo(0.5);
    }

    /**
     * The other grid's worker, once issue-service knows them (they record a dispute in their own grid), is refused
     * the first worker's dispute: reading, a session, a referral; their list holds only their own.
     */
    private static void assertAnotherGridsWorkerIsKeptOut(Session otherWorker, String otherGridId, String disputeId,
                                                         Neighbourhood n) {
        Box otherPlace = n.communityBox().inset(0.1).columns(2).get(1).inset(0.3);
        String own = Eventually.until("issue-service lets the second worker record disputes in micro-grid "
                        + otherGridId, () -> otherWorker.post(DISPUTES, dispute("NEIGHBOUR", "邻居占用楼道堆放杂物 "
                        + n.run(), otherPlace, 4)), reply -> reply.status() != 403).expect(201).path("id").asString();
        assertThat(otherWorker.get(DISPUTES + "/" + own).ok().path("gridId").asString()).isEqualTo(otherGridId);
        String path = DISPUTES + "/" + disputeId;
        otherWorker.get(path).expect(403);
        otherWorker.post(path + "/sessions", Map.of("note", "越权调解")).expect(403);
        otherWorker.post(path + "/referral", Map.of("reason", "越权上报")).expect(403);
        JsonNode list = otherWorker.get(DISPUTES + "?communityUnitId=" + n.communityId() + "&size=50").ok();
        assertThat(Pages.contains(list, "id", disputeId)).as("not in the other worker's list").isFalse();
        assertThat(Pages.contains(list, "id", own)).as("their own is").isTrue();
    }
}
