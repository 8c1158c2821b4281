package org.linli.e2e.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.linli.e2e.client.Eventually;
import org.linli.e2e.client.Gateway;
import org.linli.e2e.client.Identifiers;
import org.linli.e2e.client.Session;
import tools.jackson.databind.JsonNode;

/**
 * Flow b of issue #8: complaints past the threshold put a compound on the focus list; a yellow card puts its
 * company on the public caution list; an eviction leaves the compound with a fallback contract at once, and
 * issue-service routes the compound's next report to the fallback company.
 *
 * <ol>
 *   <li>A {@link Neighbourhood#complete complete neighbourhood} with compound X, served by company C.</li>
 *   <li>Hotline reports about spots in X's micro-grid (issue-service routes each to X): one more than the
 *       threshold property-service states (5 in 30 days by default). property-service counts each
 *       IssueReported as a complaint and puts X on the focus list its community administrator reads
 *       (lag "6th report→focus list": the report past the threshold, the 6th with the default one).</li>
 *   <li>The county administrator issues C a YELLOW_CARD; C appears on the caution list read without a token
 *       (lag "yellow card→caution list").</li>
 *   <li>A state-owned company F is registered; X's owners' assembly agreed to evict C: the eviction ends C's
 *       contract and starts a FALLBACK contract with F today, in force at once; issue-service routes a new
 *       report in X to F once ContractStarted has arrived (lag "eviction→issue-service routes to the fallback
 *       company").</li>
 * </ol>
 */
public final class FocusAndSanctionFlow implements Flow {

    public static final String NAME = "b-focus-sanction";
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

        int threshold = admin.get(complaintsPath(n)).ok().path("threshold").asInt();
        Lag lastReport = reportPastTheThreshold(admin, n, threshold);
        JsonNode focusList = Eventually.until("compound " + n.compoundId() + " is on the focus list",
                () -> communityAdmin.get("/api/v1/compounds/focus-list").ok(),
                page -> Pages.contains(page, "compoundId", n.compoundId()));
        result.lag("6th report→focus list", lastReport.elapsed());
        assertOnTheFocusList(admin, n, threshold, focusList);

        Lag yellowCard = Lag.start();
        String cardId = admin.post("/api/v1/sanctions", Map.of("kind", "YELLOW_CARD", "companyId", n.companyId(),
                "compoundId", n.compoundId(), "reason", "投诉集中且整改不力 " + n.run(),
                "evidenceRefs", List.of("e2e/focus-" + n.run()))).expect(201).path("id").asString();
        JsonNode caution = Eventually.until("company " + n.companyId() + " is on the public caution list",
                () -> cautionEntry(gateway.anonymous(), n.companyId()), Optional::isPresent).orElseThrow();
        result.lag("yellow card→caution list", yellowCard.elapsed());
        assertCautioned(admin, n, cardId, caution);

        String fallbackId = registerStateOwnedCompany(admin, n);
        Lag eviction = Lag.start();
        JsonNode evicted = evict(admin, n, fallbackId);
        JsonNode routed = Issues.reportUntilRoutedTo(admin, n, fallbackId, threshold + 1);
        result.lag("eviction→issue-service routes to the fallback company", eviction.elapsed());
        assertFallbackInForce(admin, n, fallbackId, evicted, routed);
        return result.build();
    }

    private static String complaintsPath(Neighbourhood n) {
        return "/api/v1/compounds/" + n.compoundId() + "/complaints";
    }

    /**
     * Reports about X until one more than {@code threshold} of them are X's (a report issue-service could not
     * yet place in X, before CompoundCreated arrived, is no complaint about X), and answers the lag started with
     * the last one.
     */
    private static Lag reportPastTheThreshold(Session admin, Neighbourhood n, int threshold) {
        int aboutX = 0;
        Lag last = null;
        for (int call = 0; aboutX <= threshold; call++) {
            assertThat(call).as("reports issue-service could not place in compound " + n.compoundId())
                    .isLessThan(threshold + 10);
            last = Lag.start();
            JsonNode issue = Issues.reportByHotline(admin, n, call);
            if (n.compoundId().equals(issue.path("compoundId").asString(null))) {
                aboutX++;
            }
        }
        return last;
    }

    private static void assertOnTheFocusList(Session admin, Neighbourhood n, int threshold, JsonNode focusList) {
        assertThat(Pages.totalElements(focusList)).as("the community administrator's focus list: X only")
                .isEqualTo(1);
        JsonNode entry = Pages.find(focusList, "compoundId", n.compoundId()).orElseThrow();
        assertThat(entry.path("onFocusList").asBoolean()).isTrue();
        assertThat(entry.path("stays").path(0).path("complaints").asInt()).as("complaints when X entered")
                .isEqualTo(threshold + 1);
        JsonNode complaints = admin.get(complaintsPath(n)).ok();
        assertThat(complaints.path("complaintsInWindow").asInt()).isEqualTo(threshold + 1);
        assertThat(complaints.path("onFocusList").asBoolean()).isTrue();
        JsonNode issues = admin.get("/api/v1/issues?compoundId=" + n.compoundId() + "&size=50").ok();
        for (JsonNode complaint : complaints.path("complaints")) {
            assertThat(Pages.contains(issues, "id", complaint.path("id").asString()))
                    .as("complaint %s is an issue of X in issue-service", complaint.path("id").asString()).isTrue();
        }
    }

    /** The caution list entry of the company, read without a token; the list is oldest first, so from the end. */
    private static Optional<JsonNode> cautionEntry(Session anonymous, String companyId) {
        long total = Pages.totalElements(anonymous.get("/api/v1/sanctions/caution-list?size=1").ok());
        int size = 200;
        for (long pageNumber = Math.max(0, (total - 1) / size); pageNumber >= 0; pageNumber--) {
            JsonNode page = anonymous.get("/api/v1/sanctions/caution-list?size=" + size + "&page=" + pageNumber).ok();
            Optional<JsonNode> entry = Pages.find(page, "companyId", companyId);
            if (entry.isPresent()) {
                return entry;
            }
        }
        return Optional.empty();
    }

    private static void assertCautioned(Session admin, Neighbourhood n, String cardId, JsonNode caution) {
        JsonNode company = admin.get("/api/v1/property-companies/" + n.companyId()).ok();
        assertThat(caution.path("companyName").asString()).isEqualTo(company.path("name").asString());
        assertThat(caution.path("creditCode").asString()).isEqualTo(company.path("creditCode").asString());
        assertThat(caution.path("sanctionId").asString()).isEqualTo(cardId);
        JsonNode record = admin.get("/api/v1/property-companies/" + n.companyId() + "/credit-record").ok();
        assertThat(record.path("onCautionList").asBoolean()).as("C's credit record").isTrue();
    }

    /** A state-owned company qualified for fallback service, named after the run. */
    static String registerStateOwnedCompany(Session admin, Neighbourhood n) {
        return admin.post("/api/v1/property-companies", Map.of("name", "端到端国有兜底物业" + n.run(),
                        "creditCode", Identifiers.creditCode(ThreadLocalRandom.current().nextLong(1_000_000_000L)),
                        "stateOwned", true))
                .expect(201).path("id").asString();
    }

    /** 清退: the owners' assembly agreed today (30 of 40 households), F takes over for a year. */
    private static JsonNode evict(Session admin, Neighbourhood n, String fallbackId) {
        LocalDate today = LocalDate.now(COUNTY);
        return admin.post("/api/v1/compounds/" + n.compoundId() + "/evictions", Map.of(
                "consultation", Map.of("heldOn", today.toString(), "participatingHouseholds", 40,
                        "agreeingHouseholds", 30, "minutesRef", "e2e/assembly-" + n.run()),
                "fallbackCompanyId", fallbackId, "fallbackEndsOn", today.plusYears(1).toString(),
                "reason", "黄牌后仍未整改 " + n.run(), "evidenceRefs", List.of("e2e/eviction-" + n.run())))
                .expect(201);
    }

    private static void assertFallbackInForce(Session admin, Neighbourhood n, String fallbackId, JsonNode evicted,
                                              JsonNode routed) {
        JsonNode compound = admin.get("/api/v1/compounds/" + n.compoundId()).ok();
        JsonNode current = compound.path("currentContract");
        assertThat(current.path("kind").asString()).as("X's contract in force right after the eviction")
                .isEqualTo("FALLBACK");
        assertThat(current.path("companyId").asString()).isEqualTo(fallbackId);
        assertThat(current.path("inForce").asBoolean()).isTrue();
        assertThat(current.path("id").asString()).isEqualTo(evicted.path("fallbackContract").path("id").asString());
        JsonNode ended = Pages.find(compound.path("contracts"), "id", n.contractId()).orElseThrow();
        assertThat(ended.path("endReason").asString()).as("C's regular contract").isEqualTo("EVICTED");
        assertThat(ended.path("inForce").asBoolean()).isFalse();
        assertThat(compound.path("managementMode").asString()).as("never without management")
                .isEqualTo("PROFESSIONAL");
        JsonNode sanctions = admin.get("/api/v1/sanctions?companyId=" + n.companyId() + "&size=50").ok();
        assertThat(Pages.contains(sanctions, "kind", "YELLOW_CARD")).isTrue();
        assertThat(Pages.contains(sanctions, "kind", "EVICTION")).isTrue();
        assertThat(routed.path("compoundId").asString()).isEqualTo(n.compoundId());
        assertThat(routed.path("companyId").asString()).as("a new report in X goes to F").isEqualTo(fallbackId);
        assertThat(admin.get("/api/v1/compounds/" + n.compoundId() + "/focus").ok().path("onFocusList").asBoolean())
                .as("X stays on the focus list until a rectification is accepted").isTrue();
    }
}
