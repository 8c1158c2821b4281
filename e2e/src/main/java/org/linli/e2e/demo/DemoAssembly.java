package org.linli.e2e.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.linli.e2e.client.Session;
import org.linli.e2e.demo.County.Compound;

/**
 * Owners' decisions under Civil Code art. 278 (issue #16) in the first community: the owners' registers of two of
 * its compounds served by a company, and one vote in each, open for a few seconds while the county loads —
 * the first compound re-selects its company (item 4, with the preparation chain; the demo resident votes with
 * their own account, the rest on paper) and passes, the second votes on its management statute (item 2) with
 * 12 of its 20 owners and fails on quorum. {@link #count} closes both once their time is up.
 */
final class DemoAssembly {

    private static final Duration WINDOW = Duration.ofSeconds(20);
    private static final Duration COUNT_DELAY = Duration.ofSeconds(11);

    private final Session admin;
    private final County county;
    private final List<String> decisions = new ArrayList<>();
    private Instant closesAt = Instant.now();

    DemoAssembly(Session admin, County county) {
        this.admin = admin;
        this.county = county;
    }

    void votes(DemoAccounts accounts, Session resident) {
        County.Community first = county.communities.get(0);
        List<Compound> served = county.compounds().stream()
                .filter(compound -> compound.micro.branch.community == first && compound.company != null).limit(2)
                .toList();
        if (served.size() < 2) {
            return;
        }
        closesAt = Instant.now().plus(WINDOW);
        Compound passing = served.get(0);
        register(passing, 30, accounts.role("RESIDENT").id());
        String renewal = call(passing, Map.of("matter", "PROPERTY_COMPANY", "title", "续聘" + passing.company.name(),
                "companyAction", "SELECT", "companyId", passing.company.id()));
        for (String step : List.of("COMMITTEE_MOBILISED", "THREE_PARTIES_PROPOSED", "PARTY_COMMITTEE_REVIEWED")) {
            admin.post("/api/v1/assembly-decisions/" + renewal + "/preparation-steps", Map.of("step", step,
                    "note", "平顺工作法：" + step)).ok();
        }
        resident.post("/api/v1/assembly-decisions/" + renewal + "/votes", Map.of("choice", "AGREE")).expect(201);
        for (int i = 2; i <= 26; i++) {
            paper(renewal, i, i % 9 == 0 ? "AGAINST" : i % 11 == 0 ? "ABSTAIN" : "AGREE");
        }
        Compound failing = served.get(1);
        register(failing, 20, null);
        String statute = call(failing, Map.of("matter", "MANAGEMENT_STATUTE", "title", "修改管理规约：电动车禁止入户充电"));
        for (int i = 1; i <= 12; i++) {
            paper(statute, i, "AGREE");
        }
    }

    /** Closes the votes once their time is up (the scheduler may have done it already). */
    void count() {
        long wait = Duration.between(Instant.now(), closesAt.plus(COUNT_DELAY)).toMillis();
        if (wait > 0) {
            try {
                Thread.sleep(wait);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        for (String decision : decisions) {
            admin.post("/api/v1/assembly-decisions/" + decision + "/closing", Map.of()).expect(200, 422);
        }
    }

    /**
     * {@code owners} owners, owner 1 optionally with the demo resident's account and on the owners' committee,
     * owner 2 with three units (one buyer: counted once), and the developer's two unsold units.
     */
    private void register(Compound compound, int owners, String residentAccount) {
        List<Map<String, Object>> people = new ArrayList<>();
        List<Map<String, Object>> units = new ArrayList<>();
        for (int i = 1; i <= owners; i++) {
            Map<String, Object> owner = new HashMap<>(Map.of("id", ownerId(i), "name", Names.person(6000 + i)));
            if (i == 1 && residentAccount != null) {
                owner.put("accountId", residentAccount);
                owner.put("committeeMember", true);
            }
            people.add(owner);
            int count = i == 2 ? 3 : 1;
            for (int k = 1; k <= count; k++) {
                units.add(Map.of("number", (i % 6 + 1) + "-" + (k + 1) + "-" + (100 + i), "ownerId", ownerId(i),
                        "area", area(i)));
            }
        }
        units.add(Map.of("number", "9-1-101", "developerHeld", true, "area", "88.50"));
        units.add(Map.of("number", "9-1-102", "developerHeld", true, "area", "88.50"));
        admin.put("/api/v1/compounds/" + compound.id + "/owners-register", Map.of("developerName",
                compound.name + "开发建设单位", "owners", people, "units", units)).ok();
    }

    private String call(Compound compound, Map<String, Object> matter) {
        Map<String, Object> body = new HashMap<>(matter);
        body.put("compoundId", compound.id);
        body.put("opensAt", Instant.now().toString());
        body.put("closesAt", closesAt.toString());
        String id = admin.post("/api/v1/assembly-decisions", body).expect(201).path("id").asString();
        decisions.add(id);
        return id;
    }

    private void paper(String decision, int owner, String choice) {
        admin.post("/api/v1/assembly-decisions/" + decision + "/paper-ballots", Map.of("ownerId", ownerId(owner),
                "choice", choice, "ballotNumber", "No." + owner)).expect(201);
    }

    private static String ownerId(int i) {
        return "owner-%03d".formatted(i);
    }

    /** 72.35 m² to 131.35 m², the same for one owner's units. */
    private static String area(int owner) {
        return (72 + (owner * 13) % 60) + ".35";
    }
}
