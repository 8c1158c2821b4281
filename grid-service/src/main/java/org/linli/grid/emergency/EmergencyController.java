package org.linli.grid.emergency;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.linli.grid.emergency.Emergency.Kind;
import org.linli.grid.emergency.Emergency.Outcome;
import org.linli.grid.emergency.Emergency.Phase;
import org.linli.grid.emergency.Emergency.Site;
import org.linli.grid.emergency.Emergency.TimelineEntry;
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

@Tag(name = "Emergencies", description = "突发事件: declared on grids, each grid's worker the on-site commander, a "
        + "timeline of updates, closed with an outcome; handling figures per grid")
@RestController
@RequestMapping("/api/v1/emergencies")
class EmergencyController {

    private final EmergencyService service;

    EmergencyController(EmergencyService service) {
        this.service = service;
    }

    @Operation(summary = "Declare an emergency on one or more grids",
            description = "Roles: admins covering every grid's community (403). Each grid's active grid worker (or "
                    + "alley chief) becomes its on-site commander; a grid without one has none. 404 unknown grid; "
                    + "422 invalid-emergency-title, invalid-emergency-grids (1 to 50, each once), invalid-emergency-note. "
                    + "Honours Idempotency-Key. Publishes EmergencyDeclared.")
    @PostMapping
    @PreAuthorize(Roles.ADMINS)
    ResponseEntity<EmergencyResponse> declare(Caller caller, @Valid @RequestBody DeclareRequest request) {
        Emergency emergency = service.declare(caller, request.kind(), request.title(), request.gridIds(),
                request.note());
        return ResponseEntity.created(URI.create("/api/v1/emergencies/" + emergency.id()))
                .body(EmergencyResponse.of(emergency));
    }

    @Operation(summary = "Read an emergency with its sites, commanders and timeline",
            description = "Roles: admins and GRID_WORKER covering one of its communities (403); 404 unknown id.")
    @GetMapping("/{id}")
    @PreAuthorize(Roles.STAFF)
    EmergencyResponse get(Caller caller, @PathVariable String id) {
        return EmergencyResponse.of(service.get(caller, id));
    }

    @Operation(summary = "List emergencies touching the caller's scope, newest first",
            description = "Roles: admins and GRID_WORKER; paged; ?gridId= (its subtree; 403/404), ?status=ACTIVE|CLOSED.")
    @GetMapping
    @PreAuthorize(Roles.STAFF)
    PagedModel<EmergencyResponse> list(Caller caller, @RequestParam(required = false) String gridId,
                                       @RequestParam(required = false) Emergency.Status status, Pageable pageable) {
        return new PagedModel<>(service.list(caller, gridId, status, pageable).map(EmergencyResponse::of));
    }

    @Operation(summary = "Post a status update to the timeline",
            description = "Roles: admins covering every grid of the incident, or one of its commanders (403). phase "
                    + "ON_SITE (names gridId; the first report marks the site reached), HANDLING or CONTAINED. 422 "
                    + "invalid-emergency-phase, grid-not-in-emergency, emergency-closed; 409 stale version.")
    @PostMapping("/{id}/updates")
    @PreAuthorize(Roles.STAFF)
    EmergencyResponse update(Caller caller, @PathVariable String id, @Valid @RequestBody UpdateRequest request) {
        return EmergencyResponse.of(service.update(caller, id, request.phase(), request.gridId(), request.note(),
                request.version()));
    }

    @Operation(summary = "Close the emergency with its outcome",
            description = "Roles: admins covering every grid of the incident (403). outcome CONTAINED, RESOLVED or "
                    + "ESCALATED_TO_COUNTY; initialHandlingSucceeded says whether the first on-site handling contained "
                    + "it. 422 emergency-closed; 409 stale version. Publishes EmergencyClosed.")
    @PostMapping("/{id}/closure")
    @PreAuthorize(Roles.ADMINS)
    EmergencyResponse close(Caller caller, @PathVariable String id, @Valid @RequestBody CloseRequest request) {
        return EmergencyResponse.of(service.close(caller, id, request.outcome(), request.initialHandlingSucceeded(),
                request.note(), request.version()));
    }

    @Operation(summary = "Handling figures of a grid subtree: on-site handling and initial-handling success",
            description = "Roles: admins and GRID_WORKER covering the grid's community (403); 404 unknown grid. Rates "
                    + "are 0..1 and null when there is nothing to divide by.")
    @GetMapping("/statistics")
    @PreAuthorize(Roles.STAFF)
    EmergencyStatistics statistics(Caller caller, @RequestParam String gridId) {
        return service.statistics(caller, gridId);
    }

    record DeclareRequest(@NotNull Kind kind, @NotBlank @Size(max = Emergency.MAX_TITLE_LENGTH) String title,
                          @NotEmpty @Size(max = Emergency.MAX_GRIDS) List<@NotBlank @Size(max = 64) String> gridIds,
                          @Size(max = Emergency.MAX_NOTE_LENGTH) String note) {
    }

    record UpdateRequest(@NotNull Phase phase, @Size(max = 64) String gridId,
                         @Size(max = Emergency.MAX_NOTE_LENGTH) String note, @NotNull Long version) {
    }

    record CloseRequest(@NotNull Outcome outcome, @NotNull Boolean initialHandlingSucceeded,
                        @Size(max = Emergency.MAX_NOTE_LENGTH) String note, @NotNull Long version) {
    }

    record SiteResponse(String gridId, String gridName, String commanderAppointmentId, String commanderName,
                        Instant onSiteAt, Duration timeToSite) {
    }

    record EmergencyResponse(String id, Kind kind, String title, Emergency.Status status, List<SiteResponse> sites,
                             List<TimelineEntry> timeline, Outcome outcome, Boolean initialHandlingSucceeded,
                             String declaredBy, Instant declaredAt, Instant closedAt, Long version) {

        static EmergencyResponse of(Emergency emergency) {
            List<SiteResponse> sites = emergency.sites().stream().map((Site site) -> new SiteResponse(site.gridId(),
                    site.gridName(), site.commanderAppointmentId(), site.commanderName(), site.onSiteAt(),
                    site.timeToSite(emergency.declaredAt()))).toList();
            return new EmergencyResponse(emergency.id(), emergency.kind(), emergency.title(), emergency.status(), sites,
                    emergency.timeline(), emergency.outcome(), emergency.initialHandlingSucceeded(),
                    emergency.declaredBy(), emergency.declaredAt(), emergency.closedAt(), emergency.version());
        }
    }
}
