package org.linli.org.coverage;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.linli.platform.web.Caller;
import org.linli.platform.web.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Coverage dashboard", description = "Counts and coverage ratios of the party organisation for a subtree")
@RestController
class CoverageController {

    private final CoverageDashboard dashboard;

    CoverageController(CoverageDashboard dashboard) {
        this.dashboard = dashboard;
    }

    @Operation(summary = "Coverage dashboard of the caller's whole scope (the county for a county-wide account)",
            description = "Roles: admins and department staff.")
    @GetMapping("/api/v1/org-units/coverage")
    @PreAuthorize(Roles.ADMINS_AND_DEPARTMENTS)
    CoverageDashboard.Coverage ofScope(Caller caller) {
        return dashboard.of(caller, null);
    }

    @Operation(summary = "Coverage dashboard of one unit's subtree",
            description = "Roles: admins and department staff whose scope covers the unit (403), 404 unknown unit.")
    @GetMapping("/api/v1/org-units/{id}/coverage")
    @PreAuthorize(Roles.ADMINS_AND_DEPARTMENTS)
    CoverageDashboard.Coverage ofUnit(Caller caller, @PathVariable String id) {
        return dashboard.of(caller, id);
    }
}
