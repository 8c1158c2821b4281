package org.linli.org.unit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import org.linli.platform.web.Caller;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Org units", description = "The party organisation hierarchy (街道党工委 → 社区党委 → 网格党支部 → 楼栋党小组 → 党员中心户)")
@RestController
@RequestMapping("/api/v1/org-units")
class OrgUnitController {

    private final OrgUnitService service;

    OrgUnitController(OrgUnitService service) {
        this.service = service;
    }

    @Operation(summary = "Create an org unit",
            description = "Roles: COUNTY_ADMIN, STREET_ADMIN, COMMUNITY_ADMIN. A top unit (no parentId) needs a "
                    + "county-wide account; a child needs the parent inside the caller's scope (else 403). "
                    + "Errors: 400 invalid body, 404 unknown parent, 422 business rule.")
    @PostMapping
    @PreAuthorize("hasAnyRole('COUNTY_ADMIN','STREET_ADMIN','COMMUNITY_ADMIN')")
    ResponseEntity<OrgUnitResponse> create(Caller caller, @Valid @RequestBody CreateOrgUnitRequest request) {
        OrgUnit unit = service.create(caller, request.type(), request.name(), request.parentId());
        return ResponseEntity.created(URI.create("/api/v1/org-units/" + unit.id())).body(OrgUnitResponse.of(unit));
    }

    @Operation(summary = "Read an org unit", description = "Any signed-in account; 403 outside the caller's scope, 404 unknown id.")
    @GetMapping("/{id}")
    OrgUnitResponse get(Caller caller, @PathVariable String id) {
        return OrgUnitResponse.of(service.get(caller, id));
    }

    @Operation(summary = "List org units in the caller's scope, optionally the children of one unit",
            description = "Any signed-in account; paged (?page, ?size ≤ 200, ?sort).")
    @GetMapping
    PagedModel<OrgUnitResponse> list(Caller caller, @RequestParam(required = false) String parentId, Pageable pageable) {
        return new PagedModel<>(service.list(caller, parentId, pageable).map(OrgUnitResponse::of));
    }

    record CreateOrgUnitRequest(@NotNull OrgUnitType type, @NotBlank @Size(max = OrgUnit.MAX_NAME_LENGTH) String name,
                                @Size(max = 64) String parentId) {
    }

    record OrgUnitResponse(String id, OrgUnitType type, String typeLabel, String name, String parentId, String path,
                           Instant createdAt, Long version) {

        static OrgUnitResponse of(OrgUnit unit) {
            return new OrgUnitResponse(unit.id(), unit.type(), unit.type().label(), unit.name(), unit.parentId(),
                    unit.path(), unit.createdAt(), unit.version());
        }
    }
}
