package org.linli.issue.wish;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import org.linli.issue.place.Places;
import org.linli.platform.web.BusinessRuleViolation;
import org.linli.platform.web.Caller;
import org.linli.platform.web.NotFoundException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
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

    private static final Set<String> ADMINS = Set.of("COMMUNITY_ADMIN", "STREET_ADMIN", "COUNTY_ADMIN");

    private final MongoOperations mongo;
    private final Places places;
    private final Clock clock;

    MicroWishController(MongoOperations mongo, Places places, Clock clock) {
        this.mongo = mongo;
        this.places = places;
        this.clock = clock;
    }

    @Operation(summary = "Publish a micro-wish (RESIDENT) or collect one for a beneficiary (admins, GRID_WORKER)",
            description = "communityUnitId must be known from org events (422 unknown-community); staff must cover it "
                    + "(403) and name the beneficiary (422 beneficiary-required).")
    @PostMapping
    @PreAuthorize("hasAnyRole('RESIDENT','GRID_WORKER','COMMUNITY_ADMIN','STREET_ADMIN','COUNTY_ADMIN')")
    ResponseEntity<WishResponse> publish(Caller caller, @Valid @RequestBody PublishRequest request) {
        String path = places.pathOf(request.communityUnitId());
        if (path == null) {
            throw new BusinessRuleViolation("unknown-community", "community " + request.communityUnitId()
                    + " is not known", request.communityUnitId());
        }
        boolean staff = isAdmin(caller) || caller.hasRole("GRID_WORKER");
        if (staff && !caller.covers(path)) {
            throw new AccessDeniedException("community outside the caller's scope");
        }
        if (staff && (request.beneficiaryName() == null || request.beneficiaryName().isBlank())) {
            throw new BusinessRuleViolation("beneficiary-required", "a collected wish names its beneficiary");
        }
        MicroWish wish = mongo.insert(MicroWish.publish(request.title(), request.description(),
                request.communityUnitId(), path, staff ? null : caller.accountId(),
                staff ? request.beneficiaryName().strip() : caller.username(), staff ? caller.accountId() : null,
                clock.instant()));
        return ResponseEntity.created(URI.create("/api/v1/micro-wishes/" + wish.id())).body(WishResponse.of(wish));
    }

    @Operation(summary = "Read a micro-wish", description = "The resident who wished it; staff and party members "
            + "covering its community (403); 404 unknown id.")
    @GetMapping("/{id}")
    WishResponse get(Caller caller, @PathVariable String id) {
        MicroWish wish = find(id);
        if (!wish.wishedBy(caller.accountId()) && !(staff(caller) && caller.covers(wish.communityPath()))) {
            throw new AccessDeniedException("wish outside the caller's scope");
        }
        return WishResponse.of(wish);
    }

    @Operation(summary = "List micro-wishes", description = "Residents see their own; staff and party members those "
            + "of communities they cover. Paged; ?status=, ?communityUnitId=.")
    @GetMapping
    PagedModel<WishResponse> list(Caller caller, @RequestParam(required = false) MicroWish.Status status,
                                  @RequestParam(required = false) String communityUnitId, Pageable pageable) {
        List<Criteria> all = new ArrayList<>();
        if (!staff(caller)) {
            all.add(Criteria.where("residentAccountId").is(caller.accountId()));
        } else if (!caller.isCountyWide()) {
            all.add(Criteria.where("communityPath").regex("^" + Pattern.quote(caller.orgUnitPath())));
        }
        Optional.ofNullable(status).ifPresent(value -> all.add(Criteria.where("status").is(value)));
        Optional.ofNullable(communityUnitId).ifPresent(value -> all.add(Criteria.where("communityUnitId").is(value)));
        Criteria criteria = all.isEmpty() ? new Criteria() : new Criteria().andOperator(all.toArray(Criteria[]::new));
        Query query = Query.query(criteria).with(pageable);
        if (pageable.getSort().isUnsorted()) {
            query.with(Sort.by(Sort.Direction.DESC, "publishedAt"));
        }
        return new PagedModel<>(PageableExecutionUtils.getPage(mongo.find(query, MicroWish.class), pageable,
                () -> mongo.count(Query.query(criteria), MicroWish.class)).map(WishResponse::of));
    }

    @Operation(summary = "Claim a micro-wish (认领)",
            description = "PARTY_MEMBER covering the community claims for themselves; admins record the claim of a "
                    + "dual-registration unit (claimantKind DUAL_REGISTRATION_UNIT, claimantId = its org unit id). "
                    + "403 outside the scope; 422 illegal-transition unless PUBLISHED.")
    @PostMapping("/{id}/claim")
    @PreAuthorize("hasAnyRole('PARTY_MEMBER','COMMUNITY_ADMIN','STREET_ADMIN','COUNTY_ADMIN')")
    WishResponse claim(Caller caller, @PathVariable String id, @Valid @RequestBody(required = false) ClaimRequest request) {
        return change(id, request == null ? null : request.version(), (wish, now) -> {
            if (!caller.covers(wish.communityPath())) {
                throw new AccessDeniedException("wish outside the caller's scope");
            }
            if (request != null && request.claimantKind() == MicroWish.ClaimantKind.DUAL_REGISTRATION_UNIT) {
                if (!isAdmin(caller) || request.claimantId() == null) {
                    throw new AccessDeniedException("admins record a unit's claim, naming the unit");
                }
                wish.claim(MicroWish.ClaimantKind.DUAL_REGISTRATION_UNIT, request.claimantId(), request.claimantName(), now);
            } else {
                if (!caller.hasRole("PARTY_MEMBER")) {
                    throw new AccessDeniedException("party members claim for themselves");
                }
                wish.claim(MicroWish.ClaimantKind.PARTY_MEMBER, caller.accountId(), caller.username(), now);
            }
        });
    }

    @Operation(summary = "Mark a claimed micro-wish fulfilled", description = "The claiming party member, or admins "
            + "covering the community (403); 422 illegal-transition unless CLAIMED.")
    @PostMapping("/{id}/fulfilment")
    WishResponse fulfil(Caller caller, @PathVariable String id, @Valid @RequestBody NoteRequest request) {
        return change(id, request.version(), (wish, now) -> {
            if (!wish.claimedBy(caller.accountId()) && !(isAdmin(caller) && caller.covers(wish.communityPath()))) {
                throw new AccessDeniedException("only the claimant or an admin fulfils");
            }
            wish.fulfil(request.note(), now);
        });
    }

    @Operation(summary = "Confirm a fulfilled micro-wish", description = "The resident who wished it; for a collected "
            + "wish admins covering the community (403). 422 illegal-transition unless FULFILLED. Publishes "
            + "MicroWishFulfilled.")
    @PostMapping("/{id}/confirmation")
    WishResponse confirm(Caller caller, @PathVariable String id, @Valid @RequestBody(required = false) NoteRequest request) {
        return change(id, request == null ? null : request.version(), (wish, now) -> {
            boolean owner = wish.wishedBy(caller.accountId());
            boolean adminForCollected = wish.residentAccountId() == null && isAdmin(caller)
                    && caller.covers(wish.communityPath());
            if (!owner && !adminForCollected) {
                throw new AccessDeniedException("only the resident confirms");
            }
            wish.confirm(now);
        });
    }

    @Operation(summary = "Cancel a micro-wish", description = "The resident who wished it or admins covering the "
            + "community (403); 422 illegal-transition once fulfilled.")
    @PostMapping("/{id}/cancellation")
    WishResponse cancel(Caller caller, @PathVariable String id) {
        return change(id, null, (wish, now) -> {
            if (!wish.wishedBy(caller.accountId()) && !(isAdmin(caller) && caller.covers(wish.communityPath()))) {
                throw new AccessDeniedException("only the resident or an admin cancels");
            }
            wish.cancel(now);
        });
    }

    private WishResponse change(String id, Long version, BiConsumer<MicroWish, Instant> action) {
        MicroWish wish = find(id);
        if (version != null && !version.equals(wish.version())) {
            throw new OptimisticLockingFailureException("wish " + id + " is at version " + wish.version());
        }
        action.accept(wish, clock.instant());
        return WishResponse.of(mongo.save(wish));
    }

    private MicroWish find(String id) {
        return Optional.ofNullable(mongo.findById(id, MicroWish.class))
                .orElseThrow(() -> new NotFoundException("micro-wish", id));
    }

    private static boolean isAdmin(Caller caller) {
        return ADMINS.stream().anyMatch(caller::hasRole);
    }

    private static boolean staff(Caller caller) {
        return isAdmin(caller) || caller.hasRole("GRID_WORKER") || caller.hasRole("PARTY_MEMBER");
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
