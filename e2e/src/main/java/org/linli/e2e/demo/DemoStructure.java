package org.linli.e2e.demo;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.linli.e2e.client.Box;
import org.linli.e2e.client.Eventually;
import org.linli.e2e.client.Identifiers;
import org.linli.e2e.client.Session;
import org.linli.e2e.demo.County.Branch;
import org.linli.e2e.demo.County.Community;
import org.linli.e2e.demo.County.Company;
import org.linli.e2e.demo.County.Compound;
import org.linli.e2e.demo.County.Micro;
import org.linli.e2e.demo.County.Street;

/**
 * The county's fixed structure, each part through the owning service's public API: the party
 * organisation (org-service), the grids and service stations (grid-service), the property companies
 * with their party coverage, the compounds and their contracts or management modes (property-service).
 * A service that has not yet heard of a unit or grid from another's events answers 422
 * {@code unknown-…}; those writes are repeated until it has.
 */
final class DemoStructure {

    /** Of every 39 compounds: 27 under a regular contract (69 %), 1 under a fallback contract, 11 in one of the five modes. */
    private static final int CYCLE = 39;
    private static final int REGULAR = 27;
    private static final List<String> MODES = List.of("UNIFIED", "TAKEN_OVER", "DIRECT", "SELF", "ASSISTED");
    private static final List<String> KINDS = List.of("COMMERCIAL", "VILLAGE_BUILT", "WORK_UNIT");

    private final Session admin;
    private final County county;
    private final Parallel parallel;

    DemoStructure(Session admin, County county, Parallel parallel) {
        this.admin = admin;
        this.county = county;
        this.parallel = parallel;
    }

    void organisation() {
        for (Street street : county.streets) {
            boolean township = street.name.endsWith("乡") || street.name.endsWith("镇");
            street.unitId = unit(township ? "TOWNSHIP_COMMITTEE" : "STREET_COMMITTEE",
                    street.name + (township ? "党委" : "党工委"), null);
        }
        parallel.each(county.communities, community -> {
            community.unitId = unit("COMMUNITY_COMMITTEE", community.name + "党委", community.street.unitId);
            for (Branch branch : community.branches) {
                branch.unitId = unit("GRID_BRANCH", branch.name() + "党支部", community.unitId);
            }
        });
        List<Branch> branches = county.branches();
        parallel.each(indexes(branches.size()), b -> {
            Branch branch = branches.get(b);
            for (int g = 0; g < CountySize.share(county.size.groups(), branches.size(), b); g++) {
                branch.groupIds.add(unit("BUILDING_GROUP", branch.name() + (g + 1) + "号楼栋党小组", branch.unitId));
            }
        });
        List<String> groups = branches.stream().flatMap(b -> b.groupIds.stream()).toList();
        parallel.each(indexes(groups.size()), g -> {
            for (int h = 0; h < CountySize.share(county.size.centralHouseholds(), groups.size(), g); h++) {
                unit("CENTRAL_HOUSEHOLD", "党员中心户" + Names.person(g * 3 + h), groups.get(g));
            }
        });
    }

    void grids() {
        parallel.each(county.communities, community -> {
            community.gridId = grid("LEVEL_1", community.name + "网格", null, community, null, community.box);
            for (Branch branch : community.branches) {
                branch.gridId = grid("LEVEL_2", branch.name(), community.gridId, community, branch.unitId, branch.box);
                for (Micro micro : branch.micros) {
                    micro.gridId = grid("MICRO", micro.name(), branch.gridId, community, branch.unitId, micro.box);
                }
            }
        });
    }

    /** A 党群服务站 in the middle of every community's grid. */
    void stations() {
        parallel.each(county.communities, community -> admin.post("/api/v1/stations", Map.of(
                "gridId", community.gridId, "name", community.name + "党群服务站", "kind", "PARTY_MASS_SERVICE_STATION",
                "location", community.box.centre(), "address", community.name + "居委会一楼",
                "services", List.of(Map.of("amenity", "BOOK_BAR"), Map.of("amenity", "DRINKING_WATER"),
                        Map.of("amenity", "MEDIATION_ROOM")),
                "volunteerPosts", List.of(Map.of("post", "RECEPTION", "slots", 2)))).expect(201));
    }

    /**
     * The companies (and state-owned ones qualified for fallback service) with their party coverage in
     * org-service's property-industry committee: about a quarter with their own branch, a tenth in a
     * joint branch, the rest with an instructor.
     */
    void companies() {
        county.industryCommitteeId = unit("PROPERTY_INDUSTRY_COMMITTEE", "襄城区物业行业党委", county.streets.get(0).unitId);
        String general = unit("PROPERTY_GENERAL_BRANCH", "物业党总支", county.industryCommitteeId);
        int companyBranches = Math.max(1, county.size.companies() * 13 / 35);
        int ownBranches = Math.max(1, companyBranches * 9 / 13);
        long codes = Math.round(County.ORIGIN_LAT * 100) * 1000;
        for (int i = 1; i <= county.size.companies(); i++) {
            Company company = company("襄城第" + i + "物业服务有限公司", Identifiers.creditCode(codes + i), false);
            county.companies.add(company);
            Map<String, Object> coverage = new HashMap<>(Map.of("companyName", company.name()));
            if (i <= companyBranches) {
                coverage.put("mode", i <= ownBranches ? "OWN_BRANCH" : "JOINT_BRANCH");
                coverage.put("branchUnitId", unit("PROPERTY_COMPANY_BRANCH", company.name() + "党支部", general));
            } else {
                coverage.put("mode", "INSTRUCTOR");
                coverage.put("instructorName", Names.person(500 + i));
            }
            admin.put("/api/v1/org-units/" + county.industryCommitteeId + "/property-companies/" + company.id(), coverage).ok();
        }
        for (int i = 1; i <= county.size.stateCompanies(); i++) {
            county.stateCompanies.add(company("襄城城投第" + i + "物业有限公司", Identifiers.creditCode(codes + 500 + i), true));
        }
    }

    void compounds() {
        List<Compound> compounds = county.compounds();
        parallel.each(indexes(compounds.size()), i -> {
            Compound compound = compounds.get(i);
            int slot = i % CYCLE;
            Map<String, Object> body = new HashMap<>(Map.of("name", compound.name, "kind", KINDS.get(i % KINDS.size()),
                    "communityUnitId", compound.micro.branch.community.unitId, "gridId", compound.micro.gridId,
                    "households", 120 + (i * 37) % 480, "lat", compound.lat, "lng", compound.lng));
            if (slot > REGULAR) {
                compound.mode = MODES.get(slot % MODES.size());
                body.put("modeWithoutCompany", compound.mode);
            }
            compound.id = Eventually.retryWhile(() -> admin.post("/api/v1/compounds", body),
                    "unknown-community", "unknown-grid").expect(201).path("id").asString();
            if (slot < REGULAR) {
                compound.company = county.companies.get(i % county.companies.size());
                contract(compound, "REGULAR", LocalDate.now().minusDays(30 + i % 700), LocalDate.now().plusYears(2));
            } else if (slot == REGULAR) {
                compound.company = county.stateCompanies.get(i % county.stateCompanies.size());
                contract(compound, "FALLBACK", LocalDate.now().minusDays(60), LocalDate.now().plusMonths(10));
            }
        });
    }

    private void contract(Compound compound, String kind, LocalDate startsOn, LocalDate endsOn) {
        compound.contractStartsOn = startsOn;
        admin.post("/api/v1/contracts", Map.of("compoundId", compound.id, "companyId", compound.company.id(), "kind", kind,
                "startsOn", startsOn.toString(), "endsOn", endsOn.toString(),
                "feeStandards", List.of(Map.of("category", "多层住宅", "fenPerSquareMetreMonth", 80),
                        Map.of("category", "高层住宅", "fenPerSquareMetreMonth", 150)))).expect(201);
    }

    private Company company(String name, String creditCode, boolean stateOwned) {
        String id = admin.post("/api/v1/property-companies", Map.of("name", name, "creditCode", creditCode,
                "stateOwned", stateOwned, "fallbackQualified", stateOwned)).expect(201).path("id").asString();
        return new Company(id, name, creditCode);
    }

    private String unit(String type, String name, String parentId) {
        Map<String, Object> body = new HashMap<>(Map.of("type", type, "name", name));
        if (parentId == null) {
            body.put("templateId", "FIVE_LEVEL");
        } else {
            body.put("parentId", parentId);
        }
        return admin.post("/api/v1/org-units", body).expect(201).path("id").asString();
    }

    private String grid(String level, String name, String parentId, Community community, String branchUnitId, Box box) {
        Map<String, Object> body = new HashMap<>(Map.of("level", level, "name", name, "communityUnitId", community.unitId,
                "boundary", box.geoJson()));
        if (parentId != null) {
            body.put("parentId", parentId);
        }
        if (branchUnitId != null) {
            body.put("branchUnitId", branchUnitId);
        }
        return Eventually.retryWhile(() -> admin.post("/api/v1/grids", body), "unknown-community", "unknown-branch")
                .expect(201).path("id").asString();
    }

    static List<Integer> indexes(int n) {
        return java.util.stream.IntStream.range(0, n).boxed().toList();
    }
}
