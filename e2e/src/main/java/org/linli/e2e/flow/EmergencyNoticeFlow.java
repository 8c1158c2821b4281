package org.linli.e2e.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.linli.e2e.client.Eventually;
import org.linli.e2e.client.Gateway;
import org.linli.e2e.client.Session;
import tools.jackson.databind.JsonNode;

/**
 * Flow e of issue #8: an emergency declared on a micro-grid names its worker as commander; a notice to
 * that grid reaches every household and reports 100 % after acknowledgement.
 *
 * <ol>
 *   <li>A complete {@link Neighbourhood}: the micro-grid has an active grid worker with an account.</li>
 *   <li>An administrator registers a building with its location and {@value #HOUSEHOLDS} households in it
 *       (grid-service).</li>
 *   <li>A flood is declared on the micro-grid: its only site names the micro-grid's worker appointment as
 *       on-site commander; the worker, signed in, sees the incident and, as its commander, reports being
 *       on site.</li>
 *   <li>An emergency notice is published to the micro-grid: every household has a pending delivery task
 *       for that worker, which the worker sees in their own task list.</li>
 *   <li>The worker records each household's acknowledgement; the notice then reports every household
 *       reached: {@code deliveredShare} 1 and {@code fullyDeliveredAt} set.</li>
 *   <li>Across services: issue-service, which consumes BuildingRegistered, issues the building's QR code
 *       for reports. Nothing consumes EmergencyDeclared or NoticePublished (docs/events.md), so the
 *       incident and the notice are shown by grid-service only.</li>
 * </ol>
 *
 * Lags: {@code declaration→commander shown} (one service: the answer of the declaration request already
 * names the commander, read back once) and {@code last acknowledgement→100 %}.
 */
public final class EmergencyNoticeFlow implements Flow {

    static final int HOUSEHOLDS = 3;
    private static final String COMMANDER_NAME = "端到端网格员";

    @Override
    public String name() {
        return "e-emergency-notice";
    }

    @Override
    public FlowResult run(Gateway gateway) {
        Session admin = gateway.admin();
        Neighbourhood n = Neighbourhood.complete(admin);
        Session worker = gateway.signIn(n.workerUsername(), n.workerPassword());
        String buildingId = registerBuilding(admin, n);
        List<String> households = registerHouseholds(admin, buildingId);
        FlowResult.Builder result = FlowResult.of(name());

        Lag declaration = Lag.start();
        String emergencyId = admin.post("/api/v1/emergencies", Map.of("kind", "FLOOD", "title", "端到端内涝 " + n.run(),
                "gridIds", List.of(n.microGridId()))).expect(201).path("id").asString();
        JsonNode emergency = worker.get("/api/v1/emergencies/" + emergencyId).ok();
        result.lag("declaration→commander shown", declaration.elapsed());
        assertCommanderIsTheWorker(emergency, n);
        JsonNode onSite = worker.post("/api/v1/emergencies/" + emergencyId + "/updates", Map.of("phase", "ON_SITE",
                "gridId", n.microGridId(), "note", "已到场", "version", emergency.path("version").asLong())).ok();
        assertThat(onSite.path("sites").get(0).path("onSiteAt").isNull())
                .as("the commander's ON_SITE report marks the site reached").isFalse();

        String noticeId = admin.post("/api/v1/notices", Map.of("gridId", n.microGridId(), "kind", "EMERGENCY",
                "title", "防汛紧急通知 " + n.run(), "body", "请低洼楼栋住户注意转移。")).expect(201).path("id").asString();
        List<JsonNode> tasks = pendingTasksOf(worker, noticeId);
        assertThat(tasks).extracting(task -> task.path("householdId").asString())
                .as("a delivery task for every household of the micro-grid").containsExactlyInAnyOrderElementsOf(households);
        assertThat(tasks).allSatisfy(task -> assertThat(task.path("workerAppointmentId").asString())
                .isEqualTo(n.workerAppointmentId()));

        households.subList(0, households.size() - 1).forEach(household -> acknowledge(worker, noticeId, household));
        Lag lastAcknowledgement = Lag.start();
        acknowledge(worker, noticeId, households.get(households.size() - 1));
        JsonNode notice = admin.get("/api/v1/notices/" + noticeId).ok();
        result.lag("last acknowledgement→100 %", lastAcknowledgement.elapsed());
        assertFullyDelivered(notice);
        assertThat(pendingTasksOf(worker, noticeId)).as("no task left pending").isEmpty();

        assertIssueServiceKnowsTheBuilding(worker, buildingId);
        return result.build();
    }

    private static String registerBuilding(Session admin, Neighbourhood n) {
        return admin.post("/api/v1/households/buildings", Map.of("gridId", n.microGridId(), "name", "端到端1号楼",
                "location", n.microBox().centre(), "units", List.of("1单元"))).expect(201).path("id").asString();
    }

    private static List<String> registerHouseholds(Session admin, String buildingId) {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= HOUSEHOLDS; i++) {
            ids.add(admin.post("/api/v1/households", Map.of("buildingId", buildingId, "buildingUnit", "1单元",
                    "room", "10" + i, "residents", 2, "headName", "住户" + i)).expect(201).path("id").asString());
        }
        return ids;
    }

    /** The worker records that the household received the notice (in person). */
    private static void acknowledge(Session worker, String noticeId, String householdId) {
        worker.post("/api/v1/notices/" + noticeId + "/acknowledgements",
                Map.of("householdId", householdId, "method", "IN_PERSON")).ok();
    }

    private static void assertCommanderIsTheWorker(JsonNode emergency, Neighbourhood n) {
        assertThat(emergency.path("sites")).as("one site: the micro-grid").hasSize(1);
        JsonNode site = emergency.path("sites").get(0);
        assertThat(site.path("gridId").asString()).isEqualTo(n.microGridId());
        assertThat(site.path("commanderAppointmentId").asString())
                .as("the micro-grid's worker is the on-site commander").isEqualTo(n.workerAppointmentId());
        assertThat(site.path("commanderName").asString()).isEqualTo(COMMANDER_NAME);
    }

    private static List<JsonNode> pendingTasksOf(Session worker, String noticeId) {
        JsonNode page = worker.get("/api/v1/notices/tasks?mine=true&status=PENDING&noticeId=" + noticeId + "&size=50").ok();
        List<JsonNode> tasks = new ArrayList<>();
        page.path("content").forEach(tasks::add);
        return tasks;
    }

    private static void assertFullyDelivered(JsonNode notice) {
        assertThat(notice.path("households").asInt()).isEqualTo(HOUSEHOLDS);
        assertThat(notice.path("acknowledged").asInt()).isEqualTo(HOUSEHOLDS);
        assertThat(notice.path("deliveredShare").decimalValue()).as("delivered share").isEqualByComparingTo("1");
        assertThat(notice.path("fullyDeliveredAt").isNull()).as("fullyDeliveredAt set").isFalse();
        assertThat(notice.path("fullyDeliveredAt").isMissingNode()).isFalse();
    }

    /** issue-service learns the building from BuildingRegistered: its QR code for reports can then be printed. */
    private static void assertIssueServiceKnowsTheBuilding(Session worker, String buildingId) {
        JsonNode qr = Eventually.until("issue-service knows building " + buildingId + " (BuildingRegistered)",
                () -> worker.get("/api/v1/issues/qr-codes/" + buildingId), reply -> reply.status() == 200).ok();
        assertThat(qr.path("token").asString()).isNotBlank();
    }
}
