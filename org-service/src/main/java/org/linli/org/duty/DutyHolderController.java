package org.linli.org.duty;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import org.linli.platform.web.Caller;
import org.linli.platform.web.Roles;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Duty holders (履职人员)", description = "Who holds a duty role in which unit, so that a quota applies "
        + "to them and their duties count.")
@RestController
@RequestMapping("/api/v1/duty-holders")
class DutyHolderController {

    private final DutyService service;

    DutyHolderController(DutyService service) {
        this.service = service;
    }

    @Operation(summary = "Name an account the holder of a duty role in a unit",
            description = "Roles: admins; the unit in the caller's scope (403; 404 unknown unit or account). One per "
                    + "account and role (409 already-exists). The nearest quota for the role above the unit applies.")
    @PostMapping
    @PreAuthorize(Roles.ADMINS)
    ResponseEntity<HolderResponse> assignDutyHolder(Caller caller, @Valid @RequestBody AssignRequest request) {
        DutyAssignment holder = service.assign(caller, request.accountId(), request.role(), request.unitId());
        return ResponseEntity.created(URI.create("/api/v1/duty-holders/" + holder.id()))
                .body(HolderResponse.of(holder));
    }

    @Operation(summary = "Duty holders in the caller's scope",
            description = "Roles: admins. Paged; ?unitId= (the unit and below; 403 outside the scope).")
    @GetMapping
    @PreAuthorize(Roles.ADMINS)
    PagedModel<HolderResponse> listDutyHolders(Caller caller, @RequestParam(required = false) String unitId,
                                               Pageable pageable) {
        return new PagedModel<>(service.holders(caller, unitId, pageable).map(HolderResponse::of));
    }

    record AssignRequest(@NotBlank @Size(max = 64) String accountId, @NotNull DutyRole role,
                         @NotBlank @Size(max = 64) String unitId) {
    }

    record HolderResponse(String id, String accountId, String name, DutyRole role, String roleLabel, String unitId,
                          Instant assignedAt) {

        static HolderResponse of(DutyAssignment a) {
            return new HolderResponse(a.id(), a.accountId(), a.name(), a.role(), a.role().label(), a.unitId(),
                    a.assignedAt());
        }
    }
}
