package org.linli.points.reward;

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
import java.time.LocalDate;
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

@Tag(name = "Rewards", description = "兑换清单 of the points supermarkets (积分超市): goods, price in points, stock, limits")
@RestController
@RequestMapping("/api/v1/rewards")
class RewardController {

    private final RewardService service;

    RewardController(RewardService service) {
        this.service = service;
    }

    @Operation(summary = "Put a good on a community's exchange list",
            description = "Roles: COUNTY_ADMIN, STREET_ADMIN, COMMUNITY_ADMIN covering the community (403). 422 "
                    + "invalid-price, invalid-stock, invalid-period; 404 unknown community; 400 invalid fields.")
    @PostMapping
    @PreAuthorize(Roles.ADMINS)
    ResponseEntity<RewardResponse> create(Caller caller, @Valid @RequestBody RewardRequest request) {
        Reward reward = service.create(caller, request.communityUnitId(), request.name(), request.description(),
                request.pointsPrice(), request.stock(), request.perPersonLimit(), request.activeFrom(),
                request.activeUntil());
        return ResponseEntity.created(URI.create("/api/v1/rewards/" + reward.id())).body(RewardResponse.of(reward));
    }

    @Operation(summary = "Exchange lists", description = "Any signed-in person. Paged; ?communityUnitId=, "
            + "?onOffer=true for goods in their active period today.")
    @GetMapping
    PagedModel<RewardResponse> page(@RequestParam(required = false) String communityUnitId,
                                    @RequestParam(defaultValue = "false") boolean onOffer, Pageable pageable) {
        return new PagedModel<>(service.page(communityUnitId, onOffer, pageable).map(RewardResponse::of));
    }

    @Operation(summary = "Read a reward, with the stock left", description = "Any signed-in person; 404.")
    @GetMapping("/{id}")
    RewardResponse get(@PathVariable String id) {
        return RewardResponse.of(service.get(id));
    }

    @Operation(summary = "Add stock", description = "Roles: admins covering the reward's community (403); 404. "
            + "An atomic increment: concurrent redemptions never lose it.")
    @PostMapping("/{id}/restock")
    @PreAuthorize(Roles.ADMINS)
    RewardResponse restock(Caller caller, @PathVariable String id, @Valid @RequestBody RestockRequest request) {
        return RewardResponse.of(service.restock(caller, id, request.quantity()));
    }

    record RewardRequest(@NotBlank @Size(max = 64) String communityUnitId,
                         @NotBlank @Size(max = Reward.MAX_NAME) String name, @Size(max = 500) String description,
                         @NotNull @Min(1) @Max(1_000_000) Long pointsPrice, @NotNull @Min(0) @Max(1_000_000) Integer stock,
                         @Min(1) @Max(1000) Integer perPersonLimit, LocalDate activeFrom, LocalDate activeUntil) {
    }

    record RestockRequest(@NotNull @Min(1) @Max(1_000_000) Integer quantity) {
    }

    record RewardResponse(String id, String communityUnitId, String name, String description, long pointsPrice,
                          int stock, Integer perPersonLimit, LocalDate activeFrom, LocalDate activeUntil,
                          Instant createdAt) {

        static RewardResponse of(Reward reward) {
            return new RewardResponse(reward.id(), reward.communityUnitId(), reward.name(), reward.description(),
                    reward.pointsPrice(), reward.stock(), reward.perPersonLimit(), reward.activeFrom(),
                    reward.activeUntil(), reward.createdAt());
        }
    }
}
