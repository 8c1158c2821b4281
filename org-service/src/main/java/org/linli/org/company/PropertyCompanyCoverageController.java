package org.linli.org.company;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.linli.platform.web.Caller;
import org.linli.platform.web.Roles;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Property-company party coverage", description = "单独建 / 联合建 / 挂靠建 / 党建指导员 per property company")
@RestController
@RequestMapping("/api/v1/org-units/{unitId}/property-companies")
class PropertyCompanyCoverageController {

    private final PropertyCompanyCoverage coverage;

    PropertyCompanyCoverageController(PropertyCompanyCoverage coverage) {
        this.coverage = coverage;
    }

    @Operation(summary = "Record how a property company is covered by the party organisation",
            description = "Roles: COUNTY_ADMIN, STREET_ADMIN, COMMUNITY_ADMIN covering the unit and the branch (403). "
                    + "422 branch-required (branch modes need an active PROPERTY_COMPANY_BRANCH of the same region), "
                    + "instructor-required.")
    @PutMapping("/{companyId}")
    @PreAuthorize(Roles.ADMINS)
    CompanyCoverageResponse record(Caller caller, @PathVariable String unitId, @PathVariable String companyId,
                                   @Valid @RequestBody CompanyCoverageRequest request) {
        return CompanyCoverageResponse.of(coverage.record(caller, unitId, companyId, request.companyName(),
                request.mode(), request.branchUnitId(), request.instructorName()));
    }

    @Operation(summary = "Property companies registered in a unit's subtree", description = "Any signed-in account covering the unit. Paged.")
    @GetMapping
    PagedModel<CompanyCoverageResponse> list(Caller caller, @PathVariable String unitId, Pageable pageable) {
        return new PagedModel<>(coverage.list(caller, unitId, pageable).map(CompanyCoverageResponse::of));
    }

    record CompanyCoverageRequest(@NotBlank @Size(max = 100) String companyName, @NotNull PartyCoverageMode mode,
                                  @Size(max = 64) String branchUnitId, @Size(max = 50) String instructorName) {
    }

    record CompanyCoverageResponse(String companyId, String companyName, PartyCoverageMode mode, String modeLabel,
                                   String branchUnitId, String instructorName, String unitId, Instant updatedAt,
                                   Long version) {

        static CompanyCoverageResponse of(PropertyCompanyPartyStatus status) {
            return new CompanyCoverageResponse(status.companyId(), status.companyName(), status.mode(),
                    status.mode().label(), status.branchUnitId(), status.instructorName(), status.unitId(),
                    status.updatedAt(), status.version());
        }
    }
}
