package org.linli.e2e.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.linli.e2e.client.Eventually;
import org.linli.e2e.client.Gateway;
import org.linli.e2e.client.Reply;
import org.linli.e2e.client.Session;
import tools.jackson.databind.JsonNode;

/**
 * Flow a of issue #8: a resident's QR report in compound X reaches X's grid worker; its on-site deadline
 * passes and it escalates; a party member claims and resolves it; the resident rates it; property-service
 * shows X's company with the complaint and the rating counted; points-service credits the party member once.
 *
 * <ol>
 *   <li>A {@link Neighbourhood#complete complete neighbourhood} (compound X in a micro-grid with its worker);
 *       a building registered in the micro-grid (grid-service), whose QR code issue-service issues once
 *       BuildingRegistered has arrived, and routes to X once X's copy has arrived too.</li>
 *   <li>An anonymous QR report: DISPATCHED to the worker's appointment, about X and X's company; the worker,
 *       signed in, finds it in their list (lag "report→worker sees it").</li>
 *   <li>The on-site deadline the issue carries (5 min by default, {@code linli.issue.deadlines.on-site}) passes;
 *       issue-service's sweep (every 15 s) marks it overdue and supervised and escalates it to the community.</li>
 *   <li>A party member (account + org-service registration) claims the issue an administrator opened for
 *       claiming, arrives, starts and resolves it; the resident rates 5 with the callback token: CLOSED.</li>
 *   <li>property-service lists the complaint under X and counts the rating in X's monthly score for X's company
 *       (lag "rating→property counts it"); points-service credits the member once with the community's
 *       points for a resolved issue (lag "rating→points credit"), and no second credit follows.</li>
 * </ol>
 */
public final class QrReportFlow implements Flow {

    public static final String NAME = "a-qr-report";
    private static final ZoneId COUNTY = ZoneId.of("Asia/Shanghai");
    /** issue-service's sweep interval ({@code linli.issue.sweep.interval}): how late after its due instant a clock is applied. */
    private static final Duration SWEEP = Duration.ofSeconds(15);
    /** How long to keep watching the ledger for a second credit of the same issue. */
    private static final Duration SECOND_CREDIT_WATCH = Duration.ofSeconds(3);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public FlowResult run(Gateway gateway) {
        FlowResult.Builder result = FlowResult.of(NAME);
        Session admin = gateway.admin();
        Neighbourhood n = Neighbourhood.complete(admin);
        String buildingId = registerBuilding(admin, n);
        String qrToken = qrToken(admin, buildingId, n.compoundId());

        Lag reporting = Lag.start();
        JsonNode report = reportWithQrCode(gateway.anonymous(), qrToken, n);
        String issueId = report.path("id").asString();
        String callbackToken = report.path("callbackToken").asString();
        Session worker = gateway.signIn(n.workerUsername(), Neighbourhood.PASSWORD);
        Eventually.until("grid worker " + n.workerUsername() + " sees QR report " + issueId + " in their list",
                () -> worker.get("/api/v1/issues?compoundId=" + n.compoundId() + "&size=50").ok(),
                page -> Pages.contains(page, "id", issueId));
        result.lag("report→worker sees it", reporting.elapsed());
        assertDispatchedToTheWorker(Issues.read(worker, issueId), n, buildingId);

        assertEscalatedOnceTheOnSiteDeadlinePassed(admin, issueId, n);

        People.PartyMember member = People.partyMember(admin, n);
        assertThat(admin.post("/api/v1/issues/" + issueId + "/dispatch", Map.of()).ok().path("status").asString())
                .as("an administrator opens the issue for claiming (党员接单)").isEqualTo("OPEN_FOR_CLAIM");
        Session memberSession = member.signIn(gateway);
        claimAndResolve(memberSession, issueId);

        Lag rating = Lag.start();
        JsonNode rated = gateway.anonymous().post("/api/v1/issues/qr-reports/" + issueId + "/rating",
                Map.of("callbackToken", callbackToken, "rating", 5)).ok();
        assertThat(rated.path("status").asString()).as("QR report rated 5 by the resident").isEqualTo("CLOSED");
        assertClosedByTheMember(Issues.read(admin, issueId), member);

        YearMonth month = YearMonth.now(COUNTY);
        JsonNode score = Eventually.until("property-service counts the rating of issue " + issueId + " in compound "
                + n.compoundId() + "'s score of " + month, () -> admin.get("/api/v1/evaluations/scores?compoundId="
                + n.compoundId() + "&month=" + month).ok(), QrReportFlow::countsOneSatisfiedRating);
        result.lag("rating→property counts it", rating.elapsed());
        JsonNode credited = Eventually.until("points-service credits party member " + member.memberId()
                        + " for issue " + issueId, () -> entries(admin, member), page -> Pages.contains(page,
                        "reference", "issue:" + issueId));
        result.lag("rating→points credit", rating.elapsed());

        assertPropertyShowsTheComplaintAndTheRating(admin, n, issueId, score);
        assertCreditedExactlyOnce(admin, n, member, issueId, credited);
        assertBuildingAndMemberKnown(admin, n, buildingId, member);
        return result.build();
    }

    private static String registerBuilding(Session admin, Neighbourhood n) {
        return admin.post("/api/v1/households/buildings", Map.of("gridId", n.microGridId(),
                        "name", "端到端楼栋" + n.run(), "address", "端到端路1号",
                        "location", n.microBox().inset(0.3).centre(), "units", List.of("1单元", "2单元")))
                .expect(201).path("id").asString();
    }

    /**
     * The building's QR token, once issue-service has heard of the building (404 until then) and routes its reports
     * to compound X: the building and the compound reach issue-service by two consumers, so a report made as soon
     * as the building is known could find no compound yet and be stored without one.
     */
    private static String qrToken(Session admin, String buildingId, String compoundId) {
        return Eventually.until("issue-service issues the QR code of building " + buildingId + " for compound "
                                + compoundId, () -> admin.get("/api/v1/issues/qr-codes/" + buildingId),
                        reply -> reply.status() != 404 && compoundId.equals(reply.ok().path("compoundId").asString()))
                .ok().path("token").asString();
    }

    /**
     * The resident's anonymous report. issue-service limits QR reports per client address (10 an hour by
     * default), and every run comes from this one client: repeated runs need the limit raised.
     */
    private static JsonNode reportWithQrCode(Session anonymous, String qrToken, Neighbourhood n) {
        Reply reply = anonymous.post("/api/v1/issues/qr-reports", Map.of("token", qrToken,
                "category", "PROPERTY_REPAIR", "description", "端到端扫码: 楼道灯不亮 " + n.run()));
        if (reply.status() == 429) {
            throw new AssertionError("issue-service refuses more QR reports from this client this hour "
                    + "(linli.issue.qr.per-address, 10 by default); for repeated runs start it with "
                    + "LINLI_ISSUE_QR_PER_ADDRESS=10000: " + reply.body());
        }
        return reply.expect(201);
    }

    private static void assertDispatchedToTheWorker(JsonNode issue, Neighbourhood n, String buildingId) {
        assertThat(issue.path("status").asString()).as("QR report routed to the grid worker").isEqualTo("DISPATCHED");
        assertThat(issue.path("channel").asString()).isEqualTo("QR_CODE");
        assertThat(issue.path("buildingId").asString()).isEqualTo(buildingId);
        assertThat(issue.path("gridId").asString()).as("routed to the building's micro-grid").isEqualTo(n.microGridId());
        assertThat(issue.path("assigneeAppointmentId").asString()).as("assigned to X's grid worker")
                .isEqualTo(n.workerAppointmentId());
        assertThat(issue.path("compoundId").asString()).as("about compound X").isEqualTo(n.compoundId());
        assertThat(issue.path("companyId").asString()).as("X's company").isEqualTo(n.companyId());
        assertThat(issue.path("communityUnitId").asString()).isEqualTo(n.communityId());
        assertThat(issue.path("level").asString()).isEqualTo("GRID");
    }

    /**
     * Waits for the on-site due instant the issue carries plus one sweep, then checks what IssueEscalated did:
     * overdue, supervised (督办), the community responsible, and both steps in the timeline.
     */
    private static void assertEscalatedOnceTheOnSiteDeadlinePassed(Session admin, String issueId, Neighbourhood n) {
        Instant due = Instant.parse(Issues.read(admin, issueId).path("deadlines").path("onSiteDueAt").asString());
        Duration untilDue = Duration.between(Instant.now(), due);
        Duration timeout = (untilDue.isNegative() ? Duration.ZERO : untilDue).plus(SWEEP).plus(Eventually.TIMEOUT);
        JsonNode escalated = Eventually.until("issue " + issueId + " escalates to the community after its on-site "
                        + "deadline " + due, timeout, () -> Issues.read(admin, issueId),
                issue -> "COMMUNITY".equals(issue.path("level").asString()));
        assertThat(Instant.now()).as("escalated only after the on-site deadline").isAfterOrEqualTo(due);
        assertThat(escalated.path("deadlines").path("onSiteOverdue").asBoolean()).as("on-site overdue").isTrue();
        assertThat(escalated.path("supervised").asBoolean()).as("supervised (督办) once overdue").isTrue();
        assertThat(escalated.path("responsibleUnitId").asString()).as("the community takes over")
                .isEqualTo(n.communityId());
        assertThat(escalated.path("status").asString()).as("still waiting for someone on site").isEqualTo("DISPATCHED");
        assertThat(Issues.actions(escalated)).as("timeline").contains("OVERDUE", "ESCALATED");
        assertThat(Issues.noteOf(escalated, "OVERDUE")).isEqualTo("ON_SITE");
        assertThat(Issues.noteOf(escalated, "ESCALATED")).isEqualTo("COMMUNITY ON_SITE_OVERDUE");
        assertThat(Pages.contains(admin.get("/api/v1/issues?communityUnitId=" + n.communityId()
                + "&level=COMMUNITY&supervised=true&size=50").ok(), "id", issueId))
                .as("listed among the community's supervised issues").isTrue();
    }

    private static void claimAndResolve(Session member, String issueId) {
        String path = "/api/v1/issues/" + issueId;
        assertThat(member.post(path + "/claim", Map.of()).ok().path("status").asString()).isEqualTo("CLAIMED");
        assertThat(member.post(path + "/arrival", Map.of()).ok().path("status").asString()).isEqualTo("ON_SITE");
        assertThat(member.post(path + "/start", Map.of()).ok().path("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(member.post(path + "/resolution", Map.of("note", "已更换楼道灯泡")).ok().path("status").asString())
                .isEqualTo("RESOLVED");
    }

    private static void assertClosedByTheMember(JsonNode issue, People.PartyMember member) {
        assertThat(issue.path("status").asString()).isEqualTo("CLOSED");
        assertThat(issue.path("rating").asInt()).isEqualTo(5);
        assertThat(issue.path("claimantAccountId").asString()).isEqualTo(member.accountId());
        assertThat(issue.path("handlerAccountId").asString()).isEqualTo(member.accountId());
        assertThat(issue.path("handlerKind").asString()).isEqualTo("PARTY_MEMBER");
        assertThat(issue.path("level").asString()).as("closed at the level it was escalated to").isEqualTo("COMMUNITY");
    }

    /** Every RESIDENTS item of the score rests on exactly one rating, and that one satisfied. */
    private static boolean countsOneSatisfiedRating(JsonNode score) {
        List<JsonNode> residents = residentsItems(score);
        return !residents.isEmpty() && residents.stream()
                .allMatch(item -> item.path("basis").asString("").contains("ratings 1/1"));
    }

    private static List<JsonNode> residentsItems(JsonNode score) {
        return StreamSupport.stream(score.path("items").spliterator(), false)
                .filter(item -> "RESIDENTS".equals(item.path("scorer").asString())).toList();
    }

    private static void assertPropertyShowsTheComplaintAndTheRating(Session admin, Neighbourhood n, String issueId,
                                                                     JsonNode score) {
        assertThat(score.path("companyId").asString()).as("the score is X's company's").isEqualTo(n.companyId());
        assertThat(residentsItems(score)).allSatisfy(item ->
                assertThat(item.path("score").asDouble()).as("a 5-star rating counts as satisfied").isEqualTo(100.0));
        assertThat(score.path("total").asDouble()).as("X's total rests on the rating alone").isEqualTo(100.0);
        JsonNode complaints = admin.get("/api/v1/compounds/" + n.compoundId() + "/complaints").ok();
        assertThat(complaints.path("complaintsInWindow").asInt()).as("complaints about X").isEqualTo(1);
        assertThat(Pages.find(complaints.path("complaints"), "id", issueId)).as("the QR report as X's complaint")
                .hasValueSatisfying(complaint -> assertThat(complaint.path("channel").asString()).isEqualTo("ISSUE"));
        JsonNode compound = admin.get("/api/v1/compounds/" + n.compoundId()).ok();
        assertThat(compound.path("currentContract").path("companyId").asString()).as("X's company serves X")
                .isEqualTo(n.companyId());
    }

    private static JsonNode entries(Session admin, People.PartyMember member) {
        return admin.get("/api/v1/points/accounts/" + member.accountId() + "/entries?size=50").ok();
    }

    private static void assertCreditedExactlyOnce(Session admin, Neighbourhood n, People.PartyMember member,
                                                  String issueId, JsonNode credited) {
        int points = admin.get("/api/v1/points/scoring-standards/" + n.communityId()).ok()
                .path("issueResolved").asInt();
        sleep(SECOND_CREDIT_WATCH);
        JsonNode entries = entries(admin, member);
        assertThat(Pages.count(entries, "reference", "issue:" + issueId)).as("credits for issue " + issueId)
                .isEqualTo(1);
        assertThat(Pages.totalElements(entries)).as("entries of the member's account").isEqualTo(1);
        JsonNode entry = Pages.find(credited, "reference", "issue:" + issueId).orElseThrow();
        assertThat(entry.path("reason").asString()).isEqualTo("ISSUE_RESOLVED");
        assertThat(entry.path("amount").asInt()).as("the community's points for a resolved issue").isEqualTo(points);
        JsonNode account = admin.get("/api/v1/points/accounts/" + member.accountId()).ok();
        assertThat(account.path("balance").asInt()).as("balance").isEqualTo(points);
        int year = LocalDate.now(COUNTY).getYear();
        JsonNode contribution = Eventually.until("points-service knows party member " + member.memberId(),
                () -> admin.get("/api/v1/points/party-members/" + member.memberId() + "/contribution/" + year),
                reply -> reply.status() != 404).ok();
        assertThat(contribution.path("accountId").asString()).as("member linked to the account")
                .isEqualTo(member.accountId());
        assertThat(contribution.path("pointsByReason").path("ISSUE_RESOLVED").asInt()).isEqualTo(points);
    }

    private static void assertBuildingAndMemberKnown(Session admin, Neighbourhood n, String buildingId,
                                                     People.PartyMember member) {
        assertThat(admin.get("/api/v1/households/buildings/" + buildingId).ok().path("gridId").asString())
                .as("grid-service: the building lies in X's micro-grid").isEqualTo(n.microGridId());
        JsonNode registered = admin.get("/api/v1/party-members/" + member.memberId()).ok();
        assertThat(registered.path("accountId").asString()).as("org-service: the member's account")
                .isEqualTo(member.accountId());
        assertThat(registered.path("branchId").asString()).isEqualTo(n.branchId());
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
