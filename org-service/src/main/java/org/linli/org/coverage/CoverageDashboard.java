package org.linli.org.coverage;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.linli.org.committee.CommitteeStatistics;
import org.linli.org.company.PartyCoverageMode;
import org.linli.org.copies.PropertyAndHouseholds;
import org.linli.org.company.PropertyCompanyCoverage;
import org.linli.org.member.MemberStatistics;
import org.linli.org.unit.OrgUnitDirectory;
import org.linli.org.unit.OrgUnitStatistics;
import org.linli.org.unit.OrgUnitType;
import org.linli.platform.web.Caller;
import org.springframework.stereotype.Service;

/**
 * The coverage dashboard of a subtree (or the county): every figure is counted from the stored
 * units, company statuses, committees and members at the time of the call, nothing is cached.
 * Compounds and the companies serving them come from the copies of property-service's events
 * (CompoundCreated, ContractStarted/Ended): a compound counts once property-service has registered it,
 * a company serving one of the subtree's compounds without a recorded status counts as NONE (not covered).
 */
@Service
class CoverageDashboard {

    private final OrgUnitDirectory units;
    private final OrgUnitStatistics unitStatistics;
    private final PropertyCompanyCoverage companies;
    private final CommitteeStatistics committees;
    private final MemberStatistics members;
    private final PropertyAndHouseholds property;

    CoverageDashboard(OrgUnitDirectory units, OrgUnitStatistics unitStatistics, PropertyCompanyCoverage companies,
                      CommitteeStatistics committees, MemberStatistics members, PropertyAndHouseholds property) {
        this.units = units;
        this.unitStatistics = unitStatistics;
        this.companies = companies;
        this.committees = committees;
        this.members = members;
        this.property = property;
    }

    Coverage of(Caller caller, String unitId) {
        String path = null;
        if (unitId != null) {
            path = units.visibleTo(caller, unitId).path();
        } else if (!caller.isCountyWide()) {
            path = caller.orgUnitPath();
        }
        return new Coverage(unitId, unitsPerType(path), compounds(path), propertyCompanies(path), ownersCommittees(path),
                membersPerGrid(path));
    }

    private Map<OrgUnitType, Long> unitsPerType(String path) {
        Map<OrgUnitType, Long> counts = new EnumMap<>(OrgUnitType.class);
        for (OrgUnitType type : OrgUnitType.values()) {
            counts.put(type, 0L);
        }
        counts.putAll(unitStatistics.activeUnitsPerType(path));
        return counts;
    }

    private Ratio compounds(String path) {
        Set<String> covered = unitStatistics.linkedCompounds(path);
        return Ratio.of(covered.size(), knownCompounds(path).size());
    }

    /** The compounds property-service registered in the subtree, and any a unit links or a committee names. */
    private Set<String> knownCompounds(String path) {
        Set<String> known = new TreeSet<>(property.compoundsWithin(path));
        known.addAll(unitStatistics.linkedCompounds(path));
        known.addAll(committees.compoundsWithCommittee(path));
        return known;
    }

    private CompanyCoverage propertyCompanies(String path) {
        Map<PartyCoverageMode, Long> byMode = companies.countByMode(path);
        Set<String> serving = property.companiesServing(property.compoundsWithin(path));
        long withoutStatus = serving.size() - companies.withStatus(serving).size();
        byMode.merge(PartyCoverageMode.NONE, withoutStatus, Long::sum);
        long registered = byMode.values().stream().mapToLong(Long::longValue).sum();
        long covered = registered - byMode.get(PartyCoverageMode.NONE);
        return new CompanyCoverage(byMode, Ratio.of(covered, registered));
    }

    private CommitteeFigures ownersCommittees(String path) {
        Ratio formation = Ratio.of(committees.compoundsWithCommittee(path).size(), knownCompounds(path).size());
        Ratio partyMajority = Ratio.of(committees.committeesWithPartyMajority(path), committees.activeCommittees(path));
        return new CommitteeFigures(formation, partyMajority);
    }

    private MembersPerGrid membersPerGrid(String path) {
        Map<String, Long> perBranch = members.activeMembersPerBranch(path);
        List<GridMembers> grids = unitStatistics.activeUnitsOfType(path, OrgUnitType.GRID_BRANCH).stream()
                .map(grid -> new GridMembers(grid.id(), grid.name(), perBranch.getOrDefault(grid.id(), 0L)))
                .sorted(Comparator.comparing(GridMembers::name))
                .toList();
        long total = grids.stream().mapToLong(GridMembers::members).sum();
        double average = grids.isEmpty() ? 0 : Math.round(total * 100.0 / grids.size()) / 100.0;
        return new MembersPerGrid(grids.size(), total, average, grids);
    }

    /** A share with the counts behind it, so every figure can be checked against the data. */
    record Ratio(long part, long whole, double rate) {
        static Ratio of(long part, long whole) {
            return new Ratio(part, whole, whole == 0 ? 0 : Math.round(part * 10_000.0 / whole) / 10_000.0);
        }
    }

    record CompanyCoverage(Map<PartyCoverageMode, Long> byMode, Ratio covered) {
    }

    record CommitteeFigures(Ratio formationRate, Ratio partyMajorityShare) {
    }

    record GridMembers(String unitId, String name, long members) {
    }

    record MembersPerGrid(int grids, long members, double averagePerGrid, List<GridMembers> perGrid) {
    }

    record Coverage(String unitId, Map<OrgUnitType, Long> unitsPerType, Ratio compoundsWithPartyOrganisation,
                    CompanyCoverage propertyCompanies, CommitteeFigures ownersCommittees, MembersPerGrid partyMembersPerGrid) {
    }
}
