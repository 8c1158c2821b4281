package org.linli.org.proposal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
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

@Tag(name = "Proposals (三议一示)", description = "A resident's proposal for their alley or community: the alley "
        + "chiefs discuss it, the party branch decides, the decision is posted in the area.")
@RestController
@RequestMapping("/api/v1/proposals")
class ProposalController {

    private final ProposalService service;
    private final Clock clock;

    ProposalController(ProposalService service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    @Operation(summary = "Propose (居民提议) for a unit of one's own area",
            description = "Roles: RESIDENT, PARTY_MEMBER, GRID_WORKER, admins; the unit (an alley's branch, a "
                    + "community) must lie in the caller's scope (403; 404 unknown).")
    @PostMapping
    @PreAuthorize(Roles.COMMUNITY_PEOPLE)
    ResponseEntity<ProposalResponse> propose(Caller caller, @Valid @RequestBody ProposeRequest request) {
        Proposal proposal = service.propose(caller, request.unitId(), request.title().strip(), request.content());
        return ResponseEntity.created(URI.create("/api/v1/proposals/" + proposal.id()))
                .body(ProposalResponse.of(proposal));
    }

    @Operation(summary = "Proposals: staff see those of their scope, residents their own",
            description = "Roles as for proposing. Paged; ?unitId= (the unit and below; 403 outside the scope), "
                    + "?status=PROPOSED|DISCUSSED|DECIDED|POSTED|WITHDRAWN.")
    @GetMapping
    @PreAuthorize(Roles.COMMUNITY_PEOPLE)
    PagedModel<ProposalResponse> list(Caller caller, @RequestParam(required = false) String unitId,
                                      @RequestParam(required = false) Proposal.Status status, Pageable pageable) {
        return new PagedModel<>(service.list(caller, unitId, status, pageable).map(ProposalResponse::of));
    }

    @Operation(summary = "Read a proposal with every step recorded",
            description = "Staff covering its unit, or its proposer (403 otherwise); 404.")
    @GetMapping("/{id}")
    @PreAuthorize(Roles.COMMUNITY_PEOPLE)
    ProposalResponse get(Caller caller, @PathVariable String id) {
        return ProposalResponse.of(service.get(caller, id));
    }

    @Operation(summary = "Record the alley chiefs' discussion (巷长商议) and their recommendation",
            description = "Roles: PARTY_MEMBER, GRID_WORKER, admins covering the unit (403). 422 wrong-step (only a "
                    + "PROPOSED proposal); 409 stale version; 404.")
    @PostMapping("/{id}/discussion")
    @PreAuthorize(Roles.STAFF_AND_PARTY_MEMBERS)
    ProposalResponse discuss(Caller caller, @PathVariable String id, @Valid @RequestBody DiscussionRequest request) {
        return ProposalResponse.of(service.discuss(caller, id, request.version(), request.recommendation(),
                request.summary()));
    }

    @Operation(summary = "Record the branch's decision (支部决议): adopted or rejected",
            description = "Roles: admins covering the unit (403). 422 wrong-step (only after the discussion); 409 "
                    + "stale version; 404.")
    @PostMapping("/{id}/decision")
    @PreAuthorize(Roles.ADMINS)
    ProposalResponse decide(Caller caller, @PathVariable String id, @Valid @RequestBody DecisionRequest request) {
        return ProposalResponse.of(service.decide(caller, id, request.version(), request.adopted(),
                request.resolution()));
    }

    @Operation(summary = "Post the decision in the area (结果公示) for 1 to 30 days",
            description = "Roles: admins covering the unit (403). Public from then on (GET /api/v1/proposals/posted). "
                    + "422 wrong-step (only after the decision), invalid-posting-period; 409 stale version; 404.")
    @PostMapping("/{id}/posting")
    @PreAuthorize(Roles.ADMINS)
    ProposalResponse post(Caller caller, @PathVariable String id, @Valid @RequestBody PostingRequest request) {
        return ProposalResponse.of(service.post(caller, id, request.version(), request.notice(), request.days()));
    }

    @Operation(summary = "Withdraw one's own proposal before the alley chiefs discuss it",
            description = "The proposer only (403). 422 wrong-step; 409 stale version; 404.")
    @PostMapping("/{id}/withdrawal")
    @PreAuthorize(Roles.COMMUNITY_PEOPLE)
    ProposalResponse withdraw(Caller caller, @PathVariable String id, @Valid @RequestBody VersionRequest request) {
        return ProposalResponse.of(service.withdraw(caller, id, request.version()));
    }

    @Operation(summary = "The decisions posted in an area (公示), public",
            description = "No token. ?unitId= (required; the unit and below, 404 unknown). Paged. Each with the "
                    + "proposal, the alley chiefs' recommendation, the branch's decision and the notice; no personal "
                    + "data. onDisplay: within the posting period.")
    @SecurityRequirements
    @GetMapping("/posted")
    PagedModel<PostedProposal> posted(@RequestParam String unitId, Pageable pageable) {
        Instant now = clock.instant();
        return new PagedModel<>(service.posted(unitId, pageable).map(proposal -> PostedProposal.of(proposal, now)));
    }

    @Operation(summary = "One posted decision (公示), public", description = "No token; 404 unknown or not posted.")
    @SecurityRequirements
    @GetMapping("/posted/{id}")
    PostedProposal postedOne(@PathVariable String id) {
        return PostedProposal.of(service.postedOne(id), clock.instant());
    }

    record ProposeRequest(@NotBlank @Size(max = 64) String unitId,
                          @NotBlank @Size(max = Proposal.MAX_TITLE) String title,
                          @NotBlank @Size(max = Proposal.MAX_TEXT) String content) {
    }

    record DiscussionRequest(@NotNull Proposal.Recommendation recommendation,
                             @NotBlank @Size(max = Proposal.MAX_TEXT) String summary, @NotNull Long version) {
    }

    record DecisionRequest(@NotNull Boolean adopted, @NotBlank @Size(max = Proposal.MAX_TEXT) String resolution,
                           @NotNull Long version) {
    }

    record PostingRequest(@NotBlank @Size(max = Proposal.MAX_TEXT) String notice,
                          @NotNull @Min(1) @Max(Proposal.MAX_POSTING_DAYS) Integer days, @NotNull Long version) {
    }

    record VersionRequest(@NotNull Long version) {
    }

    record ProposalResponse(String id, String title, String content, String unitId, String proposedBy,
                            Instant proposedAt, Proposal.Status status, Proposal.Discussion discussion,
                            Proposal.Decision decision, Proposal.Posting posting, Instant withdrawnAt, Long version) {

        static ProposalResponse of(Proposal p) {
            return new ProposalResponse(p.id(), p.title(), p.content(), p.unitId(), p.proposedBy(), p.proposedAt(),
                    p.status(), p.discussion(), p.decision(), p.posting(), p.withdrawnAt(), p.version());
        }
    }

    /** What the public reads: no account ids. */
    record PostedProposal(String id, String title, String content, String unitId, Instant proposedAt,
                          Proposal.Recommendation recommendation, String discussionSummary, boolean adopted,
                          String resolution, Instant decidedAt, String notice, Instant postedAt, Instant postedUntil,
                          boolean onDisplay) {

        static PostedProposal of(Proposal p, Instant now) {
            return new PostedProposal(p.id(), p.title(), p.content(), p.unitId(), p.proposedAt(),
                    p.discussion().recommendation(), p.discussion().summary(), p.decision().adopted(),
                    p.decision().resolution(), p.decision().at(), p.posting().notice(), p.posting().from(),
                    p.posting().until(), p.posting().onDisplayAt(now));
        }
    }
}
