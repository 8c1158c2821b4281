package org.linli.e2e.demo;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.linli.e2e.client.Eventually;
import org.linli.e2e.client.Identifiers;
import org.linli.e2e.client.Session;
import org.linli.e2e.demo.County.Branch;
import org.linli.e2e.demo.County.Community;
import org.linli.e2e.demo.County.Compound;
import org.linli.e2e.demo.County.Micro;

/**
 * The people: a grid worker on every micro-grid but the last of each community (whose reports wait in
 * the community's queue), two resident party members per grid branch (the first two linked to the demo party
 * member's and the demo resident's accounts), and in the first community a building per compound with four
 * households, one of them a key household (独居老人).
 */
final class DemoPeople {

    private static final List<String> SOURCES = List.of("CADRE", "AUXILIARY_STAFF", "PARTY_MEMBER", "VOLUNTEER");

    private final Session admin;
    private final County county;
    private final Parallel parallel;

    DemoPeople(Session admin, County county, Parallel parallel) {
        this.admin = admin;
        this.county = county;
        this.parallel = parallel;
    }

    void gridWorkers(DemoAccounts accounts) {
        Micro demoWorkersGrid = county.communities.get(0).branches.get(0).micros.get(0);
        List<Micro> micros = county.micros();
        parallel.each(DemoStructure.indexes(micros.size()), i -> {
            Micro micro = micros.get(i);
            List<Micro> ofCommunity = micro.branch.community.micros();
            if (micro == ofCommunity.get(ofCommunity.size() - 1)) {
                return;
            }
            Map<String, Object> person = new HashMap<>(Map.of("name", Names.person(i), "phone", Identifiers.phone(10_000 + i),
                    "source", SOURCES.get(i % SOURCES.size()), "partyMember", i % 2 == 0));
            if (micro == demoWorkersGrid) {
                person.put("accountId", accounts.role("GRID_WORKER").id());
            }
            micro.workerAppointmentId = admin.post("/api/v1/grid-workers", Map.of("gridId", micro.gridId,
                    "role", "GRID_WORKER", "person", person)).expect(201).path("id").asString();
        });
    }

    void partyMembers(DemoAccounts accounts) {
        List<Branch> branches = county.branches();
        parallel.each(DemoStructure.indexes(branches.size()), b -> {
            Branch branch = branches.get(b);
            for (int m = 0; m < 2; m++) {
                int n = b * 2 + m;
                Map<String, Object> body = new HashMap<>(Map.of("name", Names.person(1000 + n),
                        "idNumber", Identifiers.idNumber(LocalDate.of(1950 + n % 50, 1 + n % 12, 1 + n % 28),
                                n + Math.round(County.ORIGIN_LAT * 100)),
                        "phone", Identifiers.phone(20_000 + n), "kind", "RESIDENT", "branchId", branch.unitId,
                        "duty", m == 0 ? "党员中心户户长" : "志愿服务"));
                if (!branch.groupIds.isEmpty()) {
                    body.put("groupId", branch.groupIds.get(m % branch.groupIds.size()));
                }
                if (n == 0) {
                    body.put("accountId", accounts.role("PARTY_MEMBER").id());
                }
                if (n == 1) {
                    // the demo resident is this member: their personal-data download shows an ID number
                    body.put("accountId", accounts.role("RESIDENT").id());
                }
                String id = admin.post("/api/v1/party-members", body).expect(201).path("id").asString();
                if (n == 1) {
                    // the county admin reads the record unmasked once: the resident's download lists that read
                    admin.get("/api/v1/party-members/" + id).expect(200);
                }
            }
        });
    }

    void households() {
        Community first = county.communities.get(0);
        List<Compound> compounds = first.micros().stream().flatMap(m -> m.compounds.stream()).toList();
        parallel.each(DemoStructure.indexes(compounds.size()), i -> {
            Compound compound = compounds.get(i);
            compound.buildingId = admin.post("/api/v1/households/buildings", Map.of("gridId", compound.micro.gridId,
                    "name", compound.name + "1号楼", "address", compound.name + "1号楼",
                    "location", Map.of("lat", compound.lat, "lng", compound.lng), "units", List.of("1", "2")))
                    .expect(201).path("id").asString();
            for (int h = 0; h < 4; h++) {
                Map<String, Object> body = new HashMap<>(Map.of("buildingId", compound.buildingId,
                        "buildingUnit", h < 2 ? "1" : "2", "room", (h % 2 + 1) + "0" + (h + 1),
                        "residents", 1 + (i + h) % 5, "headName", Names.person(3000 + i * 4 + h),
                        "phone", Identifiers.phone(30_000 + i * 4 + h)));
                if (h == 0) {
                    body.put("specialGroups", List.of("ELDERLY_ALONE"));
                }
                admin.post("/api/v1/households", body).expect(201);
            }
        });
    }

    /** Waits until issue-service has heard of the first community's buildings, so their QR codes work. */
    void awaitQrCodes() {
        county.communities.get(0).micros().stream().flatMap(m -> m.compounds.stream()).forEach(compound ->
                Eventually.until("issue-service knows building " + compound.buildingId,
                        () -> admin.get("/api/v1/issues/qr-codes/" + compound.buildingId), reply -> reply.status() == 200));
    }
}
