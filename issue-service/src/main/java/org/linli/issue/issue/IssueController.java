package org.linli.issue.issue;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.linli.platform.web.Caller;
import org.linli.platform.web.Roles;
import org.linli.platform.domain.MobileNumber;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@Tag(name = "Issues", description = "诉求: intake (app, patrol, hotline), routing to the grid worker, lifecycle, "
        + "5341 deadlines with escalation (吹哨/报到), callback rating (回访), duplicates")
@RestController
@RequestMapping("/api/v1/issues")
class IssueController {

    static final String PHONE = MobileNumber.FORMAT;
    private static final String REPORTERS = Roles.COMMUNITY_PEOPLE;
    private static final String ADMINS = Roles.ADMINS;
    /** Who may go on site, work on and resolve; {@link IssueAccess#requireHandler} then narrows it to the issue. */
    private static final String HANDLERS = "hasAnyRole(" + Roles.ADMIN_LIST + ",'" + Roles.GRID_WORKER + "','"
            + Roles.PARTY_MEMBER + "','" + Roles.DEPARTMENT_STAFF + "')";

    private final IssueIntake intake;
    private final IssueQueries queries;
    private final IssueLifecycle lifecycle;
    private final QrReports qrReports;

    IssueController(IssueIntake intake, IssueQueries queries, IssueLifecycle lifecycle, QrReports qrReports) {
        this.intake = intake;
        this.queries = queries;
        this.lifecycle = lifecycle;
        this.qrReports = qrReports;
    }

    @Operation(summary = "Report an issue (JSON, no photos)",
            description = "Roles: RESIDENT (channel APP), GRID_WORKER on patrol (PATROL), PARTY_MEMBER (APP), admins "
                    + "taking a hotline call (HOTLINE, with the caller's name and phone). Location: lat/lng or a "
                    + "buildingId. Routed to the finest grid and its active grid worker (DISPATCHED) from the local "
                    + "copy, else grid-service, else the community's or the county's queue (REPORTED): never fails "
                    + "because grid-service is down. Idempotency-Key makes a retry create one issue. 422 "
                    + "location-required, invalid-description; 400 invalid fields. Publishes IssueReported "
                    + "(+ IssueDispatched). receivedAt (optional): the original time of a report another system took "
                    + "first; only county-wide admins (COUNTY_ADMIN without a unit), else 403; within "
                    + "linli.intake.max-backdate (400 days) and not in the future beyond linli.intake.clock-skew "
                    + "(5 minutes), else 400 invalid-request naming receivedAt. The issue is reported at that time "
                    + "and its deadlines run from it (a deadline already passed: overdue and supervised, no "
                    + "escalation).")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(REPORTERS)
    ResponseEntity<IssueResponse> report(Caller caller, @Valid @RequestBody ReportRequest request,
                                         HttpServletRequest http) {
        return created(caller, intake.submit(caller, request.report(caller), List.of(), BearerToken.of(http)));
    }

    @Operation(summary = "Report an issue with up to 9 photos (multipart: part `report` as JSON, parts `photos`)",
            description = "As the JSON variant; photos are JPEG, PNG or WebP by content, ≤ 5 MB each (422 "
                    + "invalid-photo, photo-too-large, too-many-photos; nothing is stored when one is refused).")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(REPORTERS)
    ResponseEntity<IssueResponse> reportWithPhotos(Caller caller, @Valid @RequestPart("report") ReportRequest request,
                                                   @RequestPart(name = "photos", required = false)
                                                   List<MultipartFile> photos, HttpServletRequest http) {
        return created(caller, intake.submit(caller, request.report(caller), photos, BearerToken.of(http)));
    }

    @Operation(summary = "Read an issue with its timeline",
            description = "Roles: the reporter; GRID_WORKER, PARTY_MEMBER and admins whose scope covers the issue's "
                    + "community; DEPARTMENT_STAFF of the called department (403 otherwise); 404 unknown id. The "
                    + "reporter's phone is masked except for the reporter, the handlers and the community's admins.")
    @GetMapping("/{id}")
    IssueResponse get(Caller caller, @PathVariable String id) {
        return IssueResponse.of(queries.get(caller, id), caller);
    }

    @Operation(summary = "List issues in the caller's scope",
            description = "Residents see their own; staff their communities' (county-wide accounts everything); "
                    + "department staff what is escalated to them. Paged (?page, ?size ≤ 200, ?sort, newest first); "
                    + "?mine=true, ?status=, ?category=, ?gridId=, ?communityUnitId=, ?compoundId=, ?level=, "
                    + "?supervised=.")
    @GetMapping
    PagedModel<IssueResponse> list(Caller caller, @RequestParam(defaultValue = "false") boolean mine,
                                   @RequestParam(required = false) IssueStatus status,
                                   @RequestParam(required = false) Category category,
                                   @RequestParam(required = false) String gridId,
                                   @RequestParam(required = false) String communityUnitId,
                                   @RequestParam(required = false) String compoundId,
                                   @RequestParam(required = false) EscalationLevel level,
                                   @RequestParam(required = false) Boolean supervised, Pageable pageable) {
        IssueQueries.Filter filter = new IssueQueries.Filter(mine, status, category, gridId, communityUnitId,
                compoundId, level, supervised);
        return new PagedModel<>(queries.list(caller, filter, pageable).map(issue -> IssueResponse.of(issue, caller)));
    }

    @Operation(summary = "A photo of an issue (reported or resolution)",
            description = "Same readers as the issue (403); 404 unknown issue or photo.")
    @GetMapping("/{id}/photos/{photoId}")
    ResponseEntity<byte[]> photo(Caller caller, @PathVariable String id, @PathVariable String photoId) {
        return photoResponse(queries.photo(caller, id, photoId));
    }

    @Operation(summary = "Dispatch (派单): assign to an account, or open for claiming by party members (党员接单)",
            description = "Roles: admins covering the community (403). assigneeAccountId absent = OPEN_FOR_CLAIM; "
                    + "severity may be reclassified (moves the solution deadline). From REPORTED, DISPATCHED, "
                    + "OPEN_FOR_CLAIM, REOPENED; else 422 illegal-transition. 409 stale version. Publishes "
                    + "IssueDispatched.")
    @PostMapping("/{id}/dispatch")
    @PreAuthorize(ADMINS)
    IssueResponse dispatch(Caller caller, @PathVariable String id, @Valid @RequestBody DispatchRequest request) {
        return IssueResponse.of(lifecycle.dispatch(caller, id, request.assigneeAccountId(), request.severity(),
                request.version()), caller);
    }

    @Operation(summary = "Claim (认领) an issue open for claiming",
            description = "Role: PARTY_MEMBER whose scope covers the community (403). 422 illegal-transition unless "
                    + "OPEN_FOR_CLAIM. Publishes IssueClaimed.")
    @PostMapping("/{id}/claim")
    @PreAuthorize("hasRole('" + Roles.PARTY_MEMBER + "')")
    IssueResponse claim(Caller caller, @PathVariable String id, @Valid @RequestBody(required = false) Versioned request) {
        return IssueResponse.of(lifecycle.claim(caller, id, Versioned.of(request)), caller);
    }

    @Operation(summary = "Arrive on site (到场): stops the on-site clock",
            description = "Roles: the assignee or claimant, GRID_WORKER and admins covering the community, the called "
                    + "department (403). From DISPATCHED, CLAIMED, REOPENED (422 illegal-transition; "
                    + "not-the-claimant).")
    @PostMapping("/{id}/arrival")
    @PreAuthorize(HANDLERS)
    IssueResponse arrive(Caller caller, @PathVariable String id, @Valid @RequestBody(required = false) Versioned request) {
        return IssueResponse.of(lifecycle.arrive(caller, id, Versioned.of(request)), caller);
    }

    @Operation(summary = "Start work (处理中)", description = "Handlers as for arrival; from ON_SITE (422 otherwise).")
    @PostMapping("/{id}/start")
    @PreAuthorize(HANDLERS)
    IssueResponse start(Caller caller, @PathVariable String id, @Valid @RequestBody(required = false) Versioned request) {
        return IssueResponse.of(lifecycle.start(caller, id, Versioned.of(request)), caller);
    }

    @Operation(summary = "Resolve (办结) with a note",
            description = "Handlers as for arrival; from ON_SITE or IN_PROGRESS (422 illegal-transition); 422 "
                    + "resolution-note-required. Opens the reporter's callback window (72 h by default), after which "
                    + "it closes by itself. Publishes IssueResolved.")
    @PostMapping(path = "/{id}/resolution", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(HANDLERS)
    IssueResponse resolve(Caller caller, @PathVariable String id, @Valid @RequestBody ResolveRequest request) {
        return IssueResponse.of(lifecycle.resolve(caller, id, request.note(), List.of(), request.version()), caller);
    }

    @Operation(summary = "Resolve with photos (multipart: part `resolution` as JSON, parts `photos`)",
            description = "As the JSON variant; photo checks as for reports.")
    @PostMapping(path = "/{id}/resolution", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(HANDLERS)
    IssueResponse resolveWithPhotos(Caller caller, @PathVariable String id,
                                    @Valid @RequestPart("resolution") ResolveRequest request,
                                    @RequestPart(name = "photos", required = false) List<MultipartFile> photos) {
        return IssueResponse.of(lifecycle.resolve(caller, id, request.note(), photos, request.version()), caller);
    }

    @Operation(summary = "Rate a resolved issue (评价) 1–5; 1–2 or fixed=false reopens it",
            description = "Roles: the reporter, or admins covering the community recording a phone callback (回访) "
                    + "(403). From RESOLVED (422 illegal-transition); 422 invalid-rating. Publishes IssueClosed "
                    + "(with the rating) or IssueReopened.")
    @PostMapping("/{id}/rating")
    IssueResponse rate(Caller caller, @PathVariable String id, @Valid @RequestBody RatingRequest request) {
        return IssueResponse.of(lifecycle.rate(caller, id, request.rating(), request.fixedOrTrue(), request.comment(),
                request.version()), caller);
    }

    @Operation(summary = "Hold (挂账): an approved pause; every clock stops",
            description = "Roles: admins covering the community (403). 422 hold-reason-required, illegal-transition.")
    @PostMapping("/{id}/hold")
    @PreAuthorize(ADMINS)
    IssueResponse hold(Caller caller, @PathVariable String id, @Valid @RequestBody ReasonRequest request) {
        return IssueResponse.of(lifecycle.hold(caller, id, request.reason(), request.version()), caller);
    }

    @Operation(summary = "Resume a held issue: the clocks move on by the time held",
            description = "Roles: admins covering the community (403). 422 illegal-transition unless HELD.")
    @PostMapping("/{id}/resumption")
    @PreAuthorize(ADMINS)
    IssueResponse resume(Caller caller, @PathVariable String id, @Valid @RequestBody(required = false) Versioned request) {
        return IssueResponse.of(lifecycle.resume(caller, id, Versioned.of(request)), caller);
    }

    @Operation(summary = "Reject (不予受理) with a reason",
            description = "Roles: admins covering the community (403). From REPORTED, DISPATCHED, OPEN_FOR_CLAIM, "
                    + "REOPENED (422 illegal-transition). Publishes IssueClosed without rating or handler.")
    @PostMapping("/{id}/rejection")
    @PreAuthorize(ADMINS)
    IssueResponse reject(Caller caller, @PathVariable String id, @Valid @RequestBody ReasonRequest request) {
        return IssueResponse.of(lifecycle.reject(caller, id, request.reason(), request.version()), caller);
    }

    @Operation(summary = "Escalate by hand (吹哨): one level up, grid → community → street → department",
            description = "Roles: admins covering the community (403). 422 cannot-escalate at the top, "
                    + "illegal-transition once resolved. Publishes IssueEscalated.")
    @PostMapping("/{id}/escalations")
    @PreAuthorize(ADMINS)
    IssueResponse escalate(Caller caller, @PathVariable String id,
                           @Valid @RequestBody(required = false) Versioned request) {
        return IssueResponse.of(lifecycle.escalate(caller, id, Versioned.of(request)), caller);
    }

    @Operation(summary = "Check in (报到): the called department reports",
            description = "Role: DEPARTMENT_STAFF of the department the issue is escalated to (403). 422 "
                    + "no-check-in-due.")
    @PostMapping("/{id}/check-in")
    @PreAuthorize("hasRole('" + Roles.DEPARTMENT_STAFF + "')")
    IssueResponse checkIn(Caller caller, @PathVariable String id,
                          @Valid @RequestBody(required = false) Versioned request) {
        return IssueResponse.of(lifecycle.checkIn(caller, id, Versioned.of(request)), caller);
    }

    @Operation(summary = "Merge a duplicate into the original (open) issue",
            description = "Roles: admins covering both issues' communities (403). 422 merge-into-itself, "
                    + "merge-target-not-open, illegal-transition. The duplicate becomes DUPLICATE (publishes "
                    + "IssueClosed); the original lists it, so both reporters follow the original.")
    @PostMapping("/{id}/merge")
    @PreAuthorize(ADMINS)
    IssueResponse merge(Caller caller, @PathVariable String id, @Valid @RequestBody MergeRequest request) {
        return IssueResponse.of(lifecycle.merge(caller, id, request.originalIssueId(), request.version()), caller);
    }

    @Operation(summary = "The QR code token of a building, to print (扫码随手拍)",
            description = "Roles: admins and GRID_WORKER whose scope covers the building's community (403); 404 "
                    + "unknown building (not yet known from grid events). The code's URL carries the token; residents "
                    + "post reports with it to /api/v1/issues/qr-reports without an account. gridId and compoundId: "
                    + "where a report by the code goes now (compoundId null while the building lies in no known "
                    + "compound), for staff to check before printing.")
    @GetMapping("/qr-codes/{buildingId}")
    @PreAuthorize(Roles.STAFF)
    QrCodeResponse qrCode(Caller caller, @PathVariable String buildingId) {
        QrReports.QrCode code = qrReports.qrCode(caller, buildingId);
        return new QrCodeResponse(code.buildingId(), code.buildingName(), code.token(),
                "/api/v1/issues/qr-reports?token=" + code.token(), code.gridId(), code.compoundId());
    }

    private ResponseEntity<IssueResponse> created(Caller caller, Issue issue) {
        return ResponseEntity.created(URI.create("/api/v1/issues/" + issue.id())).body(IssueResponse.of(issue, caller));
    }

    static ResponseEntity<byte[]> photoResponse(PhotoStore.Content photo) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.contentType()))
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=3600").body(photo.bytes());
    }

    record Versioned(Long version) {
        static Long of(Versioned request) {
            return request == null ? null : request.version();
        }
    }

    record DispatchRequest(@Size(max = 64) String assigneeAccountId, Severity severity, Long version) {
    }

    record ResolveRequest(@Size(max = Issue.MAX_NOTE) String note, Long version) {
    }

    record RatingRequest(@NotNull @Min(1) @Max(5) Integer rating, Boolean fixed, @Size(max = 500) String comment,
                         Long version) {
        boolean fixedOrTrue() {
            return fixed == null || fixed;
        }
    }

    record ReasonRequest(@NotBlank @Size(max = Issue.MAX_NOTE) String reason, Long version) {
    }

    record MergeRequest(@NotBlank @Size(max = 64) String originalIssueId, Long version) {
    }

    record QrCodeResponse(String buildingId, String buildingName, String token, String reportUrl, String gridId,
                          String compoundId) {
    }
}
