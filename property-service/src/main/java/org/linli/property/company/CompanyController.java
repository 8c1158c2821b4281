package org.linli.property.company;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.linli.platform.web.Caller;
import org.linli.platform.domain.NotFoundException;
import org.linli.platform.web.Roles;
import org.linli.property.copies.OrgAndGridCopies;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Property companies", description = "物业服务企业: credit code, state-owned flag, party organisation status, star level")
@RestController
@RequestMapping("/api/v1/property-companies")
class CompanyController {

    static final String REGISTRARS = "hasAnyRole('" + Roles.COUNTY_ADMIN + "','" + Roles.DEPARTMENT_STAFF + "')";
    static final String READERS = "hasAnyRole(" + Roles.ADMIN_LIST + ",'" + Roles.DEPARTMENT_STAFF + "','"
            + Roles.PROPERTY_STAFF + "','" + Roles.INTEGRATION_CLIENT + "')";

    private final CompanyService service;
    private final OrgAndGridCopies copies;

    CompanyController(CompanyService service, OrgAndGridCopies copies) {
        this.service = service;
        this.copies = copies;
    }

    @Operation(summary = "Register a property company",
            description = "Roles: COUNTY_ADMIN, DEPARTMENT_STAFF (住建). 422 invalid-credit-code (not 18 characters of "
                    + "0-9 A-H J-N P-R T-U W-Y, or a wrong GB 32100-2015 check character), invalid-company-name; "
                    + "409 already-exists when the credit code is registered.")
    @PostMapping
    @PreAuthorize(REGISTRARS)
    ResponseEntity<CompanyResponse> register(@Valid @RequestBody RegisterRequest request) {
        PropertyCompany company = service.register(request.name(), request.creditCode(), Boolean.TRUE.equals(request.stateOwned()),
                Boolean.TRUE.equals(request.fallbackQualified()));
        return ResponseEntity.created(URI.create("/api/v1/property-companies/" + company.id()))
                .body(CompanyResponse.of(company, copies));
    }

    @Operation(summary = "Grade a company (评星定级) or qualify it for temporary and fallback service",
            description = "Roles: COUNTY_ADMIN, DEPARTMENT_STAFF. Absent fields stay. 422 invalid-star-level (0-5); "
                    + "409 stale version; 404 unknown id.")
    @PatchMapping("/{id}")
    @PreAuthorize(REGISTRARS)
    CompanyResponse grade(@PathVariable String id, @Valid @RequestBody GradeRequest request) {
        return CompanyResponse.of(service.grade(id, request.starLevel(), request.fallbackQualified(), request.version()),
                copies);
    }

    @Operation(summary = "Read a company",
            description = "Staff roles; PROPERTY_STAFF only their own company (403). 404 unknown id.")
    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    CompanyResponse get(Caller caller, @PathVariable String id) {
        return CompanyResponse.of(service.get(caller, id), copies);
    }

    @Operation(summary = "List companies, or find one by credit code",
            description = "Staff roles; PROPERTY_STAFF see only their own company. Paged (?page, ?size ≤ 200, ?sort); "
                    + "?creditCode= answers the one company (422 invalid-credit-code, 404 when not registered).")
    @GetMapping
    @PreAuthorize(READERS)
    PagedModel<CompanyResponse> list(Caller caller, @RequestParam(required = false) String creditCode,
                                     Pageable pageable) {
        if (creditCode != null) {
            PropertyCompany company = service.byCreditCode(creditCode)
                    .orElseThrow(() -> new NotFoundException("company", creditCode));
            service.get(caller, company.id());
            return new PagedModel<>(new PageImpl<>(List.of(CompanyResponse.of(company, copies)), pageable, 1));
        }
        return new PagedModel<>(service.list(caller, pageable).map(company -> CompanyResponse.of(company, copies)));
    }

    record RegisterRequest(@NotBlank @Size(max = PropertyCompany.MAX_NAME_LENGTH) String name,
                           @NotBlank @Size(max = 32) String creditCode, Boolean stateOwned, Boolean fallbackQualified) {
    }

    record GradeRequest(@Min(0) @Max(5) Integer starLevel, Boolean fallbackQualified, @NotNull Long version) {
    }

    record CompanyResponse(String id, String name, String creditCode, boolean stateOwned, boolean fallbackQualified,
                           int starLevel, String partyStatus, Instant createdAt, Instant updatedAt, Long version) {

        static CompanyResponse of(PropertyCompany company, OrgAndGridCopies copies) {
            return new CompanyResponse(company.id(), company.name(), company.creditCode(), company.stateOwned(),
                    company.fallbackQualified(), company.starLevel(), copies.partyStatus(company.id()).orElse(null),
                    company.createdAt(), company.updatedAt(), company.version());
        }
    }
}
