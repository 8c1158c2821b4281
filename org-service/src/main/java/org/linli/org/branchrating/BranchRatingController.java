package org.linli.org.branchrating;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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

@Tag(name = "Branch ratings (支部好不好，群众说了算)", description = "Residents rate their party branch each round: the "
        + "street opens and closes rounds and hands out one-time codes on random visits; results rank the branches.")
@RestController
@RequestMapping("/api/v1/branch-ratings")
class BranchRatingController {

    private static final String RESIDENTS = "hasRole('" + Roles.RESIDENT + "')";
    private static final String READERS = "hasAnyRole(" + Roles.ADMIN_LIST + ",'" + Roles.RESIDENT + "','"
            + Roles.PARTY_MEMBER + "')";

    private final BranchRatingService service;

    BranchRatingController(BranchRatingService service) {
        this.service = service;
    }

    @Operation(summary = "Open a rating round for the party branches under a unit",
            description = "Roles: STREET_ADMIN, COUNTY_ADMIN; the unit in the caller's scope (403; 404 unknown). The "
                    + "round holds every active GRID_BRANCH below the unit as it stands now. 422 invalid-rating-period "
                    + "(endsOn before startsOn, over 366 days), no-branches, too-many-branches.")
    @PostMapping("/rounds")
    @PreAuthorize(Roles.STREET_AND_COUNTY_ADMINS)
    ResponseEntity<RoundResponse> openRatingRound(Caller caller, @Valid @RequestBody OpenRequest request) {
        RatingRound round = service.open(caller, request.unitId(), request.title().strip(), request.startsOn(),
                request.endsOn());
        return ResponseEntity.created(URI.create("/api/v1/branch-ratings/rounds/" + round.id()))
                .body(RoundResponse.of(round));
    }

    @Operation(summary = "Rating rounds: the street's in its scope, a community's or resident's on their path",
            description = "Roles: RESIDENT, PARTY_MEMBER, COMMUNITY_ADMIN, STREET_ADMIN, COUNTY_ADMIN. Organisers "
                    + "see rounds opened in their scope; the others the rounds of their street or community. Paged; "
                    + "?status=OPEN|CLOSED.")
    @GetMapping("/rounds")
    @PreAuthorize(READERS)
    PagedModel<RoundResponse> listRatingRounds(Caller caller,
                                               @RequestParam(required = false) RatingRound.Status status,
                                               Pageable pageable) {
        return new PagedModel<>(service.list(caller, status, pageable).map(RoundResponse::of));
    }

    @Operation(summary = "Read a rating round",
            description = "Roles as for the list; its unit in the caller's scope or on the caller's path (403); 404.")
    @GetMapping("/rounds/{id}")
    @PreAuthorize(READERS)
    RoundResponse getRatingRound(Caller caller, @PathVariable String id) {
        return RoundResponse.of(service.get(caller, id));
    }

    @Operation(summary = "Close a rating round: no more ratings, the public summary appears",
            description = "Roles: STREET_ADMIN, COUNTY_ADMIN covering the round's unit (403). 422 round-closed (closed "
                    + "already); 409 stale version; 404.")
    @PostMapping("/rounds/{id}/closing")
    @PreAuthorize(Roles.STREET_AND_COUNTY_ADMINS)
    RoundResponse closeRatingRound(Caller caller, @PathVariable String id,
                                   @Valid @RequestBody VersionRequest request) {
        return RoundResponse.of(service.close(caller, id, request.version()));
    }

    @Operation(summary = "A resident rates their own branch, once per round",
            description = "Role: RESIDENT whose unit lies in the branch's area (403 another branch). 422 round-closed, "
                    + "outside-rating-period, branch-not-in-round, already-rated; 404 unknown round or branch.")
    @PostMapping("/rounds/{id}/ratings")
    @PreAuthorize(RESIDENTS)
    ResponseEntity<RatingResponse> rateBranch(Caller caller, @PathVariable String id,
                                              @Valid @RequestBody RatingRequest request) {
        BranchRating rating = service.rate(caller, id, request.branchId(), request.score(), request.comment());
        return ResponseEntity.status(201).body(RatingResponse.of(rating));
    }

    @Operation(summary = "Rate a branch with a one-time code from a random visit, public",
            description = "No token: the code is the credential, good once, in its round, for its branch. 422 "
                    + "invalid-rating-code (unknown, or of another round or branch), rating-code-used, already-rated, "
                    + "round-closed, outside-rating-period; 404 unknown round.")
    @SecurityRequirements
    @PostMapping("/rounds/{id}/code-ratings")
    ResponseEntity<RatingResponse> rateBranchWithCode(@PathVariable String id,
                                                      @Valid @RequestBody CodeRatingRequest request) {
        BranchRating rating = service.rateWithCode(id, request.branchId(), request.code(), request.score(),
                request.comment());
        return ResponseEntity.status(201).body(RatingResponse.of(rating));
    }

    @Operation(summary = "Record a random visit (随机走访) and issue one-time rating codes for the visited residents",
            description = "Roles: STREET_ADMIN, COUNTY_ADMIN covering the branch (403). The answer carries the codes "
                    + "this once; only their hashes are kept. 422 round-closed, outside-rating-period (visitedOn), "
                    + "branch-not-in-round, visit-in-future; 404.")
    @PostMapping("/rounds/{id}/visits")
    @PreAuthorize(Roles.STREET_AND_COUNTY_ADMINS)
    ResponseEntity<IssuedVisitResponse> recordRandomVisit(Caller caller, @PathVariable String id,
                                                          @Valid @RequestBody VisitRequest request) {
        BranchRatingService.IssuedVisit issued = service.recordVisit(caller, id, request.branchId(),
                request.household().strip(), request.visitedOn(), request.visitor().strip(), request.codes());
        return ResponseEntity.status(201).body(new IssuedVisitResponse(VisitResponse.of(issued.visit()),
                issued.codes()));
    }

    @Operation(summary = "The random visits of a round",
            description = "Roles: STREET_ADMIN, COUNTY_ADMIN covering the round's unit (403). Paged; ?branchId=.")
    @GetMapping("/rounds/{id}/visits")
    @PreAuthorize(Roles.STREET_AND_COUNTY_ADMINS)
    PagedModel<VisitResponse> listRandomVisits(Caller caller, @PathVariable String id,
                                               @RequestParam(required = false) String branchId, Pageable pageable) {
        return new PagedModel<>(service.visits(caller, id, branchId, pageable).map(VisitResponse::of));
    }

    @Operation(summary = "A round's results: the branches ranked by average, with counts and distribution",
            description = "Roles: STREET_ADMIN, COUNTY_ADMIN covering the round's unit see every branch; "
                    + "COMMUNITY_ADMIN and PARTY_MEMBER the branches of their community or their own branch (403 when "
                    + "none). Paged; open rounds show the standing so far.")
    @GetMapping("/rounds/{id}/results")
    @PreAuthorize(Roles.ADMINS_AND_PARTY_MEMBERS)
    PagedModel<BranchResult> branchRatingResults(Caller caller, @PathVariable String id, Pageable pageable) {
        return new PagedModel<>(service.results(caller, id, pageable));
    }

    @Operation(summary = "The comments residents left for one branch, newest first, without who left them",
            description = "Roles and visibility as for the results (403). Paged.")
    @GetMapping("/rounds/{id}/branches/{branchId}/comments")
    @PreAuthorize(Roles.ADMINS_AND_PARTY_MEMBERS)
    PagedModel<CommentResponse> branchRatingComments(Caller caller, @PathVariable String id,
                                                     @PathVariable String branchId, Pageable pageable) {
        return new PagedModel<>(service.comments(caller, id, branchId, pageable).map(CommentResponse::of));
    }

    @Operation(summary = "The closed rating rounds of an area, public",
            description = "No token. ?unitId= (required; rounds opened for the unit or below; 404 unknown). Paged.")
    @SecurityRequirements
    @GetMapping("/published")
    PagedModel<RoundResponse> publishedRatingRounds(@RequestParam String unitId, Pageable pageable) {
        return new PagedModel<>(service.published(unitId, pageable).map(RoundResponse::publicOf));
    }

    @Operation(summary = "A closed round's summary, public: per branch the responses and the average",
            description = "No token; 404 unknown or not closed yet. Paged ranking, no comments, no raters.")
    @SecurityRequirements
    @GetMapping("/published/{id}")
    PublishedSummary publishedRatingSummary(@PathVariable String id, Pageable pageable) {
        BranchRatingService.Summary summary = service.summary(id, pageable);
        return new PublishedSummary(RoundResponse.publicOf(summary.round()),
                new PagedModel<>(summary.results().map(PublicResult::of)));
    }

    record OpenRequest(@NotBlank @Size(max = 64) String unitId,
                       @NotBlank @Size(max = RatingRound.MAX_TITLE) String title,
                       @NotNull LocalDate startsOn, @NotNull LocalDate endsOn) {
    }

    record VersionRequest(@NotNull Long version) {
    }

    record RatingRequest(@NotBlank @Size(max = 64) String branchId, @NotNull Score score,
                         @Size(max = BranchRating.MAX_COMMENT) String comment) {
    }

    record CodeRatingRequest(@NotBlank @Size(max = 64) String branchId, @NotBlank @Size(max = 40) String code,
                             @NotNull Score score, @Size(max = BranchRating.MAX_COMMENT) String comment) {
    }

    record VisitRequest(@NotBlank @Size(max = 64) String branchId,
                        @NotBlank @Size(max = RandomVisit.MAX_TEXT) String household, @NotNull LocalDate visitedOn,
                        @NotBlank @Size(max = RandomVisit.MAX_TEXT) String visitor,
                        @NotNull @Min(1) @Max(RandomVisit.MAX_CODES) Integer codes) {
    }

    record RoundResponse(String id, String title, String unitId, LocalDate startsOn, LocalDate endsOn,
                         List<String> branchIds, RatingRound.Status status, String openedBy, Instant openedAt,
                         String closedBy, Instant closedAt, Long version) {

        static RoundResponse of(RatingRound r) {
            return new RoundResponse(r.id(), r.title(), r.unitId(), r.startsOn(), r.endsOn(), r.branchIds(),
                    r.status(), r.openedBy(), r.openedAt(), r.closedBy(), r.closedAt(), r.version());
        }

        /** What the public reads: no account ids. */
        static RoundResponse publicOf(RatingRound r) {
            return new RoundResponse(r.id(), r.title(), r.unitId(), r.startsOn(), r.endsOn(), r.branchIds(),
                    r.status(), null, r.openedAt(), null, r.closedAt(), null);
        }
    }

    /** A rating as its rater sees it, without any rater key. */
    record RatingResponse(String id, String roundId, String branchId, Score score, String scoreLabel, String comment,
                          BranchRating.Channel channel, Instant ratedAt) {

        static RatingResponse of(BranchRating r) {
            return new RatingResponse(r.id(), r.roundId(), r.branchId(), r.score(), r.score().label(), r.comment(),
                    r.channel(), r.ratedAt());
        }
    }

    record CommentResponse(Score score, String scoreLabel, String comment, BranchRating.Channel channel,
                           Instant ratedAt) {

        static CommentResponse of(BranchRating r) {
            return new CommentResponse(r.score(), r.score().label(), r.comment(), r.channel(), r.ratedAt());
        }
    }

    record VisitResponse(String id, String roundId, String branchId, String household, LocalDate visitedOn,
                         String visitor, int codesIssued, String recordedBy, Instant recordedAt) {

        static VisitResponse of(RandomVisit v) {
            return new VisitResponse(v.id(), v.roundId(), v.branchId(), v.household(), v.visitedOn(), v.visitor(),
                    v.codesIssued(), v.recordedBy(), v.recordedAt());
        }
    }

    /** A visit just recorded, with the codes to hand out: shown this once. */
    record IssuedVisitResponse(VisitResponse visit, List<String> codes) {
    }

    /** The public's view of one branch: responses, average and satisfaction rate. */
    record PublicResult(String branchId, String branchName, long responses, BigDecimal average,
                        BigDecimal satisfactionRate) {

        static PublicResult of(BranchResult r) {
            return new PublicResult(r.branchId(), r.branchName(), r.responses(), r.average(), r.satisfactionRate());
        }
    }

    record PublishedSummary(RoundResponse round, PagedModel<PublicResult> results) {
    }
}
