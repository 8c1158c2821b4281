package org.linli.property.kpi;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.linli.platform.web.BusinessRuleViolation;
import org.linli.platform.web.Caller;
import org.linli.property.PropertySettings;
import org.linli.property.compound.Compound;
import org.linli.property.compound.Compounds;
import org.linli.property.compound.ManagementMode;
import org.linli.property.copies.Copies;
import org.linli.property.evaluation.Evaluations;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "KPIs", description = "物业管理覆盖率、物业费收缴率、满意度、业委会组建率 per county, street or community")
@RestController
class KpiController {

    private final Compounds compounds;
    private final Copies copies;
    private final Evaluations evaluations;
    private final PropertySettings settings;
    private final Clock clock;

    KpiController(Compounds compounds, Copies copies, Evaluations evaluations, PropertySettings settings, Clock clock) {
        this.compounds = compounds;
        this.copies = copies;
        this.evaluations = evaluations;
        this.settings = settings;
        this.clock = clock;
    }

    @Operation(summary = "KPIs of the county or an org unit, counted exactly from the stored records",
            description = "Roles: admins and DEPARTMENT_STAFF; ?unitId= (\"county\" or absent: the caller's own scope) "
                    + "must lie in the caller's scope (403); 422 unknown-unit. Coverage: compounds managed today by a "
                    + "company or under one of the five modes, of all compounds. Fee collection: fen collected of fen "
                    + "due in ?year= (default this year) over the compounds that reported. Satisfaction: satisfied "
                    + "answers of all answers in ?month= (default last month: the quarter's surveys and the month's "
                    + "issue ratings). Committee formation: compounds with an owners' committee in office today.")
    @GetMapping("/api/v1/evaluations/kpis")
    @PreAuthorize("hasAnyRole('COUNTY_ADMIN','STREET_ADMIN','COMMUNITY_ADMIN','DEPARTMENT_STAFF')")
    Kpis kpis(Caller caller, @RequestParam(required = false) String unitId,
              @RequestParam(required = false) Integer year, @RequestParam(required = false) YearMonth month) {
        String path;
        String scope;
        if (unitId == null || "county".equals(unitId)) {
            path = caller.orgUnitPath();
            scope = caller.isCountyWide() ? "county" : caller.orgUnitId();
        } else {
            Copies.OrgUnit unit = copies.orgUnit(unitId).orElseThrow(() -> new BusinessRuleViolation("unknown-unit",
                    "no org unit " + unitId + " is known to property-service", unitId));
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
        return new Kpis(scope, area.size(), today,
                new Rate(managed, area.size()), modes,
                feeYear, new Rate(collectedFen, dueFen), reporting,
                satisfactionMonth, new Rate(satisfaction[0], satisfaction[1]),
                new Rate(committees, area.size()));
    }

    /** A rate as its exact parts and a percentage rounded to one decimal ({@code null} when the base is 0). */
    record Rate(long part, long base, Double percent) {

        Rate(long part, long base) {
            this(part, base, base == 0 ? null : Math.round(1000.0 * part / base) / 10.0);
        }
    }

    record Kpis(String scopeUnitId, int compounds, LocalDate asOf, Rate managementCoverage,
                Map<ManagementMode, Long> compoundsPerMode, int feeYear, Rate feeCollection,
                long compoundsReportingFees, YearMonth satisfactionMonth, Rate satisfaction, Rate committeeFormation) {
    }
}
