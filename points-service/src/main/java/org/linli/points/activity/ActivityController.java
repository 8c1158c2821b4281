package org.linli.points.activity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.linli.platform.web.Caller;
import org.linli.platform.web.Roles;
import org.linli.points.activity.Activity.Participant;
import org.linli.points.scoring.ActivityType;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Activities", description = "志愿活动: launch, sign-up with a waiting list, check-in/out, attendance confirmed, "
        + "points credited once per attendee")
@RestController
@RequestMapping("/api/v1/activities")
class ActivityController {

    private final ActivityService service;

    ActivityController(ActivityService service) {
        this.service = service;
    }

    @Operation(summary = "Launch a volunteer activity in a community",
            description = "Roles: GRID_WORKER, COMMUNITY_ADMIN, STREET_ADMIN, COUNTY_ADMIN covering the community (403). "
                    + "pointsPerHour defaults to the community's scoring standard for the type. 422 invalid-schedule "
                    + "(ends after it starts, at most a day), invalid-capacity (1..500); 404 unknown community. The "
                    + "answer carries the check-in code for volunteers to check themselves in.")
    @PostMapping
    @PreAuthorize(Roles.STAFF)
    ResponseEntity<ActivityResponse> launch(Caller caller, @Valid @RequestBody LaunchRequest request) {
        Activity activity = service.launch(caller, request.communityUnitId(), request.title(), request.type(),
                request.place(), request.description(), request.startsAt(), request.endsAt(), request.capacity(),
                request.pointsPerHour(), request.gridId());
        return ResponseEntity.created(URI.create("/api/v1/activities/" + activity.id()))
                .body(ActivityResponse.of(activity, true, null));
    }

    @Operation(summary = "Activities", description = "Any signed-in person (activities are announced to residents). "
            + "Paged; ?communityUnitId=, ?status=OPEN|CONFIRMED|CANCELLED.")
    @GetMapping
    PagedModel<ActivityResponse> page(Caller caller, @RequestParam(required = false) String communityUnitId,
                                      @RequestParam(required = false) Activity.Status status, Pageable pageable) {
        return new PagedModel<>(service.page(communityUnitId, status, pageable)
                .map(activity -> ActivityResponse.of(activity, service.manages(caller, activity), caller.accountId())));
    }

    @Operation(summary = "Read an activity with its participants",
            description = "Any signed-in person; the check-in code only for its organiser and staff covering the "
                    + "community. 404.")
    @GetMapping("/{id}")
    ActivityResponse get(Caller caller, @PathVariable String id) {
        Activity activity = service.get(id);
        return ActivityResponse.of(activity, service.manages(caller, activity), caller.accountId());
    }

    @Operation(summary = "Sign up for an activity (the caller)",
            description = "Any signed-in person, until the activity ends (422 activity-ended: afterwards the "
                    + "organiser enrols attendees). SIGNED_UP while places are left, WAITING after (promoted in order "
                    + "when someone withdraws). 422 already-signed-up, activity-confirmed, activity-cancelled; 404.")
    @PostMapping("/{id}/sign-ups")
    ResponseEntity<ParticipantResponse> signUp(Caller caller, @PathVariable String id) {
        Participant participant = service.signUp(caller, id);
        return ResponseEntity.created(URI.create("/api/v1/activities/" + id)).body(ParticipantResponse.of(participant));
    }

    @Operation(summary = "Enrol a person in an activity (the organiser, also after the end)",
            description = "The organiser or staff covering the community (403): a past activity is recorded from its "
                    + "paper sheet this way. name defaults to the account holder's known name. Same places and waiting "
                    + "list as a sign-up. 422 already-signed-up, activity-confirmed, activity-cancelled; 404.")
    @PostMapping("/{id}/enrolments")
    ResponseEntity<ParticipantResponse> enrol(Caller caller, @PathVariable String id,
                                              @Valid @RequestBody EnrolmentRequest request) {
        Participant participant = service.enrol(caller, id, request.accountId(), request.name());
        return ResponseEntity.created(URI.create("/api/v1/activities/" + id)).body(ParticipantResponse.of(participant));
    }

    @Operation(summary = "Withdraw the caller's sign-up",
            description = "The signed-up person, before checking in. The first on the waiting list takes the place. "
                    + "422 not-signed-up, already-checked-in; 404.")
    @DeleteMapping("/{id}/sign-ups/me")
    ActivityResponse withdraw(Caller caller, @PathVariable String id) {
        Activity activity = service.withdraw(caller, id);
        return ActivityResponse.of(activity, service.manages(caller, activity), caller.accountId());
    }

    @Operation(summary = "Check in",
            description = "The organiser or staff covering the community: for accountId (default themselves), at "
                    + "(default now, never in the future). A volunteer: for themselves with the activity's code, now "
                    + "(403 when naming someone else or a time). 422 not-signed-up, already-checked-in, "
                    + "outside-activity-time (30 min before start to end), wrong-check-in-code, time-in-future. The "
                    + "organiser may record it again for a volunteer who disputed their hours (the check-out then "
                    + "again too).")
    @PostMapping("/{id}/check-ins")
    ActivityResponse checkIn(Caller caller, @PathVariable String id, @Valid @RequestBody AttendanceRequest request) {
        Activity activity = service.attend(caller, id, true, request.accountId(), request.code(), request.at());
        return ActivityResponse.of(activity, service.manages(caller, activity), caller.accountId());
    }

    @Operation(summary = "Check out: the minutes inside the scheduled time count",
            description = "Same callers as check-in. Recorded by the volunteer the hours are AGREED; by the organiser "
                    + "PENDING, standing unless the volunteer disputes them (PUT …/participants/me/hours). 422 "
                    + "not-checked-in, already-checked-out (unless the volunteer disputed: then recorded again), "
                    + "outside-activity-time (before check-in, or over two hours after the end).")
    @PostMapping("/{id}/check-outs")
    ActivityResponse checkOut(Caller caller, @PathVariable String id, @Valid @RequestBody AttendanceRequest request) {
        Activity activity = service.attend(caller, id, false, request.accountId(), request.code(), request.at());
        return ActivityResponse.of(activity, service.manages(caller, activity), caller.accountId());
    }

    @Operation(summary = "Agree to or dispute the hours recorded for the caller",
            description = "The volunteer, once checked out and before the organiser confirms. Hours the organiser "
                    + "recorded stand unless disputed; a disputed attendee is not credited (credit HOURS_DISPUTED) "
                    + "until the organiser records the check-in or check-out again. 422 not-signed-up, "
                    + "not-checked-out, reason-required (a dispute says what is wrong), activity-confirmed; 404.")
    @PutMapping("/{id}/participants/me/hours")
    ActivityResponse answerHours(Caller caller, @PathVariable String id, @Valid @RequestBody HoursRequest request) {
        Activity activity = service.answerHours(caller, id, request.agree(), request.reason());
        return ActivityResponse.of(activity, service.manages(caller, activity), caller.accountId());
    }

    @Operation(summary = "Confirm attendance: every attendee (checked in and out) is credited once",
            description = "The organiser or staff covering the community (403). Once the activity has started (422 "
                    + "not-started). Repeating it changes nothing and credits nothing twice (reference "
                    + "activity:<id>:<accountId>). Each participant's `credit` tells the outcome: CREDITED, "
                    + "CREDITED_CAPPED (daily cap), ALREADY_CREDITED, NOTHING_EARNED, REFUSED_BLACK_LISTED, "
                    + "REFUSED_DAILY_CAP, HOURS_DISPUTED (the volunteer disputed the hours: nothing credited). "
                    + "Publishes PointsCredited per credit.")
    @PostMapping("/{id}/confirmation")
    ActivityResponse confirm(Caller caller, @PathVariable String id) {
        return ActivityResponse.of(service.confirm(caller, id), true, null);
    }

    @Operation(summary = "Cancel an open activity", description = "The organiser or staff covering the community (403). "
            + "422 activity-confirmed, activity-cancelled.")
    @PostMapping("/{id}/cancellation")
    ActivityResponse cancel(Caller caller, @PathVariable String id) {
        return ActivityResponse.of(service.cancel(caller, id), true, null);
    }

    record LaunchRequest(@NotBlank @Size(max = 64) String communityUnitId, @NotBlank @Size(max = 100) String title,
                         @NotNull ActivityType type, @NotBlank @Size(max = 200) String place,
                         @Size(max = 1000) String description, @NotNull Instant startsAt, @NotNull Instant endsAt,
                         @NotNull @Min(1) @Max(Activity.MAX_CAPACITY) Integer capacity,
                         @Min(0) @Max(1000) Integer pointsPerHour, @Size(max = 64) String gridId) {
    }

    record EnrolmentRequest(@NotBlank @Size(max = 64) String accountId, @Size(max = 100) String name) {
    }

    record AttendanceRequest(@Size(max = 64) String accountId, @Size(max = 6) String code, Instant at) {
    }

    record HoursRequest(@NotNull Boolean agree, @Size(max = 500) String reason) {
    }

    record ParticipantResponse(String accountId, String name, Activity.ParticipantStatus status, Instant signedUpAt,
                               Instant checkedInAt, Instant checkedOutAt, int minutes, int points,
                               Activity.Hours hours, String disputeReason, String credit) {

        static ParticipantResponse of(Participant p) {
            return new ParticipantResponse(p.accountId(), p.name(), p.status(), p.signedUpAt(), p.checkedInAt(),
                    p.checkedOutAt(), p.minutes(), p.points(),
                    p.checkedOutAt() != null && p.hours() == null ? Activity.Hours.PENDING : p.hours(),
                    p.disputeReason(), p.credit());
        }
    }

    record ActivityResponse(String id, String title, ActivityType type, String typeLabel, String place,
                            String description, Instant startsAt, Instant endsAt, int capacity, int pointsPerHour,
                            String communityUnitId, String gridId, String organiserAccountId, String checkInCode,
                            Activity.Status status, boolean settled, long signedUp, long waiting,
                            List<ParticipantResponse> participants, Instant createdAt, Instant confirmedAt,
                            Long version) {

        /** The check-in code and everyone's attendance for managers; a volunteer sees only their own line. */
        static ActivityResponse of(Activity activity, boolean manager, String callerAccountId) {
            List<Participant> all = activity.participants();
            return new ActivityResponse(activity.id(), activity.title(), activity.type(), activity.type().label(),
                    activity.place(), activity.description(), activity.startsAt(), activity.endsAt(),
                    activity.capacity(), activity.pointsPerHour(), activity.communityUnitId(), activity.gridId(),
                    activity.organiserAccountId(), manager ? activity.checkInCode() : null, activity.status(),
                    activity.settled(),
                    all.stream().filter(p -> p.status() == Activity.ParticipantStatus.SIGNED_UP).count(),
                    all.stream().filter(p -> p.status() == Activity.ParticipantStatus.WAITING).count(),
                    all.stream().filter(p -> manager || p.accountId().equals(callerAccountId))
                            .map(ParticipantResponse::of).toList(), activity.createdAt(), activity.confirmedAt(),
                    activity.version());
        }
    }
}
