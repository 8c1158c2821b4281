package org.linli.property.supervision;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.linli.platform.web.Caller;
import org.linli.platform.web.Roles;
import org.linli.property.focus.FocusEntry;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Property supervisors", description = "物业监督员: residents appointed per compound who supervise rectifications")
@RestController
@RequestMapping("/api/v1/compounds/{id}")
class SupervisionController {

    private static final String RESIDENTS = "hasRole('" + Roles.RESIDENT + "')";

    private final Supervision supervision;

    SupervisionController(Supervision supervision) {
        this.supervision = supervision;
    }

    @Operation(summary = "Appoint a resident as the compound's property supervisor (物业监督员)",
            description = "Roles: COUNTY_ADMIN, STREET_ADMIN, COMMUNITY_ADMIN covering the compound (403); departments "
                    + "do not appoint. accountId: the resident's Linli account (they file records with it). A dismissed "
                    + "supervisor may be appointed again. 422 already-supervisor.")
    @PostMapping("/supervisors")
    @PreAuthorize(Roles.ADMINS)
    ResponseEntity<SupervisorResponse> appoint(Caller caller, @PathVariable String id,
                                               @Valid @RequestBody AppointRequest request) {
        Supervisor supervisor = supervision.appoint(caller, id, request.accountId(), request.name());
        return ResponseEntity.created(URI.create("/api/v1/compounds/" + id + "/supervisors"))
                .body(SupervisorResponse.of(supervisor));
    }

    @Operation(summary = "Dismiss a property supervisor of the compound",
            description = "Roles: as appointing (403). 404 never appointed; 422 not-a-supervisor (already dismissed).")
    @PostMapping("/supervisors/{accountId}/dismissal")
    @PreAuthorize(Roles.ADMINS)
    SupervisorResponse dismiss(Caller caller, @PathVariable String id, @PathVariable String accountId) {
        return SupervisorResponse.of(supervision.dismiss(caller, id, accountId));
    }

    @Operation(summary = "The compound's property supervisors, appointed ones first",
            description = "Roles: admins and DEPARTMENT_STAFF who may see the compound (403); 404 unknown compound.")
    @GetMapping("/supervisors")
    @PreAuthorize(Roles.ADMINS_AND_DEPARTMENTS)
    List<SupervisorResponse> list(Caller caller, @PathVariable String id) {
        return supervision.of(caller, id).stream().map(SupervisorResponse::of).toList();
    }

    @Operation(summary = "File a supervision record on the compound's rectification; signOff confirms it is done",
            description = "planItem: the 0-based plan item the note is about (absent: the whole). A sign-off needs "
                    + "every plan item done and counts for the next third-party acceptance, which, to pass, needs one "
                    + "filed since the last acceptance. Roles: RESIDENT appointed as a supervisor of this compound "
                    + "(403 for anyone else, e.g. a supervisor of another compound). 422 not-on-focus-list, "
                    + "unknown-plan-item, plan-not-complete (a sign-off before every item is done).")
    @PostMapping("/focus/supervision-records")
    @PreAuthorize(RESIDENTS)
    ResponseEntity<SupervisionResponse> file(Caller caller, @PathVariable String id,
                                             @Valid @RequestBody RecordRequest request) {
        FocusEntry entry = supervision.file(caller, id, request.note(), request.planItem(),
                Boolean.TRUE.equals(request.signOff()));
        FocusEntry.Stay stay = entry.stays().get(entry.stays().size() - 1);
        return ResponseEntity.status(201).body(new SupervisionResponse(entry.compoundId(), stay.number(),
                stay.supervision()));
    }

    record AppointRequest(@NotBlank @Size(max = 64) String accountId,
                          @NotBlank @Size(max = Supervisor.MAX_NAME) String name) {
    }

    record RecordRequest(@NotBlank @Size(max = FocusEntry.MAX_TEXT) String note, @PositiveOrZero Integer planItem,
                         Boolean signOff) {
    }

    record SupervisorResponse(String compoundId, String accountId, String name, LocalDate appointedOn,
                              LocalDate dismissedOn, boolean appointed, Long version) {

        static SupervisorResponse of(Supervisor supervisor) {
            return new SupervisorResponse(supervisor.compoundId(), supervisor.accountId(), supervisor.name(),
                    supervisor.appointedOn(), supervisor.dismissedOn(), supervisor.active(), supervisor.version());
        }
    }

    /** The supervision records of the compound's current stay on the focus list. */
    record SupervisionResponse(String compoundId, int stay, List<FocusEntry.SupervisionRecord> records) {
    }
}
