package org.linli.e2e.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linli.e2e.client.Eventually;
import org.linli.e2e.client.Gateway;
import org.linli.e2e.client.Session;
import tools.jackson.databind.JsonNode;

/**
 * Flow c of issue #8: renaming or moving an org unit shows up in every read copy that holds it.
 *
 * <ol>
 *   <li>A complete {@link Neighbourhood} (its community holds grids, a compound, and the worker's account)
 *       plus what makes the other services hold the community: a hotline issue routed to it
 *       (issue-service) and an hour of volunteering confirmed there, which makes the worker's points
 *       account the community's (points-service); a dual-registration unit paired with it (org-service
 *       keeps the community's path on the pairing). A second street, and a STREET_ADMIN account of each
 *       street.</li>
 *   <li>Before: the old street's admin reads the community's dual-registration unit, micro-grid,
 *       compound, issue and points account (200); the new street's admin gets 403 everywhere.</li>
 *   <li>Rename the community: org-service and grid-service's copy (the only copy any service shows a
 *       name from here: {@code GET /api/v1/grids/org-units/{id}}) show the new name. property-service,
 *       issue-service and points-service keep the name in their copies; issue-service shows it only on published
 *       meetings ({@code communityName}), which this community has none of.</li>
 *   <li>Move the community under the second street: org-service and grid-service's copy show the new
 *       path; in every service scope follows: the new street's admin reads the dual-registration unit,
 *       the micro-grid, the compound, the issue and the points account (200; the new street's property
 *       KPIs count the compound; as staff covering it, it sees the activity's check-in code), and the
 *       old street's admin gets 403.</li>
 * </ol>
 *
 * Lags: {@code rename→last copy} (until grid-service shows the name) and {@code move→last copy} (until
 * every service lets the new street's admin in).
 */
public final class OrgChangeFlow implements Flow {

    @Override
    public String name() {
        return "c-org-change";
    }

    @Override
    public FlowResult run(Gateway gateway) {
        Session admin = gateway.admin();
        Neighbourhood n = Neighbourhood.complete(admin);
        String newStreetId = Neighbourhood.create(admin, "STREET_COMMITTEE", "端到端新街道" + n.run(), null, "FIVE_LEVEL");
        Session oldStreetAdmin = streetAdmin(gateway, admin, "old", n.streetId(), n);
        Session newStreetAdmin = streetAdmin(gateway, admin, "new", newStreetId, n);
        String issueId = issueRoutedToTheCommunity(admin, n);
        String activityId = volunteeringCreditedInTheCommunity(admin, n);
        String dualRegistrationUnitId = n.pairedDualRegistrationUnit(admin, "端到端双报到单位" + n.run());
        Map<String, String> copies = communityReads(n, issueId, dualRegistrationUnitId);

        assertThat(statuses(oldStreetAdmin, copies)).as("before the move: the old street's admin reads")
                .allSatisfy((service, status) -> assertThat(status).as(service).isEqualTo(200));
        assertThat(statuses(newStreetAdmin, copies)).as("before the move: the new street's admin reads")
                .allSatisfy((service, status) -> assertThat(status).as(service).isEqualTo(403));

        FlowResult.Builder result = FlowResult.of(name());
        String newName = "端到端改名社区" + n.run();
        Lag rename = Lag.start();
        admin.patch("/api/v1/org-units/" + n.communityId(), Map.of("name", newName,
                "version", orgUnit(admin, n.communityId()).path("version").asLong())).ok();
        Eventually.until("grid-service's copy of community " + n.communityId() + " shows the new name",
                () -> gridServiceCopy(admin, n.communityId()), copy -> newName.equals(copy.path("name").asString()));
        result.lag("rename→last copy", rename.elapsed());
        assertThat(orgUnit(admin, n.communityId()).path("name").asString()).as("org-service: name").isEqualTo(newName);

        Lag move = Lag.start();
        admin.post("/api/v1/org-units/" + n.communityId() + "/move", Map.of("newParentId", newStreetId,
                "version", orgUnit(admin, n.communityId()).path("version").asLong())).ok();
        Eventually.until("every service lets the new street's admin read the moved community's data",
                () -> statuses(newStreetAdmin, copies), statuses -> statuses.values().stream().allMatch(s -> s == 200));
        result.lag("move→last copy", move.elapsed());

        assertThat(statuses(oldStreetAdmin, copies)).as("after the move: the old street's admin reads")
                .allSatisfy((service, status) -> assertThat(status).as(service).isEqualTo(403));
        String newPath = orgUnit(admin, n.communityId()).path("path").asString();
        assertThat(newPath).as("org-service: path").isEqualTo("/" + newStreetId + "/" + n.communityId() + "/");
        JsonNode gridCopy = gridServiceCopy(newStreetAdmin, n.communityId());
        assertThat(gridCopy.path("path").asString()).as("grid-service's copy: path").isEqualTo(newPath);
        assertThat(gridCopy.path("parentId").asString()).as("grid-service's copy: parent").isEqualTo(newStreetId);
        assertThat(gridCopy.path("name").asString()).as("grid-service's copy: name").isEqualTo(newName);
        assertThat(newStreetAdmin.get("/api/v1/evaluations/kpis?unitId=" + newStreetId).ok().path("compounds").asInt())
                .as("property-service: the new street's KPIs count the moved community's compound").isEqualTo(1);
        assertThat(newStreetAdmin.get("/api/v1/activities/" + activityId).ok().path("checkInCode").asString(null))
                .as("points-service: the new street's admin is staff covering the activity").isNotNull();
        return result.build();
    }

    /** Where each service shows the community's data to an admin whose scope covers it. */
    private static Map<String, String> communityReads(Neighbourhood n, String issueId, String dualRegistrationUnitId) {
        Map<String, String> reads = new LinkedHashMap<>();
        reads.put("org-service dual-registration unit", "/api/v1/dual-registration/units/" + dualRegistrationUnitId);
        reads.put("grid-service micro-grid", "/api/v1/grids/" + n.microGridId());
        reads.put("grid-service org-unit copy", "/api/v1/grids/org-units/" + n.communityId());
        reads.put("property-service compound", "/api/v1/compounds/" + n.compoundId());
        reads.put("issue-service issue", "/api/v1/issues/" + issueId);
        reads.put("points-service account", "/api/v1/points/accounts/" + n.workerAccountId());
        return reads;
    }

    private static Map<String, Integer> statuses(Session caller, Map<String, String> reads) {
        Map<String, Integer> statuses = new LinkedHashMap<>();
        reads.forEach((service, path) -> statuses.put(service, caller.get(path).status()));
        return statuses;
    }

    private static Session streetAdmin(Gateway gateway, Session admin, String which, String streetId, Neighbourhood n) {
        String username = "e2e-" + which + "-street-admin-" + n.run();
        Neighbourhood.account(admin, username, "STREET_ADMIN", streetId);
        return gateway.signIn(username, Neighbourhood.PASSWORD);
    }

    /** Hotline calls about the micro-grid until issue-service routes one to the community (it learns grids from events). */
    private static String issueRoutedToTheCommunity(Session admin, Neighbourhood n) {
        int[] call = {0};
        return Eventually.until("issue-service routes a report in micro-grid " + n.microGridId() + " to its community",
                        () -> Issues.reportByHotline(admin, n, call[0]++),
                        issue -> n.communityId().equals(issue.path("communityUnitId").asString(null)))
                .path("id").asString();
    }

    /**
     * An hour of clean-up in the community (past: the administrator enrols the worker, as from a paper sheet), the
     * worker attending, confirmed by the administrator: the
     * worker's points account is now the community's (points-service scopes it by the community's path).
     */
    private static String volunteeringCreditedInTheCommunity(Session admin, Neighbourhood n) {
        Instant startsAt = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        Instant endsAt = startsAt.plus(1, ChronoUnit.HOURS);
        String activityId = Eventually.until("points-service knows community " + n.communityId(),
                () -> admin.post("/api/v1/activities", Map.of("communityUnitId", n.communityId(), "title", "端到端清理楼道",
                        "type", "CLEAN_UP", "place", "端到端1号楼", "startsAt", startsAt.toString(),
                        "endsAt", endsAt.toString(), "capacity", 5)), reply -> reply.status() != 404)
                .expect(201).path("id").asString();
        admin.post("/api/v1/activities/" + activityId + "/enrolments", Map.of("accountId", n.workerAccountId()))
                .expect(201);
        admin.post("/api/v1/activities/" + activityId + "/check-ins",
                Map.of("accountId", n.workerAccountId(), "at", startsAt.toString())).ok();
        admin.post("/api/v1/activities/" + activityId + "/check-outs",
                Map.of("accountId", n.workerAccountId(), "at", endsAt.toString())).ok();
        JsonNode confirmed = admin.post("/api/v1/activities/" + activityId + "/confirmation", null).ok();
        assertThat(Pages.find(confirmed.path("participants"), "accountId", n.workerAccountId()).orElseThrow()
                .path("credit").asString()).as("points-service credits the worker").isIn(List.of("CREDITED", "CREDITED_CAPPED"));
        return activityId;
    }

    private static JsonNode orgUnit(Session admin, String unitId) {
        return admin.get("/api/v1/org-units/" + unitId).ok();
    }

    private static JsonNode gridServiceCopy(Session caller, String unitId) {
        return caller.get("/api/v1/grids/org-units/" + unitId).ok();
    }
}
