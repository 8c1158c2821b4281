package org.linli.org.duty;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.YearMonth;
import java.util.List;
import org.linli.platform.web.Caller;
import org.linli.platform.web.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Duty reports (履职完成情况)", description = "Monthly completion of the duty quotas: per holder, per kind "
        + "required against done, overdue items; per unit, the average and how many are fully complete.")
@RestController
@RequestMapping("/api/v1/duty-reports")
class DutyReportController {

    private static final String PERSONS = "hasAnyRole(" + Roles.ADMIN_LIST + ",'" + Roles.RESIDENT + "','"
            + Roles.PARTY_MEMBER + "','" + Roles.GRID_WORKER + "','" + Roles.DEPARTMENT_STAFF + "')";

    private final DutyReports reports;

    DutyReportController(DutyReports reports) {
        this.reports = reports;
    }

    @Operation(summary = "A person's duty completion in a month, per duty role they hold",
            description = "The person themselves, or an admin covering their unit (403; 404 no duty role held). "
                    + "?month=2026-11 (400 otherwise). A quarterly item counts the quarter up to the month and is "
                    + "overdue only once its quarter has ended short.")
    @GetMapping("/holders/{accountId}")
    @PreAuthorize(PERSONS)
    List<HolderReportResponse> holderDutyReport(Caller caller, @PathVariable String accountId,
                                                @RequestParam YearMonth month) {
        return reports.holder(caller, accountId, month).stream().map(HolderReportResponse::of).toList();
    }

    @Operation(summary = "A unit's duty completion in a month: every holder in its subtree and a summary",
            description = "Roles: admins covering the unit (403 another community; 404 unknown). ?month=2026-11. "
                    + "The summary (average completion, fully complete, with overdue items) counts the holders a "
                    + "quota applies to.")
    @GetMapping("/units/{unitId}")
    @PreAuthorize(Roles.ADMINS)
    UnitReportResponse unitDutyReport(Caller caller, @PathVariable String unitId, @RequestParam YearMonth month) {
        DutyReports.UnitReport report = reports.unit(caller, unitId, month);
        return new UnitReportResponse(report.unitId(), report.unitName(), report.month(), report.summary(),
                report.holders().stream().map(HolderReportResponse::of).toList());
    }

    record HolderReportResponse(String accountId, String name, DutyRole role, String roleLabel, String unitId,
                                String quotaId, boolean quotaApplies, int required, int done, int percent,
                                boolean complete, boolean overdue, List<DutyCompletion.ItemCompletion> items) {

        static HolderReportResponse of(DutyReports.HolderReport report) {
            DutyAssignment h = report.holder();
            DutyCompletion.HolderCompletion c = report.completion();
            return new HolderReportResponse(h.accountId(), h.name(), h.role(), h.role().label(), h.unitId(),
                    report.quotaId(), report.quotaApplies(), c.required(), c.done(), c.percent(), c.complete(),
                    c.overdue(), c.items());
        }
    }

    record UnitReportResponse(String unitId, String unitName, YearMonth month, DutyCompletion.Summary summary,
                              List<HolderReportResponse> holders) {
    }
}
