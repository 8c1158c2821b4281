package org.linli.org.unit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.linli.platform.web.Caller;
import org.linli.platform.web.Roles;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Org units", description = "The party organisation hierarchy (街道党工委 → 社区党委 → 网格党支部 → 楼栋党小组 → 党员中心户)")
@RestController
@RequestMapping("/api/v1/org-units")
class OrgUnitController {

    /** Everyone but residents, who see the public boards only. */
    private static final String COUNTY_ADMINS = "hasRole('" + Roles.COUNTY_ADMIN + "')";

    private final OrgUnitService service;

    OrgUnitController(OrgUnitService service) {
        this.service = service;
    }

    @Operation(summary = "Create an org unit",
            description = "Roles: COUNTY_ADMIN, STREET_ADMIN, COMMUNITY_ADMIN. A top unit (no parentId) needs a "
                    + "county-wide account and a templateId; a child needs the parent inside the caller's scope (403) "
                    + "and a type the region's template allows under the parent (422 invalid-parent-type naming the "
                    + "allowed types). 404 unknown parent.")
    @PostMapping
    @PreAuthorize(Roles.ADMINS)
    ResponseEntity<OrgUnitResponse> create(Caller caller, @Valid @RequestBody CreateOrgUnitRequest request) {
        OrgUnit unit = service.create(caller, request.type(), request.name(), request.parentId(), request.templateId());
        return ResponseEntity.created(URI.create("/api/v1/org-units/" + unit.id())).body(OrgUnitResponse.of(unit));
    }

    @Operation(summary = "Rename an org unit", description = "Roles: admins covering the unit (403). 409 stale version.")
    @PatchMapping("/{id}")
    @PreAuthorize(Roles.ADMINS)
    OrgUnitResponse rename(Caller caller, @PathVariable String id, @Valid @RequestBody RenameRequest request) {
        return OrgUnitResponse.of(service.rename(caller, id, request.name(), request.version()));
    }

    @Operation(summary = "Move a unit and its subtree under another parent",
            description = "Roles: admins covering both the unit and the new parent (403). Every descendant's path "
                    + "follows. 422 invalid-parent-type, move-into-own-subtree, move-across-regions; 409 stale version.")
    @PostMapping("/{id}/move")
    @PreAuthorize(Roles.ADMINS)
    OrgUnitResponse move(Caller caller, @PathVariable String id, @Valid @RequestBody MoveRequest request) {
        return OrgUnitResponse.of(service.move(caller, id, request.newParentId(), request.version()));
    }

    @Operation(summary = "Deactivate a unit",
            description = "Roles: admins covering the unit. 422 unit-not-empty while active children or members remain.")
    @PostMapping("/{id}/deactivation")
    @PreAuthorize(Roles.ADMINS)
    OrgUnitResponse deactivate(Caller caller, @PathVariable String id, @Valid @RequestBody VersionRequest request) {
        return OrgUnitResponse.of(service.deactivate(caller, id, request.version()));
    }

    @Operation(summary = "Set the grids, compounds and property companies a unit serves",
            description = "Roles: admins covering the unit. Ids belong to grid-service and property-service.")
    @PutMapping("/{id}/links")
    @PreAuthorize(Roles.ADMINS)
    OrgUnitResponse link(Caller caller, @PathVariable String id, @Valid @RequestBody LinksRequest request) {
        UnitLinks links = new UnitLinks(request.gridIds(), request.compoundIds(), request.propertyCompanyIds());
        return OrgUnitResponse.of(service.link(caller, id, links, request.version()));
    }

    @Operation(summary = "Read an org unit", description = "Any role but RESIDENT; 403 outside the caller's scope, 404 unknown id.")
    @GetMapping("/{id}")
    @PreAuthorize(Roles.WORKING_ROLES)
    OrgUnitResponse get(Caller caller, @PathVariable String id) {
        return OrgUnitResponse.of(service.get(caller, id));
    }

    @Operation(summary = "List org units in the caller's scope, optionally the children of one unit",
            description = "Any role but RESIDENT; paged (?page, ?size ≤ 200, ?sort).")
    @GetMapping
    @PreAuthorize(Roles.WORKING_ROLES)
    PagedModel<OrgUnitResponse> list(Caller caller, @RequestParam(required = false) String parentId, Pageable pageable) {
        return new PagedModel<>(service.list(caller, parentId, pageable).map(OrgUnitResponse::of));
    }

    @Operation(summary = "List every unit below one unit, at any depth, optionally of one type",
            description = "Any role but RESIDENT; the unit must lie in the caller's scope (403 otherwise, 404 unknown "
                    + "id); the unit itself is not listed. ?type (e.g. GRID_BRANCH) keeps one type; paged (?page, "
                    + "?size ≤ 200, ?sort).")
    @GetMapping("/{id}/subtree")
    @PreAuthorize(Roles.WORKING_ROLES)
    PagedModel<OrgUnitResponse> subtree(Caller caller, @PathVariable String id,
                                        @RequestParam(required = false) OrgUnitType type, Pageable pageable) {
        return new PagedModel<>(service.subtree(caller, id, type, pageable).map(OrgUnitResponse::of));
    }

    @Operation(summary = "The units above one unit, from the top down (its breadcrumb)",
            description = "Any role but RESIDENT; the unit must lie in the caller's scope (403 otherwise, 404 unknown "
                    + "id). The ancestors are named even above the caller's own unit (a community admin sees the "
                    + "street and county it belongs to): id, type, name and path only.")
    @GetMapping("/{id}/ancestors")
    @PreAuthorize(Roles.WORKING_ROLES)
    List<UnitSummary> ancestors(Caller caller, @PathVariable String id) {
        return service.ancestors(caller, id).stream().map(UnitSummary::of).toList();
    }

    @Operation(summary = "Hierarchy templates: which child types each parent type allows", description = "Any signed-in account.")
    @GetMapping("/templates")
    List<HierarchyTemplate> templates() {
        return service.templates();
    }

    @Operation(summary = "Add a hierarchy template", description = "Role: COUNTY_ADMIN. 422 template-exists.")
    @PostMapping("/templates")
    @PreAuthorize(COUNTY_ADMINS)
    ResponseEntity<HierarchyTemplate> addTemplate(@Valid @RequestBody TemplateRequest request) {
        HierarchyTemplate template = service.addTemplate(
                new HierarchyTemplate(request.id(), request.label(), request.rootTypes(), request.children()));
        return ResponseEntity.created(URI.create("/api/v1/org-units/templates")).body(template);
    }

    record CreateOrgUnitRequest(@NotNull OrgUnitType type, @NotBlank @Size(max = OrgUnit.MAX_NAME_LENGTH) String name,
                                @Size(max = 64) String parentId, @Size(max = 64) String templateId) {
    }

    record RenameRequest(@NotBlank @Size(max = OrgUnit.MAX_NAME_LENGTH) String name, @NotNull Long version) {
    }

    record MoveRequest(@NotBlank @Size(max = 64) String newParentId, @NotNull Long version) {
    }

    record VersionRequest(@NotNull Long version) {
    }

    record LinksRequest(@Size(max = 500) Set<@NotBlank String> gridIds, @Size(max = 500) Set<@NotBlank String> compoundIds,
                        @Size(max = 500) Set<@NotBlank String> propertyCompanyIds, @NotNull Long version) {
    }

    record TemplateRequest(@NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,40}") String id,
                           @NotBlank @Size(max = 64) String label,
                           @NotEmpty Set<OrgUnitType> rootTypes, @NotNull Map<OrgUnitType, Set<OrgUnitType>> children) {
    }

    /** A unit named in a breadcrumb: no links, no audit fields. */
    record UnitSummary(String id, OrgUnitType type, String typeLabel, String name, String path) {

        static UnitSummary of(OrgUnit unit) {
            return new UnitSummary(unit.id(), unit.type(), unit.type().label(), unit.name(), unit.path());
        }
    }

    record OrgUnitResponse(String id, OrgUnitType type, String typeLabel, String name, String parentId, String path,
                           String templateId, OrgUnit.Status status, UnitLinks links, Instant createdAt,
                           Instant updatedAt, Long version) {

        static OrgUnitResponse of(OrgUnit unit) {
            return new OrgUnitResponse(unit.id(), unit.type(), unit.type().label(), unit.name(), unit.parentId(),
                    unit.path(), unit.templateId(), unit.status(), unit.links(), unit.createdAt(), unit.updatedAt(),
                    unit.version());
        }
    }
}
