package org.linli.property.kpi;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.YearMonth;
import org.linli.platform.web.Caller;
import org.linli.platform.web.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "KPIs", description = "物业管理覆盖率、物业费收缴率、满意度、业委会组建率 per county, street or community")
@RestController
class KpiController {

    private final KpiService service;

    KpiController(KpiService service) {
        this.service = service;
    }

    @Operation(summary = "KPIs of the county or an org unit, counted exactly from the stored records",
            description = "Roles: admins and DEPARTMENT_STAFF; ?unitId= (\"county\" or absent: the caller's own scope) "
                    + "must lie in the caller's scope (403); 422 unknown-unit. Coverage: compounds managed today by a "
                    + "company or under one of the five modes, of all compounds. Fee collection: fen collected of fen "
                    + "due in ?year= (default this year) over the compounds that reported. Satisfaction: satisfied "
                    + "answers of all answers in ?month= (default last month: the quarter's surveys and the month's "
                    + "issue ratings). Committee formation: compounds with an owners' committee in office today. "
                    + "Overdue patrols: 包保 assignments in force today whose next patrol was due before today, of all in "
                    + "force (the list: GET /api/v1/patrol-assignments/overdue).")
    @GetMapping("/api/v1/evaluations/kpis")
    @PreAuthorize(Roles.ADMINS_AND_DEPARTMENTS)
    KpiService.Kpis kpis(Caller caller, @RequestParam(required = false) String unitId,
                         @RequestParam(required = false) Integer year,
                         @RequestParam(required = false) YearMonth month) {
        return service.kpis(caller, unitId, year, month);
    }
}
