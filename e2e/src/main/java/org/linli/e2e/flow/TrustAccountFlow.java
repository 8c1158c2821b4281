package org.linli.e2e.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.linli.e2e.client.Gateway;
import org.linli.e2e.client.Session;
import tools.jackson.databind.JsonNode;

/**
 * Flow f (issue #16, item 2): a compound's trust-based property account (信托制物业) through the gateway.
 *
 * <ol>
 *   <li>A {@link Neighbourhood#complete complete neighbourhood} with compound X served by company C, and a second
 *       compound Y in the same micro-grid; the community administrator registers one resident account in X and
 *       another in Y, and sets X's threshold (what the owners decided).</li>
 *   <li>C's staff book the month's fees; an expense above the threshold is refused with
 *       {@code deliberation-required}; the community records the 四议两公开 up to the published decision, and the
 *       expense citing it is booked; the implementation is then published.</li>
 *   <li>X's resident reads the balance, this month's statement (opening + income − expenses = closing) and the
 *       record; Y's resident gets 403 (lag "expense booked→resident reads it").</li>
 * </ol>
 */
public final class TrustAccountFlow implements Flow {

    public static final String NAME = "f-trust-account";
    private static final ZoneId COUNTY = ZoneId.of("Asia/Shanghai");
    private static final long THRESHOLD = 2_000_000;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public FlowResult run(Gateway gateway) {
        FlowResult.Builder result = FlowResult.of(NAME);
        Session admin = gateway.admin();
        Neighbourhood n = Neighbourhood.complete(admin);
        Session community = People.communityAdmin(gateway, admin, n);
        Session staff = People.propertyStaff(gateway, admin, n);
        String account = "/api/v1/trust-accounts/" + n.compoundId();
        // self-managed (自管), so the county's unmanaged list stays empty as the demo county promises
        String otherCompound = admin.post("/api/v1/compounds", Map.of("name", "端到端邻近小区" + n.run(),
                "kind", "WORK_UNIT", "communityUnitId", n.communityId(), "gridId", n.microGridId(), "households", 20,
                "lat", n.microBox().centreLat(), "lng", n.microBox().centreLng(), "modeWithoutCompany", "SELF"))
                .expect(201).path("id").asString();
        Session owner = resident(gateway, admin, community, n, n.compoundId(), "x");
        Session neighbour = resident(gateway, admin, community, n, otherCompound, "y");
        community.put(account + "/threshold", Map.of("thresholdFen", THRESHOLD,
                "basis", "业主大会决定：单笔 2 万元以上支出须经四议两公开")).ok();

        LocalDate today = LocalDate.now(COUNTY);
        book(staff, account, "PROPERTY_FEES", 5_000_000, today, null).expect(201);
        assertThat(book(staff, account, "REPAIRS", 3_200_000, today, null).expect(422).path("code").asString())
                .isEqualTo("deliberation-required");
        String deliberation = community.post(account + "/deliberations", Map.of("subject", "更换二次供水水泵",
                "amountFen", 3_200_000, "proposedOn", today.toString(), "summary", "小区党支部提议")).expect(201)
                .path("id").asString();
        for (String step : List.of("CONSULTATION", "REVIEW", "DECISION", "RESULT_PUBLICATION")) {
            community.post(account + "/deliberations/" + deliberation + "/steps", step(step, today)).ok();
        }
        Lag booked = Lag.start();
        JsonNode expense = book(staff, account, "REPAIRS", 3_200_000, today, deliberation).expect(201);
        JsonNode read = owner.get(account).ok();
        result.lag("expense booked→resident reads it", booked.elapsed());
        community.post(account + "/deliberations/" + deliberation + "/steps",
                step("IMPLEMENTATION_PUBLICATION", today)).ok();

        assertThat(read.path("balanceFen").asLong()).isEqualTo(expense.path("balanceAfterFen").asLong());
        JsonNode statement = owner.get(account + "/statements/" + YearMonth.from(today)).ok();
        assertThat(statement.path("closingFen").asLong()).isEqualTo(statement.path("openingFen").asLong()
                + statement.path("incomeFen").asLong() - statement.path("expensesFen").asLong())
                .isEqualTo(1_800_000);
        JsonNode record = owner.get(account + "/deliberations/" + deliberation).ok();
        assertThat(record.path("steps").size()).isEqualTo(6);
        assertThat(record.path("expenseEntryId").asString()).isEqualTo(expense.path("id").asString());
        assertThat(neighbour.get(account).status()).as("a resident of another compound").isEqualTo(403);
        assertThat(neighbour.get(account + "/statements/" + YearMonth.from(today)).status()).isEqualTo(403);
        return result.build();
    }

    private static Map<String, Object> step(String step, LocalDate on) {
        Map<String, Object> body = new HashMap<>(Map.of("step", step, "on", on.toString(), "summary", step + " 已记录"));
        if ("DECISION".equals(step)) {
            body.put("approved", true);
        }
        return body;
    }

    private static org.linli.e2e.client.Reply book(Session staff, String account, String category, long fen,
                                                  LocalDate day, String deliberation) {
        Map<String, Object> body = new HashMap<>(Map.of("category", category, "amountFen", fen, "day", day.toString(),
                "description", "端到端 " + category));
        if (deliberation != null) {
            body.put("deliberationId", deliberation);
        }
        return staff.post(account + "/entries", body);
    }

    /** A RESIDENT account of the community, registered by the community administrator in one compound. */
    private static Session resident(Gateway gateway, Session admin, Session community, Neighbourhood n,
                                    String compoundId, String suffix) {
        String username = "e2e-resident-" + suffix + "-" + n.run();
        String accountId = Neighbourhood.account(admin, username, "RESIDENT", n.communityId());
        community.put("/api/v1/trust-accounts/" + compoundId + "/residents/" + accountId, Map.of()).ok();
        return gateway.signIn(username, Neighbourhood.PASSWORD);
    }
}
