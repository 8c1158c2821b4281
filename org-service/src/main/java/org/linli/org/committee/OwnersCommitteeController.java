package org.linli.org.committee;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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

@Tag(name = "Owners' committees", description = "业委会 and 物管会 of compounds: terms, re-elections (换届), "
        + "party-member share and major decisions reported in advance (事前报告)")
@RestController
@RequestMapping("/api/v1/owners-committees")
@PreAuthorize(Roles.ADMINS)
class OwnersCommitteeController {

    static final int MAX_MEMBERS = 50;

    private final OwnersCommitteeService service;

    OwnersCommitteeController(OwnersCommitteeService service) {
        this.service = service;
    }

    @Operation(summary = "Form a compound's committee with its first term",
            description = "Roles: COMMUNITY_ADMIN, STREET_ADMIN, COUNTY_ADMIN whose scope covers the community (else 403). "
                    + "Candidates carry name and ID number; the number is checked against the negative list and never "
                    + "stored. Errors: 400 invalid body; 422 committee-exists, invalid-community, invalid-term, "
                    + "committee-needs-one-director, candidate-on-negative-list (detail names the listed reason).")
    @PostMapping
    ResponseEntity<CommitteeResponse> form(Caller caller, @Valid @RequestBody FormCommitteeRequest request) {
        OwnersCommittee committee = service.form(caller, new OwnersCommitteeService.NewCommittee(request.compoundId(),
                request.kind(), request.communityUnitId(), request.startsOn(), request.endsOn(), request.members()));
        return ResponseEntity.created(URI.create("/api/v1/owners-committees/" + committee.id()))
                .body(CommitteeResponse.of(committee));
    }

    @Operation(summary = "Read a committee", description = "Roles: admins; 403 outside the caller's scope, 404 unknown id.")
    @GetMapping("/{id}")
    CommitteeResponse get(Caller caller, @PathVariable String id) {
        return CommitteeResponse.of(service.get(caller, id));
    }

    @Operation(summary = "List the committees in the caller's scope, optionally of one compound",
            description = "Roles: admins; paged (?page, ?size ≤ 200, ?sort); filter ?compoundId=.")
    @GetMapping
    PagedModel<CommitteeResponse> list(Caller caller, @RequestParam(required = false) String compoundId,
                                       Pageable pageable) {
        return new PagedModel<>(service.list(caller, compoundId, pageable).map(CommitteeResponse::of));
    }

    @Operation(summary = "Re-elect a committee (换届): close the current term and open the next",
            description = "Roles: admins covering the committee's community (else 403). Errors: 400 invalid body, "
                    + "404 unknown id, 409 stale version; 422 invalid-re-election-date (the new term must start after "
                    + "the current one started), invalid-term, committee-needs-one-director, candidate-on-negative-list.")
    @PostMapping("/{id}/re-elections")
    CommitteeResponse reElect(Caller caller, @PathVariable String id, @Valid @RequestBody ReElectionRequest request) {
        return CommitteeResponse.of(service.reElect(caller, id, request.version(), request.startsOn(), request.endsOn(),
                request.members()));
    }

    @Operation(summary = "Report a major decision before it takes effect (事前报告)",
            description = "Roles: admins covering the committee's community, registering for the committee (else 403). "
                    + "It is dated today (county time) and must take effect at least linli.committees.decision-notice-days "
                    + "(default 7) days later. Errors: 400, 404, 409 stale version, 422 decision-not-pre-reported.")
    @PostMapping("/{id}/decisions")
    ResponseEntity<DecisionResponse> reportDecision(Caller caller, @PathVariable String id,
                                                    @Valid @RequestBody DecisionRequest request) {
        OwnersCommitteeService.Reported reported = service.reportDecision(caller, id, request.version(),
                request.title().strip(), request.summary(), request.takesEffectOn());
        return ResponseEntity.created(URI.create("/api/v1/owners-committees/" + id + "/decisions/"
                + reported.decision().id())).body(DecisionResponse.of(reported));
    }

    @Operation(summary = "Read a reported decision", description = "Roles: admins; 403 outside the scope, 404 unknown ids.")
    @GetMapping("/{id}/decisions/{decisionId}")
    DecisionResponse decision(Caller caller, @PathVariable String id, @PathVariable String decisionId) {
        return DecisionResponse.of(service.decision(caller, id, decisionId));
    }

    @Operation(summary = "The community acknowledges or rejects a reported decision",
            description = "Roles: admins covering the committee's community (else 403). Errors: 400, 404, "
                    + "409 stale version, 422 decision-already-answered.")
    @PostMapping("/{id}/decisions/{decisionId}/acknowledgement")
    DecisionResponse answer(Caller caller, @PathVariable String id, @PathVariable String decisionId,
                            @Valid @RequestBody AcknowledgementRequest request) {
        return DecisionResponse.of(service.answerDecision(caller, id, decisionId, request.version(), request.accepted()));
    }

    record FormCommitteeRequest(@NotBlank @Size(max = 64) String compoundId, @NotNull CommitteeKind kind,
                                @NotBlank @Size(max = 64) String communityUnitId, @NotNull LocalDate startsOn,
                                @NotNull LocalDate endsOn,
                                @NotEmpty @Size(max = MAX_MEMBERS) List<@Valid @NotNull Candidate> members) {
    }

    record ReElectionRequest(@NotNull Long version, @NotNull LocalDate startsOn, @NotNull LocalDate endsOn,
                             @NotEmpty @Size(max = MAX_MEMBERS) List<@Valid @NotNull Candidate> members) {
    }

    record DecisionRequest(@NotNull Long version, @NotBlank @Size(max = 200) String title,
                           @Size(max = 2000) String summary, @NotNull LocalDate takesEffectOn) {
    }

    record AcknowledgementRequest(@NotNull Long version, @NotNull Boolean accepted) {
    }

    record MemberResponse(String name, MemberRole role, String roleLabel, boolean partyMember) {

        static MemberResponse of(CommitteeMember member) {
            return new MemberResponse(member.name(), member.role(), member.role().label(), member.partyMember());
        }
    }

    record TermResponse(int number, LocalDate startsOn, LocalDate endsOn, LocalDate closedOn, int memberCount,
                        int partyMemberCount, List<MemberResponse> members) {

        static TermResponse of(CommitteeTerm term) {
            return new TermResponse(term.number(), term.startsOn(), term.endsOn(), term.closedOn(), term.memberCount(),
                    term.partyMemberCount(), term.members().stream().map(MemberResponse::of).toList());
        }
    }

    /** A decision; {@code version} is its committee's, to be sent with the next change. */
    record DecisionResponse(String id, String title, String summary, LocalDate reportedOn, LocalDate takesEffectOn,
                            DecisionStatus status, String statusLabel, LocalDate answeredOn, Long version) {

        static DecisionResponse of(OwnersCommitteeService.Reported reported) {
            return of(reported.decision(), reported.committee().version());
        }

        static DecisionResponse of(CommitteeDecision decision, Long version) {
            return new DecisionResponse(decision.id(), decision.title(), decision.summary(), decision.reportedOn(),
                    decision.takesEffectOn(), decision.status(), decision.status().label(), decision.answeredOn(), version);
        }
    }

    record CommitteeResponse(String id, String compoundId, CommitteeKind kind, String kindLabel, String communityUnitId,
                             TermResponse currentTerm, List<TermResponse> pastTerms, boolean partyMajority,
                             List<DecisionResponse> decisions, Instant createdAt, Long version) {

        static CommitteeResponse of(OwnersCommittee committee) {
            return new CommitteeResponse(committee.id(), committee.compoundId(), committee.kind(),
                    committee.kind().label(), committee.communityUnitId(), TermResponse.of(committee.currentTerm()),
                    committee.pastTerms().stream().map(TermResponse::of).toList(), committee.hasPartyMajority(),
                    committee.decisions().stream().map(decision -> DecisionResponse.of(decision, committee.version()))
                            .toList(),
                    committee.createdAt(), committee.version());
        }
    }
}
