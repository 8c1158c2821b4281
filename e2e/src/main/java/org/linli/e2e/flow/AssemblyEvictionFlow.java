package org.linli.e2e.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.linli.e2e.client.Gateway;
import org.linli.e2e.client.Reply;
import org.linli.e2e.client.Session;
import tools.jackson.databind.JsonNode;

/**
 * Issue #16, item 1: the owners dismiss their company by a vote decided under Civil Code art. 278, and the
 * eviction cites that decision; issue-service then routes the compound's reports to the fallback company.
 *
 * <ol>
 *   <li>A {@link Neighbourhood#complete complete neighbourhood}: compound X served by company C, no sanctions.</li>
 *   <li>The county administrator keeps X's owners' register: owner A (own account, on the owners' committee)
 *       with three units of 100 m², owners B (own account), P and Q (paper) with one each: 4 owners, 600 m² —
 *       A's three units count once.</li>
 *   <li>A calls an item-4 vote dismissing C, open for a few seconds; A records the committee's mobilisation and
 *       the three parties' proposal, the community administrator the party committee's review.</li>
 *   <li>A agrees and B is against with their own accounts (A's second vote is refused), the community
 *       administrator enters P's paper ballot (agree); Q does not vote. A resident who owns nothing in X gets
 *       403 on the vote.</li>
 *   <li>After the closing time A closes the vote: 3 of 4 owners with 500 of 600 m² took part, 2 of 3 with 400
 *       of 500 m² agreed: PASSED. B reads the result.</li>
 *   <li>An eviction without the decision is refused (dismissal-decision-required); with it, X gets a FALLBACK
 *       contract with a state-owned company F, and a new report in X is routed to F (lag "dismissal
 *       vote closed→issue-service routes to the fallback company").</li>
 * </ol>
 */
public final class AssemblyEvictionFlow implements Flow {

    public static final String NAME = "h-assembly-eviction";
    private static final ZoneId COUNTY = ZoneId.of("Asia/Shanghai");
    private static final Duration WINDOW = Duration.ofSeconds(6);
    private static final Duration COUNT_DELAY = Duration.ofSeconds(11);

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
        Resident ownerA = resident(admin, "a", n);
        Resident ownerB = resident(admin, "b", n);
        Resident outsider = resident(admin, "outsider", n);
        Session a = gateway.signIn(ownerA.username(), Neighbourhood.PASSWORD);
        Session b = gateway.signIn(ownerB.username(), Neighbourhood.PASSWORD);

        JsonNode register = admin.put("/api/v1/compounds/" + n.compoundId() + "/owners-register", Map.of(
                "owners", List.of(owner("A", ownerA.accountId(), true), owner("B", ownerB.accountId(), false),
                        owner("P", null, false), owner("Q", null, false)),
                "units", List.of(unit("1-101", "A"), unit("1-102", "A"), unit("1-103", "A"), unit("2-101", "B"),
                        unit("3-101", "P"), unit("4-101", "Q")))).ok();
        assertThat(register.path("totalOwners").asLong()).as("one buyer's three units count once").isEqualTo(4);
        assertThat(register.path("totalAreaCm2").asLong()).isEqualTo(6_000_000);

        Instant closesAt = Instant.now().plus(WINDOW);
        String decision = a.post("/api/v1/assembly-decisions", Map.of("compoundId", n.compoundId(),
                "matter", "PROPERTY_COMPANY", "title", "解聘" + n.run(), "companyAction", "DISMISS",
                "companyId", n.companyId(), "opensAt", Instant.now().toString(), "closesAt", closesAt.toString()))
                .expect(201).path("id").asString();
        String path = "/api/v1/assembly-decisions/" + decision;
        assertThat(a.post(path + "/votes", Map.of("choice", "AGREE")).code()).isEqualTo("preparation-incomplete");
        a.post(path + "/preparation-steps", Map.of("step", "COMMITTEE_MOBILISED", "note", "入户动员")).ok();
        a.post(path + "/preparation-steps", Map.of("step", "THREE_PARTIES_PROPOSED")).ok();
        communityAdmin.post(path + "/preparation-steps", Map.of("step", "PARTY_COMMITTEE_REVIEWED")).ok();

        a.post(path + "/votes", Map.of("choice", "AGREE")).expect(201);
        assertThat(a.post(path + "/votes", Map.of("choice", "AGAINST")).code()).isEqualTo("already-voted");
        b.post(path + "/votes", Map.of("choice", "AGAINST")).expect(201);
        communityAdmin.post(path + "/paper-ballots", Map.of("ownerId", "P", "choice", "AGREE",
                "ballotNumber", "No.001")).expect(201);
        gateway.signIn(outsider.username(), Neighbourhood.PASSWORD).post(path + "/votes", Map.of("choice", "AGREE")).expect(403);

        pauseUntil(closesAt.plus(COUNT_DELAY));
        Lag closed = Lag.start();
        // property-service's own closer (every minute, once the grace has passed) may have counted it first
        Reply closing = a.post(path + "/closing", Map.of());
        JsonNode decided = "decision-closed".equals(closing.code()) ? a.get(path).ok() : closing.ok();
        assertThat(decided.path("result").path("verdict").asString()).isEqualTo("PASSED");
        assertThat(b.get(path).ok().path("result").path("measures").path(1).path("part").asLong())
                .as("participating owners, read by owner B").isEqualTo(3);

        LocalDate today = LocalDate.now(COUNTY);
        String fallbackId = FocusAndSanctionFlow.registerStateOwnedCompany(admin, n);
        Map<String, Object> eviction = Map.of("fallbackCompanyId", fallbackId,
                "fallbackEndsOn", today.plusYears(1).toString(), "reason", "业主大会依法解聘 " + n.run());
        assertThat(admin.post("/api/v1/compounds/" + n.compoundId() + "/evictions", eviction).code())
                .isEqualTo("dismissal-decision-required");
        var cited = new java.util.HashMap<String, Object>(eviction);
        cited.put("decisionId", decision);
        JsonNode evicted = admin.post("/api/v1/compounds/" + n.compoundId() + "/evictions", cited).expect(201);
        assertThat(evicted.path("eviction").path("decisionId").asString()).isEqualTo(decision);
        JsonNode routed = Issues.reportUntilRoutedTo(admin, n, fallbackId, 0);
        result.lag("dismissal vote closed→issue-service routes to the fallback company", closed.elapsed());
        assertThat(routed.path("companyId").asString()).as("a new report in X goes to F").isEqualTo(fallbackId);
        return result.build();
    }

    /** A RESIDENT account of the neighbourhood's community. */
    private static Resident resident(Session admin, String who, Neighbourhood n) {
        String username = "e2e-owner-" + who + "-" + n.run();
        return new Resident(username, Neighbourhood.account(admin, username, "RESIDENT", n.communityId()));
    }

    private record Resident(String username, String accountId) {
    }

    private static Map<String, Object> owner(String id, String accountId, boolean committee) {
        var owner = new java.util.HashMap<String, Object>(Map.of("id", id, "name", "业主" + id,
                "committeeMember", committee));
        if (accountId != null) {
            owner.put("accountId", accountId);
        }
        return owner;
    }

    private static Map<String, Object> unit(String number, String ownerId) {
        return Map.of("number", number, "area", 100, "ownerId", ownerId);
    }

    private static void pauseUntil(Instant when) {
        long millis = Duration.between(Instant.now(), when).toMillis();
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the vote ran", interrupted);
            }
        }
    }
}
