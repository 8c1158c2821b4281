package org.linli.property.focus;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.linli.platform.web.Caller;
import org.linli.platform.web.OriginalTime;
import org.linli.platform.web.Roles;
import org.linli.property.patrol.Patrols;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpStatus;
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

@Tag(name = "Focus list", description = "重点关注名单: complaints in a rolling window, rectification plans, third-party acceptance")
@RestController
@RequestMapping("/api/v1/compounds")
class FocusController {

    private static final String ACTORS = "hasAnyRole(" + Roles.ADMIN_LIST + ",'" + Roles.DEPARTMENT_STAFF + "','"
            + Roles.PROPERTY_STAFF + "')";

    private final FocusService service;
    private final Patrols patrols;

    FocusController(FocusService service, Patrols patrols) {
        this.service = service;
        this.patrols = patrols;
    }

    @Operation(summary = "Register a complaint about a compound from another channel (e.g. the 12345 hotline)",
            description = "Roles: admins and DEPARTMENT_STAFF covering the compound (403). Residents' issues arrive "
                    + "from issue-service by themselves. The compound enters the focus list when its complaints in the "
                    + "rolling window pass the threshold (linli.property.focus). receivedAt (optional): when the other "
                    + "channel received it, counted on that day; only county-wide accounts (403 otherwise); within "
                    + "linli.intake.max-backdate (400 days) and not in the future beyond linli.intake.clock-skew "
                    + "(5 minutes), else 400 invalid-request naming receivedAt.")
    @PostMapping("/{id}/complaints")
    @PreAuthorize(Roles.ADMINS_AND_DEPARTMENTS)
    ResponseEntity<FocusService.FocusState> complain(Caller caller, @PathVariable String id,
                                                     @Valid @RequestBody ComplaintRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(service.register(caller, id, request.channel(),
                request.category(), request.receivedAt()));
    }

    @Operation(summary = "A compound's complaints in the rolling window, newest first, against the threshold",
            description = "Who may see the compound (403), 404 unknown compound. A resident's issue is one complaint "
                    + "with the issue's id (channel ISSUE); at most ?limit (1-200, default 50) are listed, "
                    + "complaintsInWindow counts them all.")
    @GetMapping("/{id}/complaints")
    @PreAuthorize(ACTORS)
    FocusService.Complaints complaints(Caller caller, @PathVariable String id,
                                       @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        return service.complaints(caller, id, limit);
    }

    @Operation(summary = "Compounds on the focus list",
            description = "Admins and DEPARTMENT_STAFF within their scope; PROPERTY_STAFF for the compounds their "
                    + "company serves. Paged.")
    @GetMapping("/focus-list")
    @PreAuthorize(ACTORS)
    PagedModel<FocusResponse> list(Caller caller, Pageable pageable) {
        return new PagedModel<>(service.list(caller, pageable).map(this::response));
    }

    @Operation(summary = "A compound's focus-list record: every stay with its plan and acceptances",
            description = "Who may see the compound (403); 404 when it was never on the list. patrolUnit: the "
                    + "city unit assigned to the compound today (包保), with its next patrol's due day.")
    @GetMapping("/{id}/focus")
    @PreAuthorize(ACTORS)
    FocusResponse get(Caller caller, @PathVariable String id) {
        return response(service.get(caller, id));
    }

    @Operation(summary = "Set the rectification plan of a compound on the focus list",
            description = "Admins covering it, or PROPERTY_STAFF of the company serving it (403). 422 not-on-focus-list, "
                    + "empty-plan, invalid-plan-item (deadline before today).")
    @PutMapping("/{id}/focus/plan")
    @PreAuthorize(ACTORS)
    FocusResponse plan(Caller caller, @PathVariable String id, @Valid @RequestBody PlanRequest request) {
        return response(service.plan(caller, id, request.items().stream()
                .map(item -> new FocusEntry.PlanItem(item.description(), item.deadline(), null)).toList()));
    }

    @Operation(summary = "Mark a plan item (0-based index) done",
            description = "As the plan (403). 422 not-on-focus-list, unknown-plan-item.")
    @PostMapping("/{id}/focus/plan/items/{index}/completion")
    @PreAuthorize(ACTORS)
    FocusResponse complete(Caller caller, @PathVariable String id, @PathVariable @PositiveOrZero int index) {
        return response(service.complete(caller, id, index));
    }

    @Operation(summary = "Record the third-party acceptance of the rectification; passed, the compound leaves the list",
            description = "Admins and DEPARTMENT_STAFF covering the compound (403). 422 not-on-focus-list, "
                    + "plan-not-complete, acceptance-in-future, supervisor-sign-off-missing (a passing acceptance needs "
                    + "a resident property supervisor's sign-off filed since the last acceptance: POST "
                    + "/api/v1/compounds/{id}/focus/supervision-records with signOff).")
    @PostMapping("/{id}/focus/acceptance")
    @PreAuthorize(Roles.ADMINS_AND_DEPARTMENTS)
    FocusResponse accept(Caller caller, @PathVariable String id, @Valid @RequestBody AcceptanceRequest request) {
        return response(service.accept(caller, id, request.acceptedOn(), request.acceptor(), request.passed(),
                request.reportRef()));
    }

    /** The entry with the 包保 unit answering for the compound today. */
    private FocusResponse response(FocusEntry entry) {
        return new FocusResponse(entry.compoundId(), entry.compoundName(), entry.onList(),
                patrols.assignedUnit(entry.compoundId()).orElse(null), entry.stays(), entry.version());
    }

    record ComplaintRequest(@NotBlank @Size(max = 30) String channel, @Size(max = 60) String category,
                            @OriginalTime Instant receivedAt) {
    }

    record PlanItemRequest(@NotBlank @Size(max = FocusEntry.MAX_TEXT) String description, @NotNull LocalDate deadline) {
    }

    record PlanRequest(@NotEmpty @Size(max = 30) List<@Valid PlanItemRequest> items) {
    }

    record AcceptanceRequest(@NotNull LocalDate acceptedOn, @NotBlank @Size(max = 100) String acceptor,
                             @NotNull Boolean passed, @Size(max = 300) String reportRef) {
    }

    /** A focus-list record; {@code patrolUnit}: the city unit answering for the compound today (包保), if any. */
    record FocusResponse(String compoundId, String compoundName, boolean onFocusList, Patrols.AssignedUnit patrolUnit,
                         List<FocusEntry.Stay> stays, Long version) {
    }
}
