package org.linli.property.compound;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.linli.platform.web.Caller;
import org.linli.platform.web.Roles;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Compounds", description = "小区: kind, households, grid, management mode and contracts; the unmanaged list (动态清零)")
@RestController
@RequestMapping("/api/v1/compounds")
class CompoundController {

    private static final String FEE_RECORDERS = "hasAnyRole(" + Roles.ADMIN_LIST + ",'" + Roles.PROPERTY_STAFF + "')";
    static final String READERS = "hasAnyRole(" + Roles.ADMIN_LIST + ",'" + Roles.DEPARTMENT_STAFF + "','"
            + Roles.GRID_WORKER + "','" + Roles.PROPERTY_STAFF + "','" + Roles.INTEGRATION_CLIENT + "')";

    private final CompoundService service;

    CompoundController(CompoundService service) {
        this.service = service;
    }

    @Operation(summary = "Register a compound",
            description = "Roles: COUNTY_ADMIN, STREET_ADMIN, COMMUNITY_ADMIN covering the community (403). "
                    + "compoundClass (who answers for it, Huguan): COMMERCIAL (the housing department), OLD_OR_UNMANAGED "
                    + "(the township or street), WORK_UNIT (the employer's party organisation, responsibleUnitId); "
                    + "absent: by kind (VILLAGE_BUILT counts as OLD_OR_UNMANAGED). It travels in CompoundCreated and "
                    + "decides which department receives escalated housing issues and may sanction. "
                    + "422 unknown-community (not a COMMUNITY_COMMITTEE known from org events), unknown-grid (not a grid "
                    + "of that community known from grid events), invalid-management-mode, invalid-responsible-unit "
                    + "(responsibleUnitId without WORK_UNIT), unknown-responsible-unit.")
    @PostMapping
    @PreAuthorize(Roles.ADMINS)
    ResponseEntity<CompoundResponse> register(Caller caller, @Valid @RequestBody RegisterRequest request) {
        Compound compound = service.register(caller, new CompoundService.NewCompound(request.name(), request.kind(),
                request.communityUnitId(), request.gridId(), request.households(), request.lat(), request.lng(),
                request.modeWithoutCompany(), request.compoundClass(), request.responsibleUnitId()));
        return ResponseEntity.created(URI.create("/api/v1/compounds/" + compound.id()))
                .body(CompoundResponse.of(compound, service.today()));
    }

    @Operation(summary = "Read a compound with its contracts, evictions and fee collection",
            description = "Staff roles covering its community; PROPERTY_STAFF only while their company serves it (403). "
                    + "404 unknown id.")
    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    CompoundResponse get(Caller caller, @PathVariable String id) {
        return CompoundResponse.of(service.get(caller, id), service.today());
    }

    @Operation(summary = "List compounds in the caller's scope",
            description = "Staff roles; PROPERTY_STAFF see the compounds their company serves today. Paged (?page, "
                    + "?size ≤ 200, ?sort); ?communityUnitId=, ?kind=.")
    @GetMapping
    @PreAuthorize(READERS)
    PagedModel<CompoundResponse> list(Caller caller, @RequestParam(required = false) String communityUnitId,
                                      @RequestParam(required = false) CompoundKind kind, Pageable pageable) {
        LocalDate today = service.today();
        return new PagedModel<>(service.list(caller, communityUnitId, kind, pageable)
                .map(compound -> CompoundResponse.of(compound, today)));
    }

    @Operation(summary = "Compounds without any management today (should be empty: 动态清零)",
            description = "Roles: admins and DEPARTMENT_STAFF, within their scope. Paged.")
    @GetMapping("/unmanaged")
    @PreAuthorize(Roles.ADMINS_AND_DEPARTMENTS)
    PagedModel<CompoundResponse> unmanaged(Caller caller, Pageable pageable) {
        LocalDate today = service.today();
        return new PagedModel<>(service.unmanaged(caller, pageable).map(compound -> CompoundResponse.of(compound, today)));
    }

    @Operation(summary = "Put a compound without a company under one of the five modes (统管/接管/直管/自管/助管), or clear it",
            description = "Roles: admins covering the compound (403). 422 invalid-management-mode; 409 stale version.")
    @PutMapping("/{id}/management-mode")
    @PreAuthorize(Roles.ADMINS)
    CompoundResponse manage(Caller caller, @PathVariable String id, @Valid @RequestBody ModeRequest request) {
        return CompoundResponse.of(service.manageWithoutCompany(caller, id, request.mode(), request.version()),
                service.today());
    }

    @Operation(summary = "Report a year's property-fee collection (物业费收缴) in fen",
            description = "Roles: admins covering the compound, or PROPERTY_STAFF of the company serving it (403). "
                    + "Replaces the year's figures. 422 invalid-fee-collection (collected above due).")
    @PostMapping("/{id}/fee-collections")
    @PreAuthorize(FEE_RECORDERS)
    CompoundResponse reportFees(Caller caller, @PathVariable String id, @Valid @RequestBody FeeRequest request) {
        return CompoundResponse.of(service.reportFees(caller, id, request.year(), request.dueFen(),
                request.collectedFen()), service.today());
    }

    record RegisterRequest(@NotBlank @Size(max = Compound.MAX_NAME_LENGTH) String name, @NotNull CompoundKind kind,
                           @NotBlank @Size(max = 64) String communityUnitId, @Size(max = 64) String gridId,
                           @PositiveOrZero int households, @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
                           @NotNull @DecimalMin("-180") @DecimalMax("180") Double lng, ManagementMode modeWithoutCompany,
                           CompoundClass compoundClass, @Size(max = 64) String responsibleUnitId) {
    }

    record ModeRequest(ManagementMode mode, @NotNull Long version) {
    }

    record FeeRequest(@Min(2000) @Max(2100) int year, @PositiveOrZero long dueFen, @PositiveOrZero long collectedFen) {
    }

    record ContractResponse(String id, String companyId, ContractKind kind, String kindLabel, LocalDate startsOn,
                            LocalDate endsOn, List<Contract.FeeStandard> feeStandards, LocalDate endedOn,
                            String endReason, boolean inForce, String decisionId) {

        static ContractResponse of(Contract contract, LocalDate today) {
            return new ContractResponse(contract.id(), contract.companyId(), contract.kind(), contract.kind().label(),
                    contract.startsOn(), contract.endsOn(), contract.feeStandards(), contract.endedOn(),
                    contract.endReason(), contract.inForceOn(today), contract.decisionId());
        }
    }

    record CompoundResponse(String id, String name, CompoundKind kind, String kindLabel, CompoundClass compoundClass,
                            String compoundClassLabel, String responsibleBody, String responsibleUnitId,
                            String communityUnitId,
                            String gridId, int households, double lat, double lng, ManagementMode managementMode,
                            String managementModeLabel, ContractResponse currentContract, List<ContractResponse> contracts,
                            List<Compound.Eviction> evictions, List<Compound.FeeCollection> feeCollections,
                            Instant createdAt, Instant updatedAt, Long version) {

        static CompoundResponse of(Compound compound, LocalDate today) {
            ManagementMode mode = compound.modeOn(today);
            return new CompoundResponse(compound.id(), compound.name(), compound.kind(), compound.kind().label(),
                    compound.compoundClass(), compound.compoundClass().label(), compound.compoundClass().responsibleBody(),
                    compound.responsibleUnitId(), compound.communityUnitId(), compound.gridId(), compound.households(), compound.lat(), compound.lng(),
                    mode, mode.label(), compound.contractOn(today).map(c -> ContractResponse.of(c, today)).orElse(null),
                    compound.contracts().stream().map(c -> ContractResponse.of(c, today)).toList(),
                    compound.evictions(), compound.feeCollections(), compound.createdAt(), compound.updatedAt(),
                    compound.version());
        }
    }
}
