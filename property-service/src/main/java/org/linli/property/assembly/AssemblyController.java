package org.linli.property.assembly;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Owners' assembly", description = "业主名册与业主共同决定（民法典第二百七十八条）: register, votes, paper ballots, "
        + "the law's verdict")
@RestController
class AssemblyController {

    private final AssemblyService service;

    AssemblyController(AssemblyService service) {
        this.service = service;
    }

    @Operation(operationId = "getOwnersRegister", summary = "Read a compound's owners' register (业主名册) with its headcount",
            description = "Roles: admins covering the compound, or its owners' committee members (403). 404 unknown "
                    + "compound.")
    @GetMapping("/api/v1/compounds/{id}/owners-register")
    @PreAuthorize("isAuthenticated()")
    RegisterResponse register(Caller caller, @PathVariable String id) {
        return RegisterResponse.of(service.register(caller, id));
    }

    @Operation(operationId = "replaceOwnersRegister", summary = "Replace a compound's owners' register: owners and exclusive units (专有部分) with their area",
            description = "Roles: COUNTY_ADMIN, STREET_ADMIN, COMMUNITY_ADMIN covering the compound (403). Areas in "
                    + "square metres with at most four decimals, kept exactly in square centimetres. A unit has an "
                    + "owner or is the developer's (developerHeld). Votes already called keep the register they "
                    + "started with. 422 invalid-area, duplicate-owner, duplicate-owner-account, "
                    + "committee-member-without-account, duplicate-unit, unit-owner-required, unknown-owner; 409 "
                    + "stale version; 404 unknown compound.")
    @PutMapping("/api/v1/compounds/{id}/owners-register")
    @PreAuthorize(Roles.ADMINS)
    RegisterResponse replaceRegister(Caller caller, @PathVariable String id,
                                     @Valid @RequestBody RegisterRequest request) {
        List<OwnersRegister.Owner> owners = request.owners().stream().map(owner -> new OwnersRegister.Owner(owner.id(),
                owner.name(), owner.accountId(), Boolean.TRUE.equals(owner.committeeMember()))).toList();
        List<OwnersRegister.Unit> units = request.units().stream().map(unit -> new OwnersRegister.Unit(unit.number(),
                OwnersRegister.squareCentimetres(unit.number(), unit.area()), unit.ownerId(),
                Boolean.TRUE.equals(unit.developerHeld()))).toList();
        return RegisterResponse.of(service.replaceRegister(caller, id, request.developerName(), owners, units,
                request.version()));
    }

    @Operation(operationId = "callAssemblyDecision", summary = "Call an owners' vote (表决) on a matter of Civil Code art. 278",
            description = "Roles: admins covering the compound, or its owners' committee members (403). The electorate "
                    + "is the register now. Item 4 (PROPERTY_COMPANY) names companyAction (SELECT/DISMISS) and companyId. "
                    + "Major matters (3, 4, 6, 7, 8, 9) open for votes only once the preparation chain is recorded. "
                    + "422 company-action-mismatch, invalid-voting-window, empty-register; 404 unknown compound or "
                    + "company.")
    @PostMapping("/api/v1/assembly-decisions")
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<DecisionResponse> call(Caller caller, @Valid @RequestBody CallRequest request) {
        Decision decision = service.call(caller, new AssemblyService.NewDecision(request.compoundId(), request.matter(),
                request.title(), request.description(), request.companyAction(), request.companyId(), request.opensAt(),
                request.closesAt()));
        return ResponseEntity.created(URI.create("/api/v1/assembly-decisions/" + decision.id()))
                .body(DecisionResponse.of(decision));
    }

    @Operation(operationId = "listAssemblyDecisions", summary = "List a compound's owners' decisions, newest first",
            description = "Roles: admins covering the compound, its owners' committee members, and its owners with "
                    + "their own account (403 for anyone else, e.g. a resident of another compound). Paged.")
    @GetMapping("/api/v1/assembly-decisions")
    @PreAuthorize("isAuthenticated()")
    PagedModel<DecisionResponse> list(Caller caller, @RequestParam String compoundId, Pageable pageable) {
        return new PagedModel<>(service.list(caller, compoundId, pageable).map(DecisionResponse::of));
    }

    @Operation(operationId = "getAssemblyDecision", summary = "Read an owners' decision with its preparation and, once closed, the law's verdict",
            description = "Roles: admins covering the compound, its owners' committee members, and the owners who "
                    + "vote in it (403 otherwise). The result shows each of the four shares against its threshold. "
                    + "404 unknown id.")
    @GetMapping("/api/v1/assembly-decisions/{id}")
    @PreAuthorize("isAuthenticated()")
    DecisionResponse get(Caller caller, @PathVariable String id) {
        return DecisionResponse.of(service.get(caller, id));
    }

    @Operation(operationId = "recordPreparationStep", summary = "Record the next preparation step of a major matter (业委会动员 → 三方提议 → 社区党委审核)",
            description = "Roles: admins covering the compound or its owners' committee members; "
                    + "PARTY_COMMITTEE_REVIEWED only admins (403). Who and when are recorded. 422 "
                    + "no-preparation-for-matter, preparation-out-of-order, preparation-complete, decision-closed; "
                    + "409 concurrent change.")
    @PostMapping("/api/v1/assembly-decisions/{id}/preparation-steps")
    @PreAuthorize("isAuthenticated()")
    DecisionResponse prepare(Caller caller, @PathVariable String id, @Valid @RequestBody StepRequest request) {
        return DecisionResponse.of(service.prepare(caller, id, request.step(), request.note()));
    }

    @Operation(operationId = "castAssemblyVote", summary = "Vote as an owner with your own account: AGREE, AGAINST or ABSTAIN",
            description = "Role: an owner in the decision's electorate whose register entry names this account (403). "
                    + "One vote per owner, however many units (a second, also on paper, 422 already-voted). 422 "
                    + "voting-not-open, voting-closed, preparation-incomplete, already-voted.")
    @PostMapping("/api/v1/assembly-decisions/{id}/votes")
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<BallotResponse> vote(Caller caller, @PathVariable String id, @Valid @RequestBody VoteRequest request) {
        return ResponseEntity.status(201).body(BallotResponse.of(service.vote(caller, id, request.choice())));
    }

    @Operation(operationId = "enterPaperBallot", summary = "Enter an owner's paper ballot (纸质表决票) with its number",
            description = "Roles: admins covering the compound or its owners' committee members (403). Who entered it "
                    + "is recorded. ownerId is the register's owner id, or `developer` for the developer's units. 422 "
                    + "not-an-owner, ballot-number-used, voting-not-open, voting-closed, preparation-incomplete, "
                    + "already-voted.")
    @PostMapping("/api/v1/assembly-decisions/{id}/paper-ballots")
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<BallotResponse> paperBallot(Caller caller, @PathVariable String id,
                                               @Valid @RequestBody PaperBallotRequest request) {
        return ResponseEntity.status(201).body(BallotResponse.of(service.enterPaperBallot(caller, id, request.ownerId(),
                request.choice(), request.ballotNumber())));
    }

    @Operation(operationId = "listAssemblyBallots", summary = "The ballots of a decision with who cast or entered each (audit trail)",
            description = "Roles: admins covering the compound or its owners' committee members (403). Paged, in "
                    + "the order cast.")
    @GetMapping("/api/v1/assembly-decisions/{id}/ballots")
    @PreAuthorize("isAuthenticated()")
    PagedModel<BallotResponse> ballots(Caller caller, @PathVariable String id, Pageable pageable) {
        return new PagedModel<>(service.ballots(caller, id, pageable).map(BallotResponse::of));
    }

    @Operation(operationId = "closeAssemblyDecision", summary = "Close a vote after its closing time and decide it by Civil Code art. 278",
            description = "Roles: admins covering the compound or its owners' committee members (403). Votes are "
                    + "counted ten seconds after the closing time; a scheduler closes due votes every minute too. "
                    + "Publishes AssemblyDecisionClosed. 422 voting-still-open, decision-closed; 409 concurrent close.")
    @PostMapping("/api/v1/assembly-decisions/{id}/closing")
    @PreAuthorize("isAuthenticated()")
    DecisionResponse close(Caller caller, @PathVariable String id) {
        return DecisionResponse.of(service.close(caller, id));
    }

    record OwnerRequest(@NotBlank @Size(max = 64) String id, @NotBlank @Size(max = 100) String name,
                        @Size(max = 64) String accountId, Boolean committeeMember) {
    }

    record UnitRequest(@NotBlank @Size(max = 64) String number,
                       @NotNull @Positive @Digits(integer = 9, fraction = 4) BigDecimal area,
                       @Size(max = 64) String ownerId, Boolean developerHeld) {
    }

    record RegisterRequest(@Size(max = 100) String developerName,
                           @NotNull @Size(max = OwnersRegister.MAX_UNITS) List<@NotNull @Valid OwnerRequest> owners,
                           @NotNull @Size(max = OwnersRegister.MAX_UNITS) List<@NotNull @Valid UnitRequest> units,
                           Long version) {
    }

    record CallRequest(@NotBlank @Size(max = 64) String compoundId, @NotNull Matter matter,
                       @NotBlank @Size(max = Decision.MAX_TITLE) String title,
                       @Size(max = Decision.MAX_TEXT) String description, Decision.CompanyAction companyAction,
                       @Size(max = 64) String companyId, @NotNull Instant opensAt, @NotNull Instant closesAt) {
    }

    record StepRequest(@NotNull Decision.Step step, @Size(max = Decision.MAX_TEXT) String note) {
    }

    record VoteRequest(@NotNull Ballot.Choice choice) {
    }

    record PaperBallotRequest(@NotBlank @Size(max = 64) String ownerId, @NotNull Ballot.Choice choice,
                              @NotBlank @Size(max = 64) String ballotNumber) {
    }

    record VoterResponse(String key, String name, int units, long areaCm2, boolean hasAccount) {
    }

    record RegisterResponse(String compoundId, String developerName, List<OwnersRegister.Owner> owners,
                            List<UnitResponse> units, List<VoterResponse> headcount, long totalOwners,
                            long totalAreaCm2, Instant updatedAt, String updatedBy, Long version) {

        static RegisterResponse of(OwnersRegister register) {
            List<OwnersRegister.Voter> voters = register.voters();
            return new RegisterResponse(register.compoundId(), register.developerName(), register.owners(),
                    register.units().stream().map(UnitResponse::of).toList(),
                    voters.stream().map(v -> new VoterResponse(v.key(), v.name(), v.units(), v.areaCm2(),
                            v.accountId() != null)).toList(),
                    voters.size(), voters.stream().mapToLong(OwnersRegister.Voter::areaCm2).sum(),
                    register.updatedAt(), register.updatedBy(), register.version());
        }
    }

    record UnitResponse(String number, BigDecimal area, long areaCm2, String ownerId, boolean developerHeld) {

        static UnitResponse of(OwnersRegister.Unit unit) {
            return new UnitResponse(unit.number(), BigDecimal.valueOf(unit.areaCm2(), 4).stripTrailingZeros(),
                    unit.areaCm2(), unit.ownerId(), unit.developerHeld());
        }
    }

    record StepResponse(Decision.Step step, String stepLabel, String accountId, String username, String note,
                        Instant recordedAt) {
    }

    record MeasureResponse(String name, long part, long base, Threshold threshold, String thresholdLabel, boolean met) {
    }

    record ResultResponse(Outcome.Verdict verdict, String verdictLabel, boolean passed, List<MeasureResponse> measures) {
    }

    record DecisionResponse(String id, String compoundId, Matter matter, int matterItem, String matterLabel,
                            boolean specialMajority, boolean major, String title, String description,
                            Decision.CompanyAction companyAction, String companyId, Instant opensAt, Instant closesAt,
                            long totalOwners, long totalAreaCm2, List<StepResponse> preparation, boolean prepared,
                            Decision.Status status, ResultResponse result, Instant closedAt, String createdBy,
                            Instant createdAt, Long version) {

        static DecisionResponse of(Decision decision) {
            Outcome outcome = decision.outcome();
            ResultResponse result = outcome == null ? null : new ResultResponse(outcome.verdict(),
                    outcome.verdict().label(), outcome.passed(), outcome.measures().stream()
                    .map(m -> new MeasureResponse(m.name(), m.part(), m.base(), m.threshold(), m.threshold().label(),
                            m.met())).toList());
            Matter matter = decision.matter();
            return new DecisionResponse(decision.id(), decision.compoundId(), matter, matter.item(), matter.label(),
                    matter.special(), matter.major(), decision.title(), decision.description(),
                    decision.companyAction(), decision.companyId(), decision.opensAt(), decision.closesAt(),
                    decision.total().owners(), decision.total().areaCm2(),
                    decision.preparation().stream().map(s -> new StepResponse(s.step(), s.step().label(),
                            s.accountId(), s.username(), s.note(), s.recordedAt())).toList(),
                    decision.prepared(), decision.status(), result, decision.closedAt(), decision.createdBy(),
                    decision.createdAt(), decision.version());
        }
    }

    record BallotResponse(String decisionId, String ownerId, Ballot.Choice choice, Ballot.Channel channel,
                          String ballotNumber, String enteredBy, String enteredByName, Instant castAt) {

        static BallotResponse of(Ballot ballot) {
            return new BallotResponse(ballot.decisionId(), ballot.voterKey(), ballot.choice(), ballot.channel(),
                    ballot.ballotNumber(), ballot.enteredBy(), ballot.enteredByName(), ballot.castAt());
        }
    }
}
