package org.linli.issue.wish;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
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

@Tag(name = "Micro-wishes", description = "微心愿: published or collected, claimed by party members or dual-registration "
        + "units, fulfilled and confirmed")
@RestController
@RequestMapping("/api/v1/micro-wishes")
class MicroWishController {

    private static final String WISHERS = "hasAnyRole(" + Roles.ADMIN_LIST + ",'" + Roles.RESIDENT + "','"
            + Roles.GRID_WORKER + "')";

    private final MicroWishService service;

    MicroWishController(MicroWishService service) {
        this.service = service;
    }

    @Operation(summary = "Publish a micro-wish (RESIDENT) or collect one for a beneficiary (admins, GRID_WORKER)",
            description = "communityUnitId must be known from org events (422 unknown-community); staff must cover it "
                    + "(403) and name the beneficiary (422 beneficiary-required).")
    @PostMapping
    @PreAuthorize(WISHERS)
    ResponseEntity<WishResponse> publish(Caller caller, @Valid @RequestBody PublishRequest request) {
        MicroWish wish = service.publish(caller, request.title(), request.description(), request.communityUnitId(),
                request.beneficiaryName());
        return ResponseEntity.created(URI.create("/api/v1/micro-wishes/" + wish.id())).body(WishResponse.of(wish));
    }

    @Operation(summary = "Read a micro-wish", description = "The resident who wished it; staff and party members "
            + "covering its community (403); 404 unknown id.")
    @GetMapping("/{id}")
    WishResponse get(Caller caller, @PathVariable String id) {
        return WishResponse.of(service.get(caller, id));
    }

    @Operation(summary = "List micro-wishes", description = "Residents see their own; staff and party members those "
            + "of communities they cover. Paged; ?status=, ?communityUnitId=.")
    @GetMapping
    PagedModel<WishResponse> list(Caller caller, @RequestParam(required = false) MicroWish.Status status,
                                  @RequestParam(required = false) String communityUnitId, Pageable pageable) {
        return new PagedModel<>(service.list(caller, status, communityUnitId, pageable).map(WishResponse::of));
    }

    @Operation(summary = "Claim a micro-wish (认领)",
            description = "PARTY_MEMBER covering the community claims for themselves; admins record the claim of a "
                    + "dual-registration unit (claimantKind DUAL_REGISTRATION_UNIT, claimantId = its org unit id). "
                    + "403 outside the scope; 422 illegal-transition unless PUBLISHED.")
    @PostMapping("/{id}/claim")
    @PreAuthorize(Roles.ADMINS_AND_PARTY_MEMBERS)
    WishResponse claim(Caller caller, @PathVariable String id, @Valid @RequestBody(required = false) ClaimRequest request) {
        ClaimRequest claim = request == null ? new ClaimRequest(null, null, null, null) : request;
        return WishResponse.of(service.claim(caller, id, claim.claimantKind(), claim.claimantId(), claim.claimantName(),
                claim.version()));
    }

    @Operation(summary = "Mark a claimed micro-wish fulfilled", description = "The claiming party member, or admins "
            + "covering the community (403); 422 illegal-transition unless CLAIMED.")
    @PostMapping("/{id}/fulfilment")
    WishResponse fulfil(Caller caller, @PathVariable String id, @Valid @RequestBody NoteRequest request) {
        return WishResponse.of(service.fulfil(caller, id, request.note(), request.version()));
    }

    @Operation(summary = "Confirm a fulfilled micro-wish", description = "The resident who wished it; for a collected "
            + "wish admins covering the community (403). 422 illegal-transition unless FULFILLED. Publishes "
            + "MicroWishFulfilled.")
    @PostMapping("/{id}/confirmation")
    WishResponse confirm(Caller caller, @PathVariable String id, @Valid @RequestBody(required = false) NoteRequest request) {
        return WishResponse.of(service.confirm(caller, id, request == null ? null : request.version()));
    }

    @Operation(summary = "Cancel a micro-wish", description = "The resident who wished it or admins covering the "
            + "community (403); 422 illegal-transition once fulfilled.")
    @PostMapping("/{id}/cancellation")
    WishResponse cancel(Caller caller, @PathVariable String id) {
        return WishResponse.of(service.cancel(caller, id));
    }

    record PublishRequest(@NotBlank @Size(max = MicroWish.MAX_TITLE) String title,
                          @Size(max = MicroWish.MAX_TEXT) String description,
                          @NotBlank @Size(max = 64) String communityUnitId,
                          @Size(max = 50) String beneficiaryName) {
    }

    record ClaimRequest(MicroWish.ClaimantKind claimantKind, @Size(max = 64) String claimantId,
                        @Size(max = 100) String claimantName, Long version) {
    }

    record NoteRequest(@Size(max = MicroWish.MAX_TEXT) String note, Long version) {
    }

    record WishResponse(String id, String title, String description, String communityUnitId,
                        String residentAccountId, String beneficiaryName, MicroWish.Status status, String statusLabel,
                        MicroWish.ClaimantKind claimantKind, String claimantId, String claimantName,
                        String fulfilmentNote, Instant publishedAt, Instant claimedAt, Instant fulfilledAt,
                        Instant confirmedAt, Long version) {
        static WishResponse of(MicroWish wish) {
            return new WishResponse(wish.id(), wish.title(), wish.description(), wish.communityUnitId(),
                    wish.residentAccountId(), wish.beneficiaryName(), wish.status(), wish.status().label(),
                    wish.claimantKind(), wish.claimantId(), wish.claimantName(), wish.fulfilmentNote(),
                    wish.publishedAt(), wish.claimedAt(), wish.fulfilledAt(), wish.confirmedAt(), wish.version());
        }
    }
}
