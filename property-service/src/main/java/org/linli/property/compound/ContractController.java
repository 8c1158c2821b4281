package org.linli.property.compound;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.linli.platform.web.Caller;
import org.linli.platform.web.Roles;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Contracts", description = "物业服务合同 company ↔ compound: regular, temporary, fallback (兜底)")
@RestController
@RequestMapping("/api/v1/contracts")
class ContractController {

    private final CompoundService service;

    ContractController(CompoundService service) {
        this.service = service;
    }

    @Operation(summary = "Sign a service contract between a company and a compound",
            description = "Roles: COUNTY_ADMIN, STREET_ADMIN, COMMUNITY_ADMIN covering the compound (403). A regular "
                    + "contract ends the temporary or fallback service it overlaps the day before it starts. 422 "
                    + "overlapping-contract (two regular contracts, or an interim one over a running contract), "
                    + "invalid-contract-period, not-fallback-qualified (FALLBACK needs a state-owned or qualified "
                    + "company), invalid-fee-standard; with decisionId (the owners' passed decision selecting the "
                    + "company, Civil Code art. 278 item 4) also decision-not-passed, not-a-selection, "
                    + "decision-of-another-compound, decision-not-for-company; 404 unknown compound, company or "
                    + "decision; 409 concurrent change.")
    @PostMapping
    @PreAuthorize(Roles.ADMINS)
    ResponseEntity<ContractResponse> sign(Caller caller, @Valid @RequestBody SignRequest request) {
        CompoundService.ContractView view = service.sign(caller, request.compoundId(), request.companyId(),
                request.kind(), request.startsOn(), request.endsOn(), request.feeStandards() == null ? List.of()
                        : request.feeStandards().stream().map(fee -> new Contract.FeeStandard(fee.category(),
                        fee.fenPerSquareMetreMonth())).toList(), request.decisionId());
        return ResponseEntity.created(URI.create("/api/v1/contracts/" + view.contract().id()))
                .body(ContractResponse.of(view, service.today()));
    }

    @Operation(summary = "Read a contract",
            description = "Staff covering the compound, or PROPERTY_STAFF of the contract's company (403); 404 unknown id.")
    @GetMapping("/{id}")
    @PreAuthorize(CompoundController.READERS)
    ContractResponse get(Caller caller, @PathVariable String id) {
        return ContractResponse.of(service.contract(caller, id), service.today());
    }

    @Operation(summary = "End a contract early (TERMINATED)",
            description = "Roles: admins covering the compound (403). lastDay is its last day in force. 422 "
                    + "contract-ended, invalid-end-date (outside the contract's period); 404 unknown id.")
    @PostMapping("/{id}/termination")
    @PreAuthorize(Roles.ADMINS)
    ContractResponse end(Caller caller, @PathVariable String id, @Valid @RequestBody EndRequest request) {
        return ContractResponse.of(service.end(caller, id, request.lastDay()), service.today());
    }

    record FeeRequest(@NotBlank @Size(max = 50) String category, @PositiveOrZero long fenPerSquareMetreMonth) {
    }

    record SignRequest(@NotBlank @Size(max = 64) String compoundId, @NotBlank @Size(max = 64) String companyId,
                       @NotNull ContractKind kind, @NotNull LocalDate startsOn, @NotNull LocalDate endsOn,
                       @Size(max = 20) List<@Valid FeeRequest> feeStandards, @Size(max = 64) String decisionId) {
    }

    record EndRequest(@NotNull LocalDate lastDay) {
    }

    record ContractResponse(String id, String compoundId, String compoundName, String companyId, ContractKind kind,
                            String kindLabel, LocalDate startsOn, LocalDate endsOn,
                            List<Contract.FeeStandard> feeStandards, LocalDate endedOn, String endReason,
                            boolean inForce, String decisionId, Long compoundVersion) {

        static ContractResponse of(CompoundService.ContractView view, LocalDate today) {
            Contract contract = view.contract();
            return new ContractResponse(contract.id(), view.compound().id(), view.compound().name(), contract.companyId(),
                    contract.kind(), contract.kind().label(), contract.startsOn(), contract.endsOn(),
                    contract.feeStandards(), contract.endedOn(), contract.endReason(), contract.inForceOn(today),
                    contract.decisionId(), view.compound().version());
        }
    }
}
