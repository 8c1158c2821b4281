package org.linli.org.unit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.linli.org.company.PartyCoverageMode;
import org.linli.org.company.PropertyCompanyCoverage;
import org.linli.platform.web.BusinessRuleViolation;
import org.linli.platform.web.Caller;
import org.springframework.stereotype.Component;

/**
 * Loads a demo county with Xiangcheng's real figures (DOMAIN.md §1, seed 000): 49 communities,
 * 215 grid branches, 673 building groups, 1849 central households, 13 property-company branches
 * and 35 property companies all covered (own or joint branch, or an instructor), spread over seven
 * streets and townships of the five-level structure.
 */
@Component
class DemoCounty {

    static final List<String> STREETS = List.of("真武山街道", "庞公街道", "古城街道", "檀溪街道", "余家湖街道", "尹集乡", "卧龙镇");
    static final int COMMUNITIES = 49;
    static final int GRID_BRANCHES = 215;
    static final int BUILDING_GROUPS = 673;
    static final int CENTRAL_HOUSEHOLDS = 1849;
    static final int PROPERTY_COMPANY_BRANCHES = 13;
    static final int PROPERTY_COMPANIES = 35;
    static final int OWN_BRANCHES = 9;

    private final OrgUnitRepository units;
    private final HierarchyTemplateRepository templates;
    private final PropertyCompanyCoverage companies;
    private final Clock clock;

    DemoCounty(OrgUnitRepository units, HierarchyTemplateRepository templates, PropertyCompanyCoverage companies,
               Clock clock) {
        this.units = units;
        this.templates = templates;
        this.companies = companies;
        this.clock = clock;
    }

    Summary load(Caller caller) {
        if (units.existsByNameAndParentIdIsNull(committeeName(STREETS.get(0)))) {
            throw new BusinessRuleViolation("demo-already-loaded", "the demo county is already loaded");
        }
        HierarchyTemplate template = templates.findById(HierarchyTemplate.FIVE_LEVEL).orElseThrow();
        Instant now = clock.instant();
        List<OrgUnit> created = new ArrayList<>();
        List<OrgUnit> streets = new ArrayList<>();
        for (String street : STREETS) {
            OrgUnitType type = street.endsWith("街道") ? OrgUnitType.STREET_COMMITTEE : OrgUnitType.TOWNSHIP_COMMITTEE;
            streets.add(add(created, OrgUnit.root(template, type, committeeName(street), now)));
        }
        List<OrgUnit> communities = spread(created, streets, COMMUNITIES, OrgUnitType.COMMUNITY_COMMITTEE, template, now,
                (parent, i) -> parent.name().replace("党工委", "").replace("党委", "") + "第" + i + "社区党委");
        List<OrgUnit> branches = spread(created, communities, GRID_BRANCHES, OrgUnitType.GRID_BRANCH, template, now,
                (parent, i) -> "第" + i + "网格党支部");
        List<OrgUnit> groups = spread(created, branches, BUILDING_GROUPS, OrgUnitType.BUILDING_GROUP, template, now,
                (parent, i) -> i + "号楼栋党小组");
        spread(created, groups, CENTRAL_HOUSEHOLDS, OrgUnitType.CENTRAL_HOUSEHOLD, template, now,
                (parent, i) -> "党员中心户" + i);
        OrgUnit industry = add(created, streets.get(0).createChild(template, OrgUnitType.PROPERTY_INDUSTRY_COMMITTEE,
                "襄城区物业行业党委", now));
        OrgUnit general = add(created, industry.createChild(template, OrgUnitType.PROPERTY_GENERAL_BRANCH, "物业党总支", now));
        List<OrgUnit> companyBranches = spread(created, List.of(general), PROPERTY_COMPANY_BRANCHES,
                OrgUnitType.PROPERTY_COMPANY_BRANCH, template, now, (parent, i) -> "物业企业第" + i + "党支部");
        units.saveAll(created);
        coverCompanies(caller, industry, companyBranches);
        return new Summary(streets.size(), communities.size(), branches.size(), groups.size(), CENTRAL_HOUSEHOLDS,
                companyBranches.size(), PROPERTY_COMPANIES, created.size());
    }

    /** 9 companies with their own branch, 4 sharing joint branches, the other 22 with an instructor. */
    private void coverCompanies(Caller caller, OrgUnit industry, List<OrgUnit> branches) {
        for (int i = 0; i < PROPERTY_COMPANIES; i++) {
            String companyId = String.format("demo-company-%02d", i + 1);
            String name = "襄城第" + (i + 1) + "物业服务有限公司";
            if (i < branches.size()) {
                PartyCoverageMode mode = i < OWN_BRANCHES ? PartyCoverageMode.OWN_BRANCH : PartyCoverageMode.JOINT_BRANCH;
                companies.record(caller, industry.id(), companyId, name, mode, branches.get(i).id(), null);
            } else {
                companies.record(caller, industry.id(), companyId, name, PartyCoverageMode.INSTRUCTOR, null,
                        "党建指导员" + (i + 1));
            }
        }
    }

    /** Creates {@code total} children spread evenly over the parents, the first parents taking one more. */
    private static List<OrgUnit> spread(List<OrgUnit> created, List<OrgUnit> parents, int total, OrgUnitType type,
                                        HierarchyTemplate template, Instant now, Namer namer) {
        List<OrgUnit> children = new ArrayList<>();
        int each = total / parents.size();
        int extra = total % parents.size();
        for (int p = 0; p < parents.size(); p++) {
            OrgUnit parent = parents.get(p);
            int count = each + (p < extra ? 1 : 0);
            for (int i = 1; i <= count; i++) {
                children.add(add(created, parent.createChild(template, type, namer.name(parent, i), now)));
            }
        }
        return children;
    }

    private static OrgUnit add(List<OrgUnit> created, OrgUnit unit) {
        created.add(unit);
        return unit;
    }

    private static String committeeName(String street) {
        return street + (street.endsWith("街道") ? "党工委" : "党委");
    }

    private interface Namer {
        String name(OrgUnit parent, int index);
    }

    record Summary(int streets, int communities, int gridBranches, int buildingGroups, int centralHouseholds,
                   int propertyCompanyBranches, int propertyCompanies, int unitsCreated) {
    }
}
