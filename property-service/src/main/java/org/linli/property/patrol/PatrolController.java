package org.linli.property.patrol;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "包保 patrols", description = "包保: city units answering for difficult compounds, their patrols, overdue ones")
@RestController
@RequestMapping("/api/v1/patrol-assignments")
class PatrolController {

    private final Patrols patrols;

    PatrolController(Patrols patrols) {
        this.patrols = patrols;
    }

    @Operation(summary = "Assign a dual-registration unit to a difficult compound (包保) for a period",
            description = "Roles: COUNTY_ADMIN, STREET_ADMIN covering the compound (403). everyDays: a patrol is due at "
                    + "least every so many days (1-92). 422 unknown-dual-registration-unit (no DualRegistrationUnitRegistered "
                    + "from org-service), invalid-assignment-period, invalid-patrol-frequency, overlapping-assignment "
                    + "(one unit per compound at a time).")
    @PostMapping
    @PreAuthorize(Roles.STREET_AND_COUNTY_ADMINS)
    ResponseEntity<AssignmentResponse> assign(Caller caller, @Valid @RequestBody AssignRequest request) {
        PatrolAssignment assignment = patrols.assign(caller, request.compoundId(), request.unitId(), request.startsOn(),
                request.endsOn(), request.everyDays());
        return ResponseEntity.created(URI.create("/api/v1/patrol-assignments/" + assignment.id()))
                .body(AssignmentResponse.of(assignment, patrols));
    }

    @Operation(summary = "A 包保 assignment with its patrols",
            description = "Roles: admins and DEPARTMENT_STAFF whose scope covers the compound (403); 404 unknown.")
    @GetMapping("/{id}")
    @PreAuthorize(Roles.ADMINS_AND_DEPARTMENTS)
    AssignmentResponse get(Caller caller, @PathVariable String id) {
        return AssignmentResponse.of(patrols.get(caller, id), patrols);
    }

    @Operation(summary = "A compound's 包保 assignments, newest first",
            description = "Roles: admins and DEPARTMENT_STAFF covering the compound (403); 404 unknown compound.")
    @GetMapping
    @PreAuthorize(Roles.ADMINS_AND_DEPARTMENTS)
    List<AssignmentResponse> ofCompound(Caller caller, @RequestParam String compoundId) {
        return patrols.ofCompound(caller, compoundId).stream().map(a -> AssignmentResponse.of(a, patrols)).toList();
    }

    @Operation(summary = "Record a patrol (巡查) of the compound with its findings",
            description = "Roles: admins and DEPARTMENT_STAFF covering the compound (403). 422 patrol-in-future, "
                    + "patrol-outside-assignment.")
    @PostMapping("/{id}/patrols")
    @PreAuthorize(Roles.ADMINS_AND_DEPARTMENTS)
    ResponseEntity<AssignmentResponse> patrol(Caller caller, @PathVariable String id,
                                              @Valid @RequestBody PatrolRequest request) {
        PatrolAssignment assignment = patrols.recordPatrol(caller, id, request.patrolledOn(), request.patrollers(),
                request.findings(), Boolean.TRUE.equals(request.problemsFound()));
        return ResponseEntity.status(201).body(AssignmentResponse.of(assignment, patrols));
    }

    @Operation(summary = "The street's dashboard of overdue patrols: assignments in force whose next patrol was due "
            + "before today", description = "Roles: admins and DEPARTMENT_STAFF; ?unitId= (\"county\" or absent: the "
            + "caller's own scope) must lie in the caller's scope (403); 422 unknown-unit. Longest overdue first; paged.")
    @GetMapping("/overdue")
    @PreAuthorize(Roles.ADMINS_AND_DEPARTMENTS)
    PagedModel<AssignmentResponse> overdue(Caller caller, @RequestParam(required = false) String unitId,
                                           Pageable pageable) {
        return new PagedModel<>(patrols.overdue(caller, unitId, pageable).map(a -> AssignmentResponse.of(a, patrols)));
    }

    record AssignRequest(@NotBlank @Size(max = 64) String compoundId, @NotBlank @Size(max = 64) String unitId,
                         @NotNull LocalDate startsOn, @NotNull LocalDate endsOn, @NotNull Integer everyDays) {
    }

    record PatrolRequest(@NotNull LocalDate patrolledOn, @NotBlank @Size(max = 200) String patrollers,
                         @NotBlank @Size(max = PatrolAssignment.MAX_TEXT) String findings, Boolean problemsFound) {
    }

    record AssignmentResponse(String id, String compoundId, String compoundName, String unitId, String unitName,
                              LocalDate startsOn, LocalDate endsOn, int everyDays, LocalDate lastPatrolledOn,
                              LocalDate nextPatrolDueOn, boolean patrolOverdue, List<PatrolAssignment.Patrol> patrols,
                              Long version) {

        static AssignmentResponse of(PatrolAssignment assignment, Patrols patrols) {
            return new AssignmentResponse(assignment.id(), assignment.compoundId(), assignment.compoundName(),
                    assignment.unitId(), assignment.unitName(), assignment.startsOn(), assignment.endsOn(),
                    assignment.everyDays(), assignment.lastPatrolledOn(), assignment.nextPatrolDueOn(),
                    patrols.isOverdue(assignment), assignment.patrols(), assignment.version());
        }
    }
}
