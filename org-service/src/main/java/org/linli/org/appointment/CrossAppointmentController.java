package org.linli.org.appointment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import org.linli.org.appointment.CrossAppointment.NewAppointment;
import org.linli.platform.web.Caller;
import org.linli.platform.web.Roles;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Cross-appointments", description = "双向进入、交叉任职: who holds which role in which community committee, "
        + "owners' committee or property company, and when")
@RestController
@RequestMapping("/api/v1/appointments")
@PreAuthorize(Roles.ADMINS)
class CrossAppointmentController {

    private final CrossAppointmentService service;

    CrossAppointmentController(CrossAppointmentService service) {
        this.service = service;
    }

    @Operation(summary = "Register a cross-appointment under a community",
            description = "Roles: COMMUNITY_ADMIN, STREET_ADMIN, COUNTY_ADMIN whose scope covers the community (else 403). "
                    + "A COMMUNITY_COMMITTEE body is the community itself, an OWNERS_COMMITTEE body one of its committees; "
                    + "a PROPERTY_COMPANY body is property-service's id (companyId defaults to it). Errors: 400 invalid body; "
                    + "422 invalid-community, invalid-appointment-body, appointment-end-not-after-start.")
    @PostMapping
    ResponseEntity<AppointmentResponse> create(Caller caller, @Valid @RequestBody CreateAppointmentRequest request) {
        CrossAppointment appointment = service.create(caller, new NewAppointment(request.personName(),
                request.personRef(), request.role(), request.bodyKind(), request.bodyId(), request.companyId(),
                request.communityUnitId(), request.startsOn(), request.endsOn()));
        return ResponseEntity.created(URI.create("/api/v1/appointments/" + appointment.id()))
                .body(AppointmentResponse.of(appointment));
    }

    @Operation(summary = "Read a cross-appointment", description = "Roles: admins; 403 outside the scope, 404 unknown id.")
    @GetMapping("/{id}")
    AppointmentResponse get(Caller caller, @PathVariable String id) {
        return AppointmentResponse.of(service.get(caller, id));
    }

    @Operation(summary = "End a cross-appointment, or bring its planned end forward",
            description = "Roles: admins covering its community (else 403). Errors: 400, 404, 409 stale version; "
                    + "422 appointment-already-ended, appointment-end-not-after-start.")
    @PostMapping("/{id}/end")
    AppointmentResponse end(Caller caller, @PathVariable String id, @Valid @RequestBody EndAppointmentRequest request) {
        return AppointmentResponse.of(service.end(caller, id, request.version(), request.endsOn()));
    }

    @Operation(summary = "List cross-appointments in the caller's scope",
            description = "Roles: admins; paged. Filters: ?personName= (exact), ?bodyId=, ?companyId=, "
                    + "?activeOn=2026-11-21 (held on that day).")
    @GetMapping
    PagedModel<AppointmentResponse> list(Caller caller, @RequestParam(required = false) String personName,
                                         @RequestParam(required = false) String bodyId,
                                         @RequestParam(required = false) String companyId,
                                         @RequestParam(required = false)
                                         @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate activeOn,
                                         Pageable pageable) {
        return new PagedModel<>(service.list(caller,
                new CrossAppointmentService.Filter(personName, bodyId, companyId, activeOn), pageable)
                .map(AppointmentResponse::of));
    }

    record CreateAppointmentRequest(@NotBlank @Size(max = 50) String personName, @Size(max = 64) String personRef,
                                    @NotBlank @Size(max = 50) String role, @NotNull BodyKind bodyKind,
                                    @NotBlank @Size(max = 64) String bodyId, @Size(max = 64) String companyId,
                                    @NotBlank @Size(max = 64) String communityUnitId, @NotNull LocalDate startsOn,
                                    LocalDate endsOn) {
    }

    record EndAppointmentRequest(@NotNull Long version, @NotNull LocalDate endsOn) {
    }

    record AppointmentResponse(String id, String personName, String personRef, String role, BodyKind bodyKind,
                               String bodyKindLabel, String bodyId, String companyId, String communityUnitId,
                               LocalDate startsOn, LocalDate endsOn, Instant createdAt, Long version) {

        static AppointmentResponse of(CrossAppointment appointment) {
            return new AppointmentResponse(appointment.id(), appointment.personName(), appointment.personRef(),
                    appointment.role(), appointment.bodyKind(), appointment.bodyKind().label(), appointment.bodyId(),
                    appointment.companyId(), appointment.communityUnitId(), appointment.startsOn(),
                    appointment.endsOn(), appointment.createdAt(), appointment.version());
        }
    }
}
