package org.linli.grid.worker;

import org.linli.platform.audit.UnmaskedReads;
import org.linli.platform.domain.MobileNumber;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.List;
import org.linli.grid.worker.GridWorker.Appointee;
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

@Tag(name = "Grid workers", description = "网格员/微网格员 and 红色巷长: appointment, rotation 轮换, assessment 考评, "
        + "annual rating, emergency duty and monthly stipends (all money in fen)")
@RestController
@RequestMapping("/api/v1/grid-workers")
class GridWorkerController {

    private static final String MONTH = "^\\d{4}-(0[1-9]|1[0-2])$";
    private static final String PERIOD = "^\\d{4}(-(Q[1-4]|H[12]|0[1-9]|1[0-2]))?$";
    private static final String PHONE = MobileNumber.FORMAT;

    private final GridWorkerService service;

    GridWorkerController(GridWorkerService service) {
        this.service = service;
    }

    @Operation(summary = "Appoint a grid worker (网格员/微网格员) or an alley chief (红色巷长) to a grid",
            description = "Roles: COUNTY_ADMIN, STREET_ADMIN, COMMUNITY_ADMIN whose scope covers the grid's community "
                    + "(403). One active appointment per role and grid: 422 grid-has-worker (rotate through "
                    + "/{id}/replacement instead); 422 invalid-person-name; 400 invalid fields; 404 unknown grid. "
                    + "from defaults to today in the county's zone. Publishes GridWorkerAppointed.")
    @PostMapping
    @PreAuthorize(Roles.ADMINS)
    ResponseEntity<WorkerResponse> appoint(Caller caller, @Valid @RequestBody AppointRequest request) {
        GridWorker worker = service.appoint(caller, request.gridId(), request.role(), request.appointee(),
                request.from());
        return ResponseEntity.created(URI.create("/api/v1/grid-workers/" + worker.id()))
                .body(WorkerResponse.of(worker, caller));
    }

    @Operation(summary = "Read an appointment, with its assessments, ratings and emergency duty",
            description = "Roles: admins and GRID_WORKER whose scope covers the grid's community (403); 404 unknown "
                    + "id. The phone number is masked except for admins.")
    @GetMapping("/{id}")
    @PreAuthorize(Roles.STAFF)
    WorkerResponse get(Caller caller, @PathVariable String id) {
        return WorkerResponse.of(service.get(caller, id), caller);
    }

    @Operation(summary = "List appointments in the caller's scope",
            description = "Roles: admins and GRID_WORKER; paged (?page, ?size ≤ 200, ?sort); ?gridId= (403 outside the "
                    + "scope, 404 unknown grid), ?role=GRID_WORKER|ALLEY_CHIEF, ?active=true|false.")
    @GetMapping
    @PreAuthorize(Roles.STAFF)
    PagedModel<WorkerResponse> list(Caller caller, @RequestParam(required = false) String gridId,
                                    @RequestParam(required = false) WorkerRole role,
                                    @RequestParam(required = false) Boolean active, Pageable pageable) {
        return new PagedModel<>(service.list(caller, gridId, role, active, pageable)
                .map(worker -> WorkerResponse.of(worker, caller)));
    }

    @Operation(summary = "Rotate (轮换): end this appointment and appoint a successor to the same grid and role",
            description = "Roles: admins covering the grid's community (403). The current appointment ends the day "
                    + "before `on` (default today) and stays as history; the successor starts on `on`. Two saves, "
                    + "not one transaction: should the second fail, the grid has no active worker until appointed "
                    + "again. 422 appointment-ended, invalid-end-date (on not after the first day), invalid-person-name; "
                    + "409 stale version; 404 unknown id. Publishes GridWorkerAppointed and GridWorkerReplaced.")
    @PostMapping("/{id}/replacement")
    @PreAuthorize(Roles.ADMINS)
    ResponseEntity<WorkerResponse> replace(Caller caller, @PathVariable String id,
                                           @Valid @RequestBody ReplacementRequest request) {
        GridWorker successor = service.replace(caller, id, request.appointee(), request.on(), request.version());
        return ResponseEntity.created(URI.create("/api/v1/grid-workers/" + successor.id()))
                .body(WorkerResponse.of(successor, caller));
    }

    @Operation(summary = "End an appointment",
            description = "Roles: admins covering the grid's community (403). lastDay defaults to today. "
                    + "422 appointment-ended, invalid-end-date (before the first day); 409 stale version; 404 unknown id.")
    @PostMapping("/{id}/end")
    @PreAuthorize(Roles.ADMINS)
    WorkerResponse end(Caller caller, @PathVariable String id, @Valid @RequestBody EndRequest request) {
        return WorkerResponse.of(service.end(caller, id, request.lastDay(), request.version()), caller);
    }

    @Operation(summary = "Record a periodic assessment (考评): period, score 0..100, outcome REWARD/RETAIN/REPLACE",
            description = "Roles: admins covering the grid's community (403). REPLACE marks the appointment "
                    + "replacementDue. 422 invalid-score, already-assessed (one per period); 400 invalid period "
                    + "(2026, 2026-H1, 2026-Q3 or 2026-07); 409 stale version; 404 unknown id.")
    @PostMapping("/{id}/assessments")
    @PreAuthorize(Roles.ADMINS)
    WorkerResponse assess(Caller caller, @PathVariable String id, @Valid @RequestBody AssessmentRequest request) {
        return WorkerResponse.of(service.assess(caller, id, request.period(), request.score(), request.outcome(),
                request.note(), request.version()), caller);
    }

    @Operation(summary = "Record an alley chief's annual rating (优秀/称职/不称职)",
            description = "Roles: admins covering the grid's community (403). INCOMPETENT marks the appointment "
                    + "replacementDue. 422 not-an-alley-chief, already-rated (one per year); 409 stale version; "
                    + "404 unknown id.")
    @PostMapping("/{id}/ratings")
    @PreAuthorize(Roles.ADMINS)
    WorkerResponse rate(Caller caller, @PathVariable String id, @Valid @RequestBody RatingRequest request) {
        return WorkerResponse.of(service.rate(caller, id, Year.of(request.year()), request.rating(),
                request.version()), caller);
    }

    @Operation(summary = "Set the emergency duty days served in a month",
            description = "Roles: admins covering the grid's community (403). Replaces an earlier figure for the "
                    + "month. 422 invalid-emergency-days (more than the month has), not-serving-in-month; 400 invalid "
                    + "month (2026-11); 409 stale version; 404 unknown id.")
    @PostMapping("/{id}/emergency-days")
    @PreAuthorize(Roles.ADMINS)
    WorkerResponse emergencyDays(Caller caller, @PathVariable String id,
                                 @Valid @RequestBody EmergencyDaysRequest request) {
        return WorkerResponse.of(service.recordEmergencyDays(caller, id, YearMonth.parse(request.month()),
                request.days(), request.version()), caller);
    }

    @Operation(summary = "One appointment's stipend statement for a month (fen)",
            description = "Roles: admins and GRID_WORKER covering the grid's community (403); 404 unknown id; "
                    + "400 invalid month. Base = the tier of the grid's current resident population × active days / "
                    + "days in the month, rounded down to the fen; plus emergency days × the daily subsidy.")
    @GetMapping("/{id}/stipends/{month}")
    @PreAuthorize(Roles.STAFF)
    Stipends.Statement statement(Caller caller, @PathVariable String id,
                                 @PathVariable @Pattern(regexp = MONTH) String month) {
        return service.statement(caller, id, YearMonth.parse(month));
    }

    @Operation(summary = "A community's stipend statement for a month: one line per appointment serving in it, "
            + "and the total (fen)",
            description = "Roles: admins and GRID_WORKER covering the community (403); 404 unknown community; "
                    + "400 invalid month.")
    @GetMapping("/stipends")
    @PreAuthorize(Roles.STAFF)
    GridWorkerService.CommunityStatement communityStatement(Caller caller, @RequestParam @NotBlank String communityUnitId,
                                                            @RequestParam @Pattern(regexp = MONTH) String month) {
        return service.communityStatement(caller, communityUnitId, YearMonth.parse(month));
    }

    /** Who is appointed, as sent by a client. */
    record PersonRequest(@NotBlank @Size(max = GridWorker.MAX_NAME_LENGTH) String name,
                         @NotBlank @Pattern(regexp = PHONE) String phone, @NotNull WorkerSource source,
                         boolean partyMember, @Size(max = 64) String accountId) {

        Appointee appointee() {
            return new Appointee(name, phone, source, partyMember, accountId);
        }

        @Override
        public String toString() {
            return appointee().toString();
        }
    }

    record AppointRequest(@NotBlank @Size(max = 64) String gridId, @NotNull WorkerRole role,
                          @NotNull @Valid PersonRequest person, LocalDate from) {

        Appointee appointee() {
            return person.appointee();
        }
    }

    record ReplacementRequest(@NotNull @Valid PersonRequest person, LocalDate on, @NotNull Long version) {

        Appointee appointee() {
            return person.appointee();
        }
    }

    record EndRequest(LocalDate lastDay, @NotNull Long version) {
    }

    record AssessmentRequest(@NotBlank @Pattern(regexp = PERIOD) String period, @NotNull Integer score,
                             @NotNull AssessmentOutcome outcome, @Size(max = GridWorker.MAX_NOTE_LENGTH) String note,
                             @NotNull Long version) {
    }

    record RatingRequest(@NotNull @Min(2000) @Max(2100) Integer year, @NotNull AnnualRating rating,
                         @NotNull Long version) {
    }

    record EmergencyDaysRequest(@NotBlank @Pattern(regexp = MONTH) String month, @NotNull Integer days,
                                @NotNull Long version) {
    }

    record AssessmentResponse(String period, int score, AssessmentOutcome outcome, String outcomeLabel, String note,
                              Instant recordedAt) {

        static AssessmentResponse of(GridWorker.Assessment assessment) {
            return new AssessmentResponse(assessment.period(), assessment.score(), assessment.outcome(),
                    assessment.outcome().label(), assessment.note(), assessment.recordedAt());
        }
    }

    record RatingResponse(int year, AnnualRating rating, String ratingLabel, Instant recordedAt) {

        static RatingResponse of(GridWorker.Rating rating) {
            return new RatingResponse(rating.year(), rating.rating(), rating.rating().label(), rating.recordedAt());
        }
    }

    record WorkerResponse(String id, String gridId, WorkerRole role, String roleLabel, String personName, String phone,
                          WorkerSource source, String sourceLabel, boolean partyMember, String accountId,
                          String communityUnitId, LocalDate from, LocalDate to, GridWorker.Status status,
                          boolean replacementDue, List<AssessmentResponse> assessments, List<RatingResponse> ratings,
                          List<GridWorker.EmergencyDuty> emergencyDuty, Instant createdAt, Instant updatedAt,
                          Long version) {

        /** The full phone number only for admins (who reach this only when covering the grid's community). */
        static WorkerResponse of(GridWorker worker, Caller caller) {
            boolean admin = caller.hasRole(Roles.COUNTY_ADMIN) || caller.hasRole(Roles.STREET_ADMIN)
                    || caller.hasRole(Roles.COMMUNITY_ADMIN);
            if (admin) {
                UnmaskedReads.record(worker.accountId(), "grid-worker", worker.id(), "phone");
            }
            return of(worker, admin);
        }

        static WorkerResponse of(GridWorker worker, boolean fullPhone) {
            return new WorkerResponse(worker.id(), worker.gridId(), worker.role(), worker.role().label(),
                    worker.personName(), fullPhone ? worker.phone() : worker.maskedPhone(), worker.source(),
                    worker.source().label(), worker.partyMember(), worker.accountId(), worker.communityUnitId(),
                    worker.from(), worker.to(), worker.status(), worker.replacementDue(),
                    worker.assessments().stream().map(AssessmentResponse::of).toList(),
                    worker.ratings().stream().map(RatingResponse::of).toList(), worker.emergencyDuty(),
                    worker.createdAt(), worker.updatedAt(), worker.version());
        }
    }
}
