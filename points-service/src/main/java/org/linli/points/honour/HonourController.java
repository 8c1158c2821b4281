package org.linli.points.honour;

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
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.platform.web.Caller;
import org.linli.platform.web.Roles;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Honour lists", description = "红黑榜: the monthly red list from the ledger (public) and the black list, "
        + "which blocks earning while active")
@RestController
@Validated
@RequestMapping("/api/v1/honour-lists")
class HonourController {

    private static final String MONTH = "^\\d{4}-(0[1-9]|1[0-2])$";

    private final RedList redList;
    private final BlackList blackList;
    private final Clock clock;

    HonourController(RedList redList, BlackList blackList, Clock clock) {
        this.redList = redList;
        this.blackList = blackList;
        this.clock = clock;
    }

    @Operation(summary = "The monthly red list (红榜) of a community or a grid",
            description = "Public: no token needed. Exactly one of communityUnitId or gridId (422 one-place). "
                    + "Points are the sum of the month's earning credits in the ledger (activities, resolved issues, "
                    + "micro-wishes; county-zone months); people black-listed now are left out. size 1..100, default 20.")
    @GetMapping("/red")
    RedList.Ranking red(@RequestParam @Pattern(regexp = MONTH) String month,
                        @RequestParam(required = false) @Size(max = 64) String communityUnitId,
                        @RequestParam(required = false) @Size(max = 64) String gridId,
                        @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        if ((communityUnitId == null) == (gridId == null)) {
            throw new BusinessRuleViolation("one-place", "name either a community or a grid");
        }
        return redList.of(YearMonth.parse(month), communityUnitId, gridId, size);
    }

    @Operation(summary = "Put a person on the black list (黑榜) with reason, evidence and expiry",
            description = "Roles: COUNTY_ADMIN, STREET_ADMIN, COMMUNITY_ADMIN covering the community (403). While "
                    + "active the person earns no points: earning credits are refused and recorded as such. "
                    + "from defaults to now. 422 invalid-expiry, unknown-account (points-service never saw the "
                    + "account: no AccountOpened, no ledger, no activity); 404 unknown community.")
    @PostMapping("/black-list")
    @PreAuthorize(Roles.ADMINS)
    ResponseEntity<BlackListResponse> list(Caller caller, @Valid @RequestBody BlackListRequest request) {
        BlackListEntry entry = blackList.list(caller, request.accountId(), request.communityUnitId(), request.reason(),
                request.evidence() == null ? List.of() : request.evidence(), request.from(), request.until());
        return ResponseEntity.created(URI.create("/api/v1/honour-lists/black-list/" + entry.id()))
                .body(BlackListResponse.of(entry, clock.instant()));
    }

    @Operation(summary = "Black-list entries in the caller's scope",
            description = "Roles: admins. Paged; ?communityUnitId= (403 outside), ?active=true for those in force, "
                    + "?appeal=PENDING for the appeals awaiting a decision (or GRANTED, REJECTED).")
    @GetMapping("/black-list")
    @PreAuthorize(Roles.ADMINS)
    PagedModel<BlackListResponse> page(Caller caller, @RequestParam(required = false) String communityUnitId,
                                       @RequestParam(required = false) Boolean active,
                                       @RequestParam(required = false) BlackListEntry.AppealState appeal,
                                       Pageable pageable) {
        Instant now = clock.instant();
        return new PagedModel<>(blackList.page(caller, communityUnitId, active, appeal, pageable)
                .map(entry -> BlackListResponse.of(entry, now)));
    }

    @Operation(summary = "The caller's own black-list entries, newest first",
            description = "Any signed-in person: what they were listed for, by whom (an admin or the no-show rule), "
                    + "until when, and their appeal.")
    @GetMapping("/black-list/mine")
    List<BlackListResponse> mine(Caller caller) {
        Instant now = clock.instant();
        return blackList.mine(caller).stream().map(entry -> BlackListResponse.of(entry, now)).toList();
    }

    @Operation(summary = "Appeal one's own black-list entry (申诉)",
            description = "The listed person only (403 for anyone else's), once, while the entry is in force. 422 "
                    + "already-appealed, not-in-force; 404.")
    @PostMapping("/black-list/{id}/appeal")
    BlackListResponse appeal(Caller caller, @PathVariable String id, @Valid @RequestBody AppealRequest request) {
        return BlackListResponse.of(blackList.appeal(caller, id, request.reason()), clock.instant());
    }

    @Operation(summary = "Decide an appeal: granted lifts the entry, rejected keeps it",
            description = "Roles: admins covering its community (403). 422 no-appeal, appeal-decided; 409 stale "
                    + "version; 404.")
    @PostMapping("/black-list/{id}/appeal/decision")
    @PreAuthorize(Roles.ADMINS)
    BlackListResponse decideAppeal(Caller caller, @PathVariable String id,
                                   @Valid @RequestBody AppealDecisionRequest request) {
        return BlackListResponse.of(blackList.decideAppeal(caller, id, request.grant(), request.note(),
                request.version()), clock.instant());
    }

    @Operation(summary = "Read a black-list entry", description = "Roles: admins covering its community (403); 404.")
    @GetMapping("/black-list/{id}")
    @PreAuthorize(Roles.ADMINS)
    BlackListResponse get(Caller caller, @PathVariable String id) {
        return BlackListResponse.of(blackList.visible(caller, id), clock.instant());
    }

    @Operation(summary = "Lift a black-list entry before it expires",
            description = "Roles: admins covering its community (403). 422 already-lifted, already-expired; 409 stale "
                    + "version; 404. Credits refused while it was active stay refused.")
    @PostMapping("/black-list/{id}/lift")
    @PreAuthorize(Roles.ADMINS)
    BlackListResponse lift(Caller caller, @PathVariable String id, @Valid @RequestBody LiftRequest request) {
        return BlackListResponse.of(blackList.lift(caller, id, request.version()), clock.instant());
    }

    record BlackListRequest(@NotBlank @Size(max = 64) String accountId, @NotBlank @Size(max = 64) String communityUnitId,
                            @NotBlank @Size(max = BlackListEntry.MAX_REASON) String reason,
                            @Size(max = BlackListEntry.MAX_EVIDENCE) List<@NotBlank @Size(max = 500) String> evidence,
                            Instant from, @NotNull Instant until) {
    }

    record LiftRequest(@NotNull Long version) {
    }

    record AppealRequest(@NotBlank @Size(max = BlackListEntry.MAX_REASON) String reason) {
    }

    record AppealDecisionRequest(@NotNull Boolean grant, @Size(max = BlackListEntry.MAX_REASON) String note,
                                 @NotNull Long version) {
    }

    record BlackListResponse(String id, String accountId, String communityUnitId, String reason, List<String> evidence,
                             Instant from, Instant until, boolean active, String listedBy, Instant liftedAt,
                             BlackListEntry.AppealState appealState, BlackListEntry.Appeal appeal, Long version) {

        static BlackListResponse of(BlackListEntry entry, Instant now) {
            return new BlackListResponse(entry.id(), entry.accountId(), entry.communityUnitId(), entry.reason(),
                    entry.evidence(), entry.from(), entry.until(), entry.activeAt(now), entry.listedBy(),
                    entry.liftedAt(), entry.appealState(), entry.appeal(), entry.version());
        }
    }
}
