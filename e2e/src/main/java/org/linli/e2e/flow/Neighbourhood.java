package org.linli.e2e.flow;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.linli.e2e.client.Box;
import org.linli.e2e.client.Eventually;
import org.linli.e2e.client.Identifiers;
import org.linli.e2e.client.Session;

/**
 * A fresh piece of county for one flow run, made through the public API like an administrator would:
 * a street with one community and its grid branch (org-service), the community's level-1 grid and one
 * micro-grid with its grid worker and the worker's account (grid-service, org-service), and a compound
 * in that micro-grid served by a company under a regular contract (property-service).
 *
 * <p>Each run takes a random 0.02° square north of 40° N, far from the demo county (around 31.3° N),
 * so runs never overlap each other's grids; a clash is retried elsewhere.
 */
public record Neighbourhood(String run, String streetId, String communityId, String branchId, Box communityBox,
                            String communityGridId, String microGridId, Box microBox, String workerAccountId,
                            String workerUsername, String workerPassword, String workerAppointmentId,
                            String companyId, String compoundId, String contractId) {

    public static final String PASSWORD = "e2e-Passw0rd";
    /** What an admin gives a new account; its holder changes it to {@link #PASSWORD} before signing in. */
    public static final String INITIAL_PASSWORD = "e2e-Initial-1";

    /** Org units and grids only: the street, community, branch, level-1 grid and micro-grid. */
    public static Neighbourhood withGrids(Session admin) {
        String run = Long.toString(System.currentTimeMillis(), 36) + ThreadLocalRandom.current().nextInt(1000);
        String street = create(admin, "STREET_COMMITTEE", "端到端街道" + run, null, "FIVE_LEVEL");
        String community = create(admin, "COMMUNITY_COMMITTEE", "端到端社区" + run, street, null);
        String branch = create(admin, "GRID_BRANCH", "端到端网格党支部" + run, community, null);
        for (int attempt = 0; ; attempt++) {
            Box box = randomSquare();
            var level1 = Eventually.retryWhile("unknown-community", () -> admin.post("/api/v1/grids", Map.of(
                    "level", "LEVEL_1", "name", "端到端一级网格" + run, "communityUnitId", community,
                    "boundary", box.geoJson())));
            if ("overlaps-sibling".equals(level1.code()) && attempt < 5) {
                continue;
            }
            String gridId = level1.expect(201).path("id").asString();
            Box micro = box.inset(0.1).columns(2).get(0);
            String microId = Eventually.retryWhile("unknown-branch", () -> admin.post("/api/v1/grids", Map.of(
                    "level", "MICRO", "name", "端到端微网格" + run, "parentId", gridId, "communityUnitId", community,
                    "branchUnitId", branch, "boundary", micro.geoJson(), "residents", 120, "households", 40)))
                    .expect(201).path("id").asString();
            return new Neighbourhood(run, street, community, branch, box, gridId, microId, micro,
                    null, null, null, null, null, null, null);
        }
    }

    /** Everything: grids, the micro-grid's worker with an account, a company and its compound under contract. */
    public static Neighbourhood complete(Session admin) {
        Neighbourhood n = withGrids(admin);
        String username = "e2e-worker-" + n.run;
        String accountId = account(admin, username, "GRID_WORKER", n.communityId);
        String appointmentId = admin.post("/api/v1/grid-workers", Map.of("gridId", n.microGridId, "role", "GRID_WORKER",
                "person", Map.of("name", "端到端网格员", "phone", Identifiers.phone(n.run.hashCode()),
                        "source", "CADRE", "partyMember", true, "accountId", accountId)))
                .expect(201).path("id").asString();
        String companyId = admin.post("/api/v1/property-companies", Map.of("name", "端到端物业" + n.run,
                "creditCode", Identifiers.creditCode(ThreadLocalRandom.current().nextLong(1_000_000_000L))))
                .expect(201).path("id").asString();
        String compoundId = Eventually.retryWhile(
                () -> admin.post("/api/v1/compounds", Map.of("name", "端到端小区" + n.run, "kind", "COMMERCIAL",
                        "communityUnitId", n.communityId, "gridId", n.microGridId, "households", 40,
                        "lat", n.microBox.centreLat(), "lng", n.microBox.centreLng())),
                "unknown-community", "unknown-grid")
                .expect(201).path("id").asString();
        LocalDate today = LocalDate.now();
        String contractId = admin.post("/api/v1/contracts", Map.of("compoundId", compoundId, "companyId", companyId,
                "kind", "REGULAR", "startsOn", today.minusMonths(6).toString(), "endsOn", today.plusYears(2).toString(),
                "feeStandards", List.of(Map.of("category", "住宅", "fenPerSquareMetreMonth", 150))))
                .expect(201).path("id").asString();
        return new Neighbourhood(n.run, n.streetId, n.communityId, n.branchId, n.communityBox, n.communityGridId,
                n.microGridId, n.microBox, accountId, username, PASSWORD, appointmentId, companyId, compoundId,
                contractId);
    }

    /** Creates an org unit and answers its id. */
    public static String create(Session admin, String type, String name, String parentId, String templateId) {
        var body = new java.util.HashMap<String, Object>(Map.of("type", type, "name", name));
        if (parentId != null) {
            body.put("parentId", parentId);
        }
        if (templateId != null) {
            body.put("templateId", templateId);
        }
        return admin.post("/api/v1/org-units", body).expect(201).path("id").asString();
    }

    /**
     * Creates an account with one role within a unit and answers its id; its holder has changed the initial
     * password to {@link #PASSWORD}, as org-service asks before the first sign-in.
     */
    public static String account(Session admin, String username, String role, String orgUnitId) {
        String id = admin.post("/api/v1/accounts", Map.of("username", username, "displayName", username,
                "password", INITIAL_PASSWORD, "roles", List.of(role), "orgUnitId", orgUnitId)).expect(201)
                .path("id").asString();
        admin.gateway().changePassword(username, INITIAL_PASSWORD, PASSWORD);
        return id;
    }

    private static Box randomSquare() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return Box.at(40 + random.nextInt(500) * 0.02, 100 + random.nextInt(1000) * 0.02, 0.02);
    }

    /** Registers a dual-registration unit (双报到单位) paired with this community; answers its id. */
    public String pairedDualRegistrationUnit(Session admin, String name) {
        return admin.post("/api/v1/dual-registration/units", Map.of("name", name,
                "pairedCommunityIds", List.of(communityId))).expect(201).path("id").asString();
    }

}
