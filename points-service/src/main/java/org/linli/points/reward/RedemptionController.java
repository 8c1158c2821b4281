package org.linli.points.reward;

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

@Tag(name = "Redemptions", description = "Redeeming points for goods: points and stock together or not at all, a pickup "
        + "code, handed over at the supermarket, cancel refunds")
@RestController
@RequestMapping("/api/v1/redemptions")
class RedemptionController {

    private final RewardService service;

    RedemptionController(RewardService service) {
        this.service = service;
    }

    @Operation(summary = "Redeem a reward with the caller's own points",
            description = "Any signed-in person, for their own account. Points deducted and stock reserved together or "
                    + "not at all; answers the pickup code. 422 insufficient-points, out-of-stock, per-person-limit, "
                    + "reward-not-active; 404 unknown reward. Publishes PointsDebited and RedemptionMade.")
    @PostMapping
    ResponseEntity<RedemptionResponse> redeem(Caller caller, @Valid @RequestBody RedeemRequest request) {
        Redemption redemption = service.redeem(caller, request.rewardId(), request.quantity());
        return ResponseEntity.created(URI.create("/api/v1/redemptions/" + redemption.id()))
                .body(RedemptionResponse.of(redemption, caller));
    }

    @Operation(summary = "Redemptions: the caller's own, or for staff those of their scope",
            description = "Any signed-in person sees their own; COUNTY/STREET/COMMUNITY_ADMIN and GRID_WORKER see their "
                    + "scope with ?mine=false. Paged; ?status=, ?communityUnitId=. Pickup codes only to the holder.")
    @GetMapping
    PagedModel<RedemptionResponse> page(Caller caller, @RequestParam(defaultValue = "true") boolean mine,
                                        @RequestParam(required = false) Redemption.Status status,
                                        @RequestParam(required = false) String communityUnitId, Pageable pageable) {
        return new PagedModel<>(service.page(caller, mine, status, communityUnitId, pageable)
                .map(redemption -> RedemptionResponse.of(redemption, caller)));
    }

    @Operation(summary = "Read a redemption", description = "The holder, or staff covering its community (403); 404.")
    @GetMapping("/{id}")
    RedemptionResponse get(Caller caller, @PathVariable String id) {
        return RedemptionResponse.of(service.get(caller, id), caller);
    }

    @Operation(summary = "Cancel a redemption before pickup: the points are refunded by a reversing entry",
            description = "The holder, or staff covering its community (403). 422 redemption-fulfilled, "
                    + "redemption-cancelled, redemption-failed; 409 concurrent change; 404. Refund reference "
                    + "refund:<id>, applied once. Publishes RedemptionCancelled and PointsCredited (REFUND).")
    @PostMapping("/{id}/cancellation")
    RedemptionResponse cancel(Caller caller, @PathVariable String id) {
        return RedemptionResponse.of(service.cancel(caller, id), caller);
    }

    @Operation(summary = "Hand the goods over against a pickup code (积分超市 counter)",
            description = "Roles: COUNTY_ADMIN, STREET_ADMIN, COMMUNITY_ADMIN, GRID_WORKER covering the redemption's "
                    + "community (403). 404 unknown code; 422 redemption-fulfilled/cancelled. Publishes RedemptionFulfilled.")
    @PostMapping("/fulfilment")
    @PreAuthorize(Roles.STAFF)
    RedemptionResponse fulfil(Caller caller, @Valid @RequestBody FulfilRequest request) {
        return RedemptionResponse.of(service.fulfil(caller, request.pickupCode()), caller);
    }

    record RedeemRequest(@NotBlank @Size(max = 64) String rewardId, @NotNull @Min(1) @Max(10) Integer quantity) {
    }

    record FulfilRequest(@NotBlank @Pattern(regexp = "\\d{8}") String pickupCode) {
    }

    record RedemptionResponse(String id, String accountId, String rewardId, String rewardName, int quantity,
                              long points, String communityUnitId, Redemption.Status status, String failure,
                              String pickupCode, Instant createdAt, Instant confirmedAt, Instant fulfilledAt,
                              Instant cancelledAt, Long version) {

        /** The pickup code goes to the holder only: staff hand goods over against the code the holder shows. */
        static RedemptionResponse of(Redemption redemption, Caller caller) {
            boolean holder = caller.accountId().equals(redemption.accountId());
            return new RedemptionResponse(redemption.id(), redemption.accountId(), redemption.rewardId(),
                    redemption.rewardName(), redemption.quantity(), redemption.points(), redemption.communityUnitId(),
                    redemption.status(), redemption.failure(), holder ? redemption.pickupCode() : null,
                    redemption.createdAt(), redemption.confirmedAt(), redemption.fulfilledAt(),
                    redemption.cancelledAt(), redemption.version());
        }
    }
}
