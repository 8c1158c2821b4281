package org.linli.e2e.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.linli.e2e.client.Eventually;
import org.linli.e2e.client.Gateway;
import org.linli.e2e.client.Identifiers;
import org.linli.e2e.client.Session;
import tools.jackson.databind.JsonNode;

/**
 * Flow m of issue #17: a courier (新就业群体, 智慧暖"新") with a resident's account registers for the community they
 * deliver in, is verified by the community, let into a compound by the company serving it, and takes part in
 * community life: an activity of points-service, attended and credited like a resident.
 *
 * <ol>
 *   <li>A {@link Neighbourhood#complete complete neighbourhood} (compound X served by company C); a second community
 *       in the same street with its own admin.</li>
 *   <li>The courier, a RESIDENT account of the community, registers themselves (property-service) once
 *       property-service knows the community (OrgUnitCreated; 422 unknown-area until then): PENDING, with their
 *       account.</li>
 *   <li>The other community's admin gets 403 on reading and on verifying the registration and does not list it.</li>
 *   <li>The community's admin verifies it: VERIFIED, pushed to compound X for C; C's staff find the access request
 *       and grant it; the courier reads their registration with X GRANTED.</li>
 *   <li>The community's admin launches an activity (points-service, once it knows the community) that started an
 *       hour ago; the courier signs up, the organiser records their check-in at the start and check-out 45 minutes
 *       later, the courier agrees to the hours, the organiser confirms: CREDITED 45 × 12 / 60 = 9 points.</li>
 *   <li>The courier's own ledger: balance 9, one ACTIVITY entry referring to the activity.</li>
 * </ol>
 *
 * No lag is reported: the waits are for copies of units made at the start (OrgUnitCreated), long arrived.
 */
public final class CourierFlow implements Flow {

    private static final String COURIERS = "/api/v1/couriers";
    private static final int POINTS_PER_HOUR = 12;
    private static final int MINUTES = 45;

    @Override
    public String name() {
        return "m-couriers";
    }

    @Override
    public FlowResult run(Gateway gateway) {
        Session admin = gateway.admin();
        Neighbourhood n = Neighbourhood.complete(admin);
        Session communityAdmin = People.communityAdmin(gateway, admin, n);
        Session otherCommunity = otherCommunitysAdmin(gateway, admin, n);
        String username = "e2e-courier-" + n.run();
        String courierAccountId = Neighbourhood.account(admin, username, "RESIDENT", n.communityId());
        Session courier = gateway.signIn(username, Neighbourhood.PASSWORD);

        JsonNode registration = Eventually.retryWhile("unknown-area", () -> courier.post(COURIERS, Map.of(
                "personName", "端到端快递员", "kind", "COURIER", "company", "顺丰速运",
                "phone", Identifiers.phone(n.run().hashCode() + 7L), "areaUnitId", n.communityId()))).expect(201);
        String registrationId = registration.path("id").asString();
        assertThat(registration.path("status").asString()).isEqualTo("PENDING");
        assertThat(registration.path("accountId").asString()).as("registered with the courier's own account")
                .isEqualTo(courierAccountId);

        otherCommunity.get(COURIERS + "/" + registrationId).expect(403);
        otherCommunity.post(COURIERS + "/" + registrationId + "/verification", Map.of()).expect(403);
        assertThat(Pages.contains(otherCommunity.get(COURIERS + "?size=50").ok(), "id", registrationId))
                .as("not in the other community's list").isFalse();

        JsonNode verified = communityAdmin.post(COURIERS + "/" + registrationId + "/verification", Map.of()).ok();
        assertThat(verified.path("status").asString()).isEqualTo("VERIFIED");
        assertThat(verified.path("pushedCompounds").asInt()).as("pushed to the community's one compound").isEqualTo(1);
        assertThat(Pages.find(verified.path("accessRequests"), "compoundId", n.compoundId())).as("an access request "
                + "for compound X").hasValueSatisfying(request -> assertThat(request.path("status").asString())
                .isEqualTo("PENDING"));
        grantAccess(People.propertyStaff(gateway, admin, n), registrationId, n);
        JsonNode own = courier.get(COURIERS + "/" + registrationId).ok();
        assertThat(Pages.find(own.path("accessRequests"), "compoundId", n.compoundId()).orElseThrow()
                .path("status").asString()).as("the courier sees X's company let them in").isEqualTo("GRANTED");
        assertThat(Pages.contains(courier.get(COURIERS + "/mine").ok(), "id", registrationId)).isTrue();

        JsonNode activity = launchActivity(communityAdmin, n);
        String activityId = activity.path("id").asString();
        attendAndConfirm(courier, communityAdmin, activity, courierAccountId);
        assertTheLedgerShowsTheCredit(courier, courierAccountId, activityId);
        return FlowResult.of(name()).build();
    }

    /** The COMMUNITY_ADMIN of a second community in the neighbourhood's street, signed in. */
    private static Session otherCommunitysAdmin(Gateway gateway, Session admin, Neighbourhood n) {
        String community = Neighbourhood.create(admin, "COMMUNITY_COMMITTEE", "端到端邻社区" + n.run(), n.streetId(),
                null);
        String username = "e2e-other-community-" + n.run();
        Neighbourhood.account(admin, username, "COMMUNITY_ADMIN", community);
        return gateway.signIn(username, Neighbourhood.PASSWORD);
    }

    /** The company's staff find the courier's request for X among their pending ones and grant it. */
    private static void grantAccess(Session staff, String registrationId, Neighbourhood n) {
        JsonNode pending = staff.get(COURIERS + "/access-requests?status=PENDING&size=50").ok();
        JsonNode request = Pages.find(pending, "registrationId", registrationId).orElseThrow(() -> new AssertionError(
                "company " + n.companyId() + " has no pending access request of courier " + registrationId));
        assertThat(request.path("compoundId").asString()).isEqualTo(n.compoundId());
        assertThat(request.path("phone").asString()).as("the courier's phone masked to the company")
                .contains("*");
        JsonNode granted = staff.post(COURIERS + "/access-requests/" + request.path("id").asString() + "/decision",
                Map.of("granted", true)).ok();
        assertThat(granted.path("status").asString()).isEqualTo("GRANTED");
    }

    /** An hour-long activity that began an hour ago, launched once points-service knows the community (404 until). */
    private static JsonNode launchActivity(Session organiser, Neighbourhood n) {
        Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofHours(1));
        Map<String, Object> body = Map.of("communityUnitId", n.communityId(), "title", "快递小哥进社区：为独居老人送件上门",
                "type", "ELDERLY_VISIT", "place", "端到端社区" + n.run() + "党群服务站", "startsAt", start.toString(),
                "endsAt", start.plus(Duration.ofHours(2)).toString(), "capacity", 10, "pointsPerHour", POINTS_PER_HOUR);
        return Eventually.until("points-service knows community " + n.communityId(),
                () -> organiser.post("/api/v1/activities", body), reply -> reply.status() != 404).expect(201);
    }

    /**
     * The courier signs up; the organiser records check-in at the start and check-out {@link #MINUTES} later (both
     * past, inside the activity's window); the courier agrees to those hours; the organiser confirms.
     */
    private static void attendAndConfirm(Session courier, Session organiser, JsonNode activity, String accountId) {
        String path = "/api/v1/activities/" + activity.path("id").asString();
        assertThat(courier.post(path + "/sign-ups", Map.of()).expect(201).path("status").asString())
                .isEqualTo("SIGNED_UP");
        Instant start = Instant.parse(activity.path("startsAt").asString());
        organiser.post(path + "/check-ins", Map.of("accountId", accountId, "at", start.toString())).ok();
        JsonNode out = organiser.post(path + "/check-outs", Map.of("accountId", accountId,
                "at", start.plus(Duration.ofMinutes(MINUTES)).toString())).ok();
        JsonNode line = Pages.find(out.path("participants"), "accountId", accountId).orElseThrow();
        assertThat(line.path("minutes").asInt()).isEqualTo(MINUTES);
        assertThat(line.path("hours").asString()).as("recorded by the organiser: the courier's word pending")
                .isEqualTo("PENDING");
        JsonNode agreed = courier.put(path + "/participants/me/hours", Map.of("agree", true)).ok();
        assertThat(Pages.find(agreed.path("participants"), "accountId", accountId).orElseThrow().path("hours")
                .asString()).isEqualTo("AGREED");
        JsonNode confirmed = organiser.post(path + "/confirmation", Map.of()).ok();
        assertThat(confirmed.path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(Pages.find(confirmed.path("participants"), "accountId", accountId).orElseThrow().path("credit")
                .asString()).as("points-service credits the courier like any resident").isEqualTo("CREDITED");
    }

    private static void assertTheLedgerShowsTheCredit(Session courier, String accountId, String activityId) {
        int points = MINUTES * POINTS_PER_HOUR / 60;
        assertThat(courier.get("/api/v1/points/accounts/me").ok().path("balance").asInt()).as("the courier's balance")
                .isEqualTo(points);
        JsonNode entries = courier.get("/api/v1/points/accounts/" + accountId + "/entries?size=50").ok();
        JsonNode entry = Pages.find(entries, "reference", "activity:" + activityId + ":" + accountId).orElseThrow(
                () -> new AssertionError("no ledger entry for activity " + activityId + ": " + entries));
        assertThat(entry.path("reason").asString()).isEqualTo("ACTIVITY");
        assertThat(entry.path("amount").asInt()).isEqualTo(points);
        assertThat(Pages.totalElements(entries)).as("the courier's only entry").isEqualTo(1);
    }
}
