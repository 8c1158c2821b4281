package org.linli.grid.household;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.linli.grid.household.Building.Location;
import org.linli.platform.audit.UnmaskedReads;
import org.linli.platform.web.Caller;
import org.linli.platform.web.Roles;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
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

@Tag(name = "Households", description = "Buildings 楼栋 with units 单元, households 住户, key households 重点户 of special "
        + "groups with their linked party member, revisits 走访 and the revisit rate")
@RestController
@RequestMapping("/api/v1/households")
class HouseholdController {

    private final HouseholdService service;

    HouseholdController(HouseholdService service) {
        this.service = service;
    }

    @Operation(summary = "Create a building with its units in a grid",
            description = "Roles: COUNTY_ADMIN, STREET_ADMIN, COMMUNITY_ADMIN, GRID_WORKER whose scope covers the grid's "
                    + "community (403). 404 unknown grid; 422 invalid-building-name, invalid-building-units (none, "
                    + "more than 50, blank or repeated); 400 lat/lng out of range.")
    @PostMapping("/buildings")
    @PreAuthorize(Roles.STAFF)
    ResponseEntity<BuildingResponse> createBuilding(Caller caller, @Valid @RequestBody CreateBuildingRequest request) {
        Building building = service.createBuilding(caller, request.gridId(), request.name(), request.address(),
                request.location() == null ? null : new Location(request.location().lat(), request.location().lng()),
                request.units());
        return ResponseEntity.created(URI.create("/api/v1/households/buildings/" + building.id()))
                .body(BuildingResponse.of(building));
    }

    @Operation(summary = "Read a building",
            description = "Roles: admins, GRID_WORKER, PARTY_MEMBER; 403 outside the caller's scope, 404 unknown id.")
    @GetMapping("/buildings/{id}")
    @PreAuthorize(Roles.STAFF_AND_PARTY_MEMBERS)
    BuildingResponse getBuilding(Caller caller, @PathVariable String id) {
        return BuildingResponse.of(service.getBuilding(caller, id));
    }

    @Operation(summary = "List buildings in the caller's scope, optionally in one grid's subtree",
            description = "Roles: admins, GRID_WORKER, PARTY_MEMBER; others 403. Paged (?page, ?size ≤ 200, ?sort); "
                    + "?gridId= (404 unknown, 403 outside the scope).")
    @GetMapping("/buildings")
    @PreAuthorize(Roles.STAFF_AND_PARTY_MEMBERS)
    PagedModel<BuildingResponse> listBuildings(Caller caller, @RequestParam(required = false) String gridId,
                                               Pageable pageable) {
        return new PagedModel<>(service.listBuildings(caller, gridId, pageable).map(BuildingResponse::of));
    }

    @Operation(summary = "Register a household in a unit of a building",
            description = "Roles: admins and GRID_WORKER whose scope covers the building's community (403). 404 unknown "
                    + "building; 422 unknown-building-unit, invalid-residents (1 to 20), invalid-phone (11-digit mobile), "
                    + "not-a-key-household (a linked member needs a special group).")
    @PostMapping
    @PreAuthorize(Roles.STAFF)
    ResponseEntity<HouseholdResponse> register(Caller caller, @Valid @RequestBody RegisterHouseholdRequest request) {
        Household household = service.register(caller, new HouseholdService.NewHousehold(request.buildingId(),
                request.buildingUnit(), request.room(), request.residents(), request.headName(), request.phone(),
                request.specialGroups(), request.linkedMemberId()));
        return ResponseEntity.created(URI.create("/api/v1/households/" + household.id()))
                .body(HouseholdResponse.of(household, HouseholdService.seesPhone(caller, household)));
    }

    @Operation(summary = "Key households' revisit rate of a grid's subtree since a date, and per grid",
            description = "Roles: admins, GRID_WORKER, PARTY_MEMBER within scope (403). A key household counts as "
                    + "revisited when visited on or after the start of ?since (county time zone). rate = revisited / "
                    + "keyHouseholds with 4 decimals, null without key households; grids list each grid's own "
                    + "households. 404 unknown grid; 400 a missing or malformed since.")
    @GetMapping("/revisit-rate")
    @PreAuthorize(Roles.STAFF_AND_PARTY_MEMBERS)
    HouseholdService.RevisitRate revisitRate(Caller caller, @RequestParam String gridId,
                                             @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate since) {
        return service.revisitRate(caller, gridId, since);
    }

    @Operation(summary = "Read a household",
            description = "Roles: admins, GRID_WORKER, PARTY_MEMBER; 403 outside the caller's scope, 404 unknown id. "
                    + "The phone is masked (138****5678) except for admins and grid workers.")
    @GetMapping("/{id}")
    @PreAuthorize(Roles.STAFF_AND_PARTY_MEMBERS)
    HouseholdResponse get(Caller caller, @PathVariable String id) {
        Household household = service.get(caller, id);
        return HouseholdResponse.of(household, HouseholdService.seesPhone(caller, household));
    }

    @Operation(summary = "List households in the caller's scope",
            description = "Roles: admins, GRID_WORKER, PARTY_MEMBER; others 403. Paged (?page, ?size ≤ 200, ?sort); "
                    + "?gridId= (the grid's subtree; 404 unknown, 403 outside the scope), ?buildingId=, ?keyOnly=true "
                    + "for key households 重点户. Phones masked except for admins and grid workers.")
    @GetMapping
    @PreAuthorize(Roles.STAFF_AND_PARTY_MEMBERS)
    PagedModel<HouseholdResponse> list(Caller caller, @RequestParam(required = false) String gridId,
                                       @RequestParam(required = false) String buildingId,
                                       @RequestParam(defaultValue = "false") boolean keyOnly, Pageable pageable) {
        return new PagedModel<>(service.list(caller, gridId, buildingId, keyOnly, pageable)
                .map(household -> HouseholdResponse.of(household, HouseholdService.seesPhone(caller, household))));
    }

    @Operation(summary = "Set a household's special groups or its linked party member / unit leader",
            description = "Roles: admins and GRID_WORKER covering the household's community (403). Absent fields stay; "
                    + "an empty linkedMemberId unlinks. 422 not-a-key-household (a link needs a special group); "
                    + "409 stale version; 404 unknown id.")
    @PatchMapping("/{id}")
    @PreAuthorize(Roles.STAFF)
    HouseholdResponse classify(Caller caller, @PathVariable String id, @Valid @RequestBody ClassifyRequest request) {
        Household household = service.classify(caller, id, request.specialGroups(), request.linkedMemberId(),
                request.version());
        return HouseholdResponse.of(household, HouseholdService.seesPhone(caller, household));
    }

    @Operation(summary = "Record a revisit 走访 of a household",
            description = "Roles: admins and GRID_WORKER covering the household's community (403). 404 unknown id; "
                    + "400 a missing byName.")
    @PostMapping("/{id}/revisits")
    @PreAuthorize(Roles.STAFF)
    ResponseEntity<Household.Revisit> revisit(Caller caller, @PathVariable String id,
                                              @Valid @RequestBody RevisitRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(service.revisit(caller, id, request.byName(), request.note()));
    }

    record LocationBody(@NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
                        @NotNull @DecimalMin("-180") @DecimalMax("180") Double lng) {
    }

    record CreateBuildingRequest(@NotBlank @Size(max = 64) String gridId,
                                 @NotBlank @Size(max = Building.MAX_NAME_LENGTH) String name,
                                 @Size(max = 200) String address, @Valid LocationBody location,
                                 @NotEmpty @Size(max = Building.MAX_UNITS) List<@NotBlank @Size(max = 20) String> units) {
    }

    record RegisterHouseholdRequest(@NotBlank @Size(max = 64) String buildingId,
                                    @NotBlank @Size(max = 20) String buildingUnit,
                                    @NotBlank @Size(max = Household.MAX_TEXT_LENGTH) String room,
                                    @NotNull Integer residents,
                                    @NotBlank @Size(max = Household.MAX_TEXT_LENGTH) String headName,
                                    @Size(max = 20) String phone, Set<SpecialGroup> specialGroups,
                                    @Size(max = 64) String linkedMemberId) {
    }

    record ClassifyRequest(Set<SpecialGroup> specialGroups, @Size(max = 64) String linkedMemberId,
                           @NotNull Long version) {
    }

    record RevisitRequest(@NotBlank @Size(max = Household.MAX_TEXT_LENGTH) String byName,
                          @Size(max = Household.MAX_NOTE_LENGTH) String note) {
    }

    record BuildingResponse(String id, String gridId, String name, String address, Location location,
                            List<String> units, Instant createdAt) {

        static BuildingResponse of(Building building) {
            return new BuildingResponse(building.id(), building.gridId(), building.name(), building.address(),
                    building.location(), building.units(), building.createdAt());
        }
    }

    record SpecialGroupResponse(SpecialGroup group, String label) {
    }

    record HouseholdResponse(String id, String buildingId, String buildingUnit, String room, String gridId,
                             int residents, String headName, String phone, List<SpecialGroupResponse> specialGroups,
                             boolean keyHousehold, String linkedMemberId, List<Household.Revisit> revisits,
                             Instant createdAt, Instant updatedAt, Long version) {

        /** The phone in full only when {@code phoneVisible}, masked as 138****5678 otherwise. */
        static HouseholdResponse of(Household household, boolean phoneVisible) {
            if (phoneVisible && household.phone() != null) {
                UnmaskedReads.record(null, "household", household.id(), "phone"); // the head has no known account
            }
            return new HouseholdResponse(household.id(), household.buildingId(), household.buildingUnit(),
                    household.room(), household.gridId(), household.residents(), household.headName(),
                    phoneVisible ? household.phone() : Household.masked(household.phone()),
                    household.specialGroups().stream().sorted()
                            .map(group -> new SpecialGroupResponse(group, group.label())).toList(),
                    household.isKey(), household.linkedMemberId(), household.revisits(), household.createdAt(),
                    household.updatedAt(), household.version());
        }
    }
}
