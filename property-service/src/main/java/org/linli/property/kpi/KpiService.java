package org.linli.property.kpi;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.platform.web.Caller;
import org.linli.property.PropertySettings;
import org.linli.property.compound.Compound;
import org.linli.property.compound.Compounds;
import org.linli.property.compound.ManagementMode;
import org.linli.property.copies.OrgAndGridCopies;
import org.linli.property.evaluation.Evaluations;
import org.linli.property.patrol.Patrols;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The KPIs of an area, counted exactly from the stored records: management coverage, fee collection,
 * residents' satisfaction and owners' committee formation; and the 包保 assignments in force whose patrol is overdue.
 */
@Service
class KpiService {

    private final Compounds compounds;
    private final OrgAndGridCopies copies;
    private final Evaluations evaluations;
    private final Patrols patrols;
    private final PropertySettings settings;
    private final Clock clock;

    KpiService(Compounds compounds, OrgAndGridCopies copies, Evaluations evaluations, Patrols patrols,
               PropertySettings settings, Clock clock) {
        this.compounds = compounds;
        this.copies = copies;
        this.evaluations = evaluations;
        this.patrols = patrols;
        this.settings = settings;
        this.clock = clock;
    }

    /** The county ({@code unitId} absent or {@code county}: the caller's own scope) or a unit in the caller's scope. */
    Kpis kpis(Caller caller, String unitId, Integer year, YearMonth month) {
        String path;
        String scope;
        if (unitId == null || "county".equals(unitId)) {
            path = caller.orgUnitPath();
            scope = caller.isCountyWide() ? "county" : caller.orgUnitId();
        } else {
            OrgAndGridCopies.OrgUnit unit = copies.orgUnit(unitId).orElseThrow(() -> new BusinessRuleViolation(
                    "unknown-unit", "no org unit " + unitId + " is known to property-service", unitId));
            if (!caller.covers(unit.path())) {
                throw new AccessDeniedException("unit " + unitId + " is outside the caller's scope");
            }
            path = unit.path();
            scope = unit.id();
        }
        LocalDate today = settings.today(clock);
        int feeYear = year != null ? year : today.getYear();
        YearMonth satisfactionMonth = month != null ? month : YearMonth.from(today).minusMonths(1);
        List<Compound> area = compounds.under(path);
        Set<String> ids = area.stream().map(Compound::id).collect(Collectors.toSet());

        Map<ManagementMode, Long> modes = new EnumMap<>(ManagementMode.class);
        long dueFen = 0;
        long collectedFen = 0;
        long reporting = 0;
        for (Compound compound : area) {
            modes.merge(compound.modeOn(today), 1L, Long::sum);
            var fees = compound.fees(feeYear);
            if (fees.isPresent()) {
                reporting++;
                dueFen += fees.get().dueFen();
                collectedFen += fees.get().collectedFen();
            }
        }
        long managed = area.size() - modes.getOrDefault(ManagementMode.UNMANAGED, 0L);
        long[] satisfaction = evaluations.satisfaction(ids, satisfactionMonth);
        Set<String> withCommittee = copies.compoundsWithCommittee(today);
        long committees = ids.stream().filter(withCommittee::contains).count();
        Patrols.Counts patrolCounts = patrols.counts(path);
        return new Kpis(scope, area.size(), today,
                new Rate(managed, area.size()), modes,
                feeYear, new Rate(collectedFen, dueFen), reporting,
                satisfactionMonth, new Rate(satisfaction[0], satisfaction[1]),
                new Rate(committees, area.size()), new Rate(patrolCounts.overdue(), patrolCounts.inForce()));
    }

    /** A rate as its exact parts and a percentage rounded to one decimal ({@code null} when the base is 0). */
    record Rate(long part, long base, Double percent) {

        Rate(long part, long base) {
            this(part, base, base == 0 ? null : Math.round(1000.0 * part / base) / 10.0);
        }
    }

    record Kpis(String scopeUnitId, int compounds, LocalDate asOf, Rate managementCoverage,
                Map<ManagementMode, Long> compoundsPerMode, int feeYear, Rate feeCollection,
                long compoundsReportingFees, YearMonth satisfactionMonth, Rate satisfaction, Rate committeeFormation,
                Rate overduePatrols) {
    }
}
