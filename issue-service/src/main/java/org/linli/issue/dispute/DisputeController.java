package org.linli.issue.dispute;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.linli.issue.issue.BearerToken;
import org.linli.issue.issue.Category;
import org.linli.platform.audit.UnmaskedReads;
import org.linli.platform.web.Caller;
import org.linli.platform.web.InvalidParameterException;
import org.linli.platform.domain.MobileNumber;
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

@Tag(name = "Disputes", description = "矛盾纠纷前置调解: grid workers record disputes, mediate what is within their "
        + "capacity and refer the rest as issues; success rates per grid and worker")
@RestController
@RequestMapping("/api/v1/disputes")
class DisputeController {

    private static final String MEDIATORS = "hasAnyRole('" + Roles.GRID_WORKER + "','" + Roles.COMMUNITY_ADMIN + "')";
    private static final Duration LONGEST_PERIOD = Duration.ofDays(400);

    private final DisputeService service;
    private final SuccessRates successRates;
    private final Clock clock;

    DisputeController(DisputeService service, SuccessRates successRates, Clock clock) {
        this.service = service;
        this.successRates = successRates;
        this.clock = clock;
    }

    @Operation(summary = "Record a dispute (矛盾纠纷登记)",
            description = "Roles: GRID_WORKER, COMMUNITY_ADMIN. Place: lat/lng or a buildingId, routed like an issue "
                    + "report (grid, community); outside the caller's scope 403, and for a GRID_WORKER 403 unless "
                    + "the place's grid is one they are the appointed worker of. 2 to 20 parties, each a name and an "
                    + "optional mobile number. 422 parties-required, location-required. Idempotency-Key makes a retry "
                    + "record one dispute.")
    @PostMapping
    @PreAuthorize(MEDIATORS)
    ResponseEntity<DisputeResponse> recordDispute(Caller caller, @Valid @RequestBody RecordRequest request,
                                                  HttpServletRequest http) {
        Dispute dispute = service.record(caller, request.kind(), request.description(), request.parties().stream()
                        .map(party -> Dispute.Party.of(party.name(), party.phone())).toList(),
                new Dispute.Place(request.lat(), request.lng(), request.buildingId(), request.address()),
                BearerToken.of(http));
        return ResponseEntity.created(URI.create("/api/v1/disputes/" + dispute.id()))
                .body(DisputeResponse.of(dispute, caller));
    }

    @Operation(summary = "Read a dispute with its sessions and outcome",
            description = "Roles: admins covering its community, GRID_WORKER only for their grids' disputes (403 "
                    + "otherwise); 404 unknown id. "
                    + "Parties' phones in full for GRID_WORKER and COMMUNITY_ADMIN covering it, masked for others.")
    @GetMapping("/{id}")
    @PreAuthorize(Roles.STAFF)
    DisputeResponse getDispute(Caller caller, @PathVariable String id) {
        return DisputeResponse.of(service.get(caller, id), caller);
    }

    @Operation(summary = "List the disputes of the caller's scope",
            description = "Roles: GRID_WORKER (only the disputes of the grids they are the appointed worker of; none "
                    + "without an appointment) and admins (their scope's disputes; county-wide accounts all). Paged, "
                    + "newest first; ?status=, ?gridId=, ?communityUnitId=.")
    @GetMapping
    @PreAuthorize(Roles.STAFF)
    PagedModel<DisputeResponse> listDisputes(Caller caller, @RequestParam(required = false) Dispute.Status status,
                                             @RequestParam(required = false) String gridId,
                                             @RequestParam(required = false) String communityUnitId,
                                             Pageable pageable) {
        return new PagedModel<>(service.list(caller, status, gridId, communityUnitId, pageable)
                .map(dispute -> DisputeResponse.of(dispute, caller)));
    }

    @Operation(summary = "Note a mediation session (调解)",
            description = "Roles: GRID_WORKER of the dispute's grid, COMMUNITY_ADMIN covering (403). "
                    + "While RECORDED or MEDIATING (then "
                    + "MEDIATING), else 422 wrong-step; 422 session-note-required; 409 stale version.")
    @PostMapping("/{id}/sessions")
    @PreAuthorize(MEDIATORS)
    DisputeResponse addMediationSession(Caller caller, @PathVariable String id,
                                        @Valid @RequestBody SessionRequest request) {
        return DisputeResponse.of(service.addSession(caller, id, request.note(), request.version()), caller);
    }

    @Operation(summary = "Conclude a dispute as mediated (调解成功)",
            description = "Roles: GRID_WORKER of the dispute's grid, COMMUNITY_ADMIN covering (403). "
                    + "The agreement (422 agreement-required), "
                    + "the parties who consented (by name: every party, else 422 consent-missing) and the day agreed. "
                    + "Final: a concluded dispute answers 422 wrong-step; 409 stale version.")
    @PostMapping("/{id}/mediation")
    @PreAuthorize(MEDIATORS)
    DisputeResponse mediateDispute(Caller caller, @PathVariable String id,
                                   @Valid @RequestBody MediationRequest request) {
        return DisputeResponse.of(service.mediate(caller, id, request.agreement(), request.consentedBy(),
                request.agreedOn(), request.version()), caller);
    }

    @Operation(summary = "Refer a dispute beyond the worker's capacity as an issue (上报)",
            description = "Roles: GRID_WORKER of the dispute's grid, COMMUNITY_ADMIN covering (403). "
                    + "Makes an issue through the usual intake "
                    + "(routing, 5341 deadlines, IssueReported, figures), reported by the caller (channel PATROL), in "
                    + "`category` (default: the dispute kind's), its description the dispute's history (parties by "
                    + "name only). The issue's id derives from the dispute's: a retry after a failed save finds that "
                    + "issue, never a second. Final: a concluded dispute answers 422 wrong-step; 422 "
                    + "referral-reason-required; 409 stale version.")
    @PostMapping("/{id}/referral")
    @PreAuthorize(MEDIATORS)
    DisputeResponse referDispute(Caller caller, @PathVariable String id, @Valid @RequestBody ReferralRequest request,
                                 HttpServletRequest http) {
        return DisputeResponse.of(service.refer(caller, id, request.reason(), request.category(), request.version(),
                BearerToken.of(http)).dispute(), caller);
    }

    @Operation(summary = "Mediation success rates per grid or per worker",
            description = "Roles: admins; their scope's disputes only. Of the disputes recorded in [from, to) (ISO "
                    + "instants; default the last 30 days; 400 invalid-request when to is not after from or the period "
                    + "is longer than 400 days): recorded, mediated, referred, open and successRate = mediated / "
                    + "(mediated + referred) (0..1, 4 decimals, null when none concluded), one row per grid "
                    + "(by=GRID, default) or per worker who recorded them (by=WORKER), the most recorded first, paged. "
                    + "?communityUnitId= and ?gridId= (each 403 outside the scope or unknown), ?workerAccountId= "
                    + "narrow it.")
    @GetMapping("/success-rates")
    @PreAuthorize(Roles.ADMINS)
    PagedModel<SuccessRates.SuccessRate> disputeSuccessRates(Caller caller,
                                                     @RequestParam(defaultValue = "GRID") SuccessRates.By by,
                                                     @RequestParam(required = false) String communityUnitId,
                                                     @RequestParam(required = false) String gridId,
                                                     @RequestParam(required = false) String workerAccountId,
                                                     @RequestParam(required = false) Instant from,
                                                     @RequestParam(required = false) Instant to, Pageable pageable) {
        Instant end = to == null ? clock.instant() : to;
        Instant start = from == null ? end.minus(Duration.ofDays(30)) : from;
        if (!end.isAfter(start)) {
            throw new InvalidParameterException("to", "not-after-from");
        }
        if (Duration.between(start, end).compareTo(LONGEST_PERIOD) > 0) {
            throw new InvalidParameterException("from", "period-longer-than-400-days");
        }
        if (gridId != null) {
            service.requireCoveredGrid(caller, gridId);
        }
        String scope = communityUnitId == null ? DisputeService.scopePath(caller)
                : service.requireCoveredCommunity(caller, communityUnitId);
        return new PagedModel<>(successRates.of(scope, gridId, workerAccountId, start, end, by, pageable));
    }

    record PartyRequest(@NotBlank @Size(max = 50) String name, @Pattern(regexp = MobileNumber.FORMAT) String phone) {

        @Override
        public String toString() {
            return "PartyRequest[phone=" + (phone == null ? null : MobileNumber.mask(phone)) + "]";
        }
    }

    record RecordRequest(@NotNull Dispute.Kind kind, @NotBlank @Size(max = Dispute.MAX_TEXT) String description,
                         @NotEmpty @Size(max = Dispute.MAX_PARTIES) List<@Valid PartyRequest> parties,
                         @DecimalMin("-90") @DecimalMax("90") Double lat,
                         @DecimalMin("-180") @DecimalMax("180") Double lng,
                         @Size(max = 64) String buildingId, @Size(max = 200) String address) {

        @Override
        public String toString() {
            return "RecordRequest[kind=" + kind + ", parties=" + (parties == null ? 0 : parties.size()) + "]";
        }
    }

    record SessionRequest(@NotBlank @Size(max = Dispute.MAX_TEXT) String note, Long version) {
    }

    record MediationRequest(@NotBlank @Size(max = Dispute.MAX_TEXT) String agreement,
                            @NotEmpty Set<@NotBlank @Size(max = 50) String> consentedBy, @NotNull LocalDate agreedOn,
                            Long version) {
    }

    record ReferralRequest(@NotBlank @Size(max = Dispute.MAX_TEXT) String reason, Category category, Long version) {
    }

    /** A dispute as staff see it; parties' phones masked unless the caller mediates in its community. */
    record DisputeResponse(String id, Dispute.Kind kind, String kindLabel, String description,
                           List<PartyView> parties, Double lat, Double lng, String buildingId, String address,
                           String gridId, String communityUnitId, String workerAccountId, String workerName,
                           Dispute.Status status, String statusLabel, List<Dispute.MediationSession> sessions,
                           Dispute.Agreement agreement, Dispute.Referral referral, Instant recordedAt,
                           Instant concludedAt, Instant updatedAt, Long version) {

        static DisputeResponse of(Dispute dispute, Caller caller) {
            boolean phones = (caller.hasRole(Roles.GRID_WORKER) || caller.hasRole(Roles.COMMUNITY_ADMIN))
                    && caller.covers(dispute.communityPath());
            if (phones && dispute.parties().stream().anyMatch(party -> party.phone() != null)) {
                UnmaskedReads.record(null, "dispute", dispute.id(), "parties.phone");
            }
            return new DisputeResponse(dispute.id(), dispute.kind(), dispute.kind().label(), dispute.description(),
                    dispute.parties().stream().map(party -> new PartyView(party.name(),
                            phones ? party.phoneValue() : party.maskedPhone())).toList(),
                    dispute.lat(), dispute.lng(), dispute.buildingId(), dispute.address(), dispute.gridId(),
                    dispute.communityUnitId(), dispute.workerAccountId(), dispute.workerName(), dispute.status(),
                    dispute.status().label(), dispute.sessions(), dispute.agreement(), dispute.referral(),
                    dispute.recordedAt(), dispute.concludedAt(), dispute.updatedAt(), dispute.version());
        }
    }

    /** A party as a response shows it. */
    record PartyView(String name, String phone) {
    }
}
