package org.linli.e2e.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Year;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.linli.e2e.client.Eventually;
import org.linli.e2e.client.Gateway;
import org.linli.e2e.client.Session;
import tools.jackson.databind.JsonNode;

/**
 * Flow d of issue #8: a micro-wish claimed by a dual-registration unit is fulfilled and recorded on
 * both sides.
 *
 * <ol>
 *   <li>A {@link Neighbourhood} with grids; the county registers a dual-registration unit (双报到单位)
 *       paired with its community (org-service).</li>
 *   <li>A resident of the community publishes a micro-wish (issue-service, once it knows the community
 *       from org events).</li>
 *   <li>A community administrator records the unit's claim ({@code DUAL_REGISTRATION_UNIT} + the unit's
 *       id) and, when the unit has done it, the fulfilment; the resident confirms, which publishes
 *       MicroWishFulfilled.</li>
 *   <li>issue-service shows the wish CONFIRMED with the unit as claimant; org-service shows the wish on
 *       the unit's record among its fulfilled wishes, for that community and year. points-service credits
 *       only party members for wishes, so nothing is credited for a unit (not observable per wish).</li>
 * </ol>
 *
 * Lag: {@code confirmation→org-service records it}.
 */
public final class DualRegistrationWishFlow implements Flow {

    private static final ZoneId COUNTY_ZONE = ZoneId.of("Asia/Shanghai");

    @Override
    public String name() {
        return "d-dual-registration-wish";
    }

    @Override
    public FlowResult run(Gateway gateway) {
        Session admin = gateway.admin();
        Neighbourhood n = Neighbourhood.withGrids(admin);
        String unitName = "端到端双报到单位" + n.run();
        String unitId = n.pairedDualRegistrationUnit(admin, unitName);
        Session communityAdmin = People.communityAdmin(gateway, admin, n);
        Session resident = People.resident(gateway, admin, n);

        String wishId = Eventually.retryWhile("unknown-community", () -> resident.post("/api/v1/micro-wishes",
                Map.of("title", "端到端微心愿 " + n.run(), "description", "想要一台助行器",
                        "communityUnitId", n.communityId()))).expect(201).path("id").asString();
        communityAdmin.post("/api/v1/micro-wishes/" + wishId + "/claim", Map.of("claimantKind", "DUAL_REGISTRATION_UNIT",
                "claimantId", unitId, "claimantName", unitName)).ok();
        communityAdmin.post("/api/v1/micro-wishes/" + wishId + "/fulfilment", Map.of("note", "单位已送达助行器")).ok();

        Lag confirmation = Lag.start();
        resident.post("/api/v1/micro-wishes/" + wishId + "/confirmation", null).ok();
        JsonNode unit = Eventually.until("org-service records wish " + wishId + " on dual-registration unit " + unitId,
                () -> communityAdmin.get("/api/v1/dual-registration/units/" + unitId).ok(),
                body -> Pages.contains(body.path("fulfilledWishes"), "wishId", wishId));
        FlowResult result = FlowResult.of(name()).lag("confirmation→org-service records it", confirmation.elapsed()).build();

        assertIssueServiceShowsTheUnitsFulfilment(communityAdmin, wishId, unitId);
        assertOrgServiceRecordsTheWish(unit, wishId, n);
        return result;
    }

    private static void assertIssueServiceShowsTheUnitsFulfilment(Session staff, String wishId, String unitId) {
        JsonNode wish = staff.get("/api/v1/micro-wishes/" + wishId).ok();
        assertThat(wish.path("status").asString()).as("issue-service: the wish is confirmed").isEqualTo("CONFIRMED");
        assertThat(wish.path("claimantKind").asString()).isEqualTo("DUAL_REGISTRATION_UNIT");
        assertThat(wish.path("claimantId").asString()).isEqualTo(unitId);
        assertThat(wish.path("fulfilledAt").isNull()).isFalse();
        assertThat(wish.path("confirmedAt").isNull()).isFalse();
    }

    private static void assertOrgServiceRecordsTheWish(JsonNode unit, String wishId, Neighbourhood n) {
        JsonNode recorded = Pages.find(unit.path("fulfilledWishes"), "wishId", wishId).orElseThrow();
        assertThat(recorded.path("communityId").asString()).as("org-service: the wish's community")
                .isEqualTo(n.communityId());
        assertThat(recorded.path("year").asInt()).as("org-service: the year of the service")
                .isEqualTo(Year.now(COUNTY_ZONE).getValue());
        assertThat(Pages.count(unit.path("fulfilledWishes"), "wishId", wishId)).as("recorded once").isEqualTo(1);
    }
}
