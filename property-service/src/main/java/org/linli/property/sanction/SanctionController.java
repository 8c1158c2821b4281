package org.linli.property.sanction;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.linli.platform.web.Caller;
import org.linli.platform.web.Roles;
import org.linli.property.compound.Compound;
import org.linli.property.compound.Contract;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Sanctions", description = "通报批评、督办、黄牌（谨慎选聘名单）、约谈、清退, with appeals")
@RestController
class SanctionController {

    private static final String COMPANY_STAFF = "hasRole('" + Roles.PROPERTY_STAFF + "')";
    static final String ISSUERS = "hasAnyRole('" + Roles.COUNTY_ADMIN + "','" + Roles.STREET_ADMIN + "','"
            + Roles.DEPARTMENT_STAFF + "')";
    static final String READERS = "hasAnyRole(" + Roles.ADMIN_LIST + ",'" + Roles.DEPARTMENT_STAFF + "','"
            + Roles.PROPERTY_STAFF + "','" + Roles.INTEGRATION_CLIENT + "')";

    private final SanctionService service;

    SanctionController(SanctionService service) {
        this.service = service;
    }

    @Operation(summary = "Issue a sanction: PUBLIC_CRITICISM, SUPERVISED_ITEM (with a deadline), YELLOW_CARD or SUMMONS",
            description = "Roles: COUNTY_ADMIN, STREET_ADMIN, DEPARTMENT_STAFF. Without compoundId (company-wide) a "
                    + "county-wide account (403); with one, by the compound's class (403 otherwise): COUNTY_ADMIN and "
                    + "STREET_ADMIN covering it, and DEPARTMENT_STAFF covering a COMMERCIAL compound, DEPARTMENT_STAFF of "
                    + "the named employer's party organisation for a WORK_UNIT one, none for an OLD_OR_UNMANAGED one (the "
                    + "township or street answers). A yellow card puts "
                    + "the company on the public caution list until lifted. 422 invalid-deadline (a supervised item "
                    + "needs a future deadline), eviction-via-compound (EVICTION has its own operation), invalid-reason; "
                    + "404 unknown company or compound.")
    @PostMapping("/api/v1/sanctions")
    @PreAuthorize(ISSUERS)
    ResponseEntity<SanctionResponse> issue(Caller caller, @Valid @RequestBody IssueRequest request) {
        Sanction sanction = service.issue(caller, request.kind(), request.companyId(), request.compoundId(),
                request.reason(), request.evidenceRefs(), request.deadline());
        return ResponseEntity.created(URI.create("/api/v1/sanctions/" + sanction.id()))
                .body(SanctionResponse.of(sanction, service.today()));
    }

    @Operation(summary = "Evict the compound's company (清退) and hand the compound to a fallback company at once",
            description = "Roles: COUNTY_ADMIN, STREET_ADMIN covering the compound (403). Cites decisionId: the "
                    + "owners' passed decision (Civil Code art. 278 item 4) dismissing the company of the regular "
                    + "contract in force; only where that company stands sanctioned (a sanction in force or under "
                    + "appeal) may the older assembly consultation (more than half of the participating households) "
                    + "stand in instead. Ends the regular contract (last day yesterday), starts a FALLBACK contract "
                    + "from today with a state-owned or qualified company and issues the EVICTION sanction, in one "
                    + "write with ContractEnded, ContractStarted and SanctionIssued. 422 dismissal-decision-required, "
                    + "decision-or-consultation, decision-not-passed, not-a-dismissal, decision-of-another-compound, "
                    + "decision-not-for-company, no-regular-contract, invalid-consultation, consultation-not-agreed, "
                    + "not-fallback-qualified, fallback-is-evicted-company, overlapping-contract, "
                    + "invalid-contract-period; 404 unknown compound, company or decision; 409 concurrent change.")
    @PostMapping("/api/v1/compounds/{id}/evictions")
    @PreAuthorize(Roles.STREET_AND_COUNTY_ADMINS)
    ResponseEntity<EvictionResponse> evict(Caller caller, @PathVariable String id,
                                           @Valid @RequestBody EvictionRequest request) {
        ConsultationRequest consultation = request.consultation();
        SanctionService.EvictionResult result = service.evict(caller, id, request.decisionId(),
                consultation == null ? null : new Compound.AssemblyConsultation(consultation.heldOn(),
                        consultation.participatingHouseholds(), consultation.agreeingHouseholds(),
                        consultation.minutesRef()),
                request.fallbackCompanyId(), request.fallbackEndsOn(), request.reason(), request.evidenceRefs());
        Contract fallback = result.compound().contracts().stream()
                .filter(contract -> contract.id().equals(result.eviction().fallbackContractId())).findFirst().orElseThrow();
        return ResponseEntity.status(HttpStatus.CREATED).body(new EvictionResponse(result.compound().id(),
                result.eviction(), fallback, SanctionResponse.of(result.sanction(), service.today()),
                result.compound().version()));
    }

    @Operation(summary = "The public caution list (谨慎选聘企业): companies with a yellow card in force",
            description = "Public, no token. Paged; company name, credit code, since when and why.")
    @GetMapping("/api/v1/sanctions/caution-list")
    PagedModel<SanctionService.CautionEntry> cautionList(Pageable pageable) {
        return new PagedModel<>(service.cautionList(pageable));
    }

    @Operation(summary = "A company's credit record (信用记录): grade, caution-list standing, sanctions per kind, latest sanctions",
            description = "Staff roles; PROPERTY_STAFF only their own company (403). 404 unknown company.")
    @GetMapping("/api/v1/property-companies/{id}/credit-record")
    @PreAuthorize(READERS)
    CreditRecordResponse creditRecord(Caller caller, @PathVariable String id) {
        SanctionService.CreditRecord record = service.creditRecord(caller, id);
        LocalDate today = service.today();
        return new CreditRecordResponse(record.companyId(), record.companyName(), record.creditCode(),
                record.starLevel(), record.onCautionList(), record.sanctionsPerKind(),
                record.latestSanctions().stream().map(sanction -> SanctionResponse.of(sanction, today)).toList());
    }

    @Operation(summary = "List sanctions",
            description = "Staff roles: PROPERTY_STAFF their company's (the company's credit record), county-wide "
                    + "accounts all, other admins the company-wide ones and those about compounds in scope. Paged; "
                    + "?companyId=, ?kind=, ?status=, ?overdue=true (supervised items in force past their deadline).")
    @GetMapping("/api/v1/sanctions")
    @PreAuthorize(READERS)
    PagedModel<SanctionResponse> list(Caller caller, @RequestParam(required = false) String companyId,
                                      @RequestParam(required = false) SanctionKind kind,
                                      @RequestParam(required = false) Sanction.Status status,
                                      @RequestParam(defaultValue = "false") boolean overdue, Pageable pageable) {
        LocalDate today = service.today();
        return new PagedModel<>(service.list(caller, companyId, kind, status, overdue, pageable)
                .map(sanction -> SanctionResponse.of(sanction, today)));
    }

    @Operation(summary = "Read a sanction", description = "As the list's scope (403); 404 unknown id.")
    @GetMapping("/api/v1/sanctions/{id}")
    @PreAuthorize(READERS)
    SanctionResponse get(Caller caller, @PathVariable String id) {
        return SanctionResponse.of(service.get(caller, id), service.today());
    }

    @Operation(summary = "Appeal a sanction (the company, within its appeal window)",
            description = "Role: PROPERTY_STAFF of the sanctioned company (403). 422 appeal-window-closed, already-appealed.")
    @PostMapping("/api/v1/sanctions/{id}/appeal")
    @PreAuthorize(COMPANY_STAFF)
    SanctionResponse appeal(Caller caller, @PathVariable String id, @Valid @RequestBody AppealRequest request) {
        return SanctionResponse.of(service.appeal(caller, id, request.grounds()), service.today());
    }

    @Operation(summary = "Decide an appeal: upheld revokes the sanction, dismissed keeps it",
            description = "Roles: issuers with the sanction in their administration (403). 422 no-pending-appeal.")
    @PostMapping("/api/v1/sanctions/{id}/appeal-decision")
    @PreAuthorize(ISSUERS)
    SanctionResponse decide(Caller caller, @PathVariable String id, @Valid @RequestBody DecisionRequest request) {
        return SanctionResponse.of(service.decideAppeal(caller, id, request.upheld(), request.note()),
                service.today());
    }

    @Operation(summary = "Lift a yellow card: the company leaves the caution list",
            description = "Roles: issuers with the sanction in their administration (403). 422 not-liftable.")
    @PostMapping("/api/v1/sanctions/{id}/lifting")
    @PreAuthorize(ISSUERS)
    SanctionResponse lift(Caller caller, @PathVariable String id) {
        return SanctionResponse.of(service.lift(caller, id), service.today());
    }

    @Operation(summary = "Mark a supervised item (督办) rectified",
            description = "Roles: issuers with the sanction in their administration (403). 422 not-resolvable.")
    @PostMapping("/api/v1/sanctions/{id}/resolution")
    @PreAuthorize(ISSUERS)
    SanctionResponse resolve(Caller caller, @PathVariable String id) {
        return SanctionResponse.of(service.resolve(caller, id), service.today());
    }

    record IssueRequest(@NotNull SanctionKind kind, @NotBlank @Size(max = 64) String companyId,
                        @Size(max = 64) String compoundId, @NotBlank @Size(max = Sanction.MAX_TEXT) String reason,
                        @Size(max = 20) List<@NotBlank @Size(max = 200) String> evidenceRefs, LocalDate deadline) {
    }

    record ConsultationRequest(@NotNull LocalDate heldOn, @Positive int participatingHouseholds,
                               @PositiveOrZero int agreeingHouseholds, @Size(max = 200) String minutesRef) {
    }

    record EvictionRequest(@Size(max = 64) String decisionId, @Valid ConsultationRequest consultation,
                           @NotBlank @Size(max = 64) String fallbackCompanyId, @NotNull LocalDate fallbackEndsOn,
                           @NotBlank @Size(max = Sanction.MAX_TEXT) String reason,
                           @Size(max = 20) List<@NotBlank @Size(max = 200) String> evidenceRefs) {
    }

    record AppealRequest(@NotBlank @Size(max = Sanction.MAX_TEXT) String grounds) {
    }

    record DecisionRequest(@NotNull Boolean upheld, @Size(max = Sanction.MAX_TEXT) String note) {
    }

    record CreditRecordResponse(String companyId, String companyName, String creditCode, int starLevel,
                                boolean onCautionList, List<SanctionService.CreditRecord.KindCount> sanctionsPerKind,
                                List<SanctionResponse> latestSanctions) {
    }

    record EvictionResponse(String compoundId, Compound.Eviction eviction, Contract fallbackContract,
                            SanctionResponse sanction, Long compoundVersion) {
    }

    record SanctionResponse(String id, SanctionKind kind, String kindLabel, String companyId, String compoundId,
                            String reason, List<String> evidenceRefs, LocalDate issuedOn, LocalDate appealUntil,
                            LocalDate deadline, boolean overdue, Sanction.Status status, Sanction.Appeal appeal,
                            LocalDate closedOn, boolean onCautionList, Long version) {

        static SanctionResponse of(Sanction sanction, LocalDate today) {
            return new SanctionResponse(sanction.id(), sanction.kind(), sanction.kind().label(), sanction.companyId(),
                    sanction.compoundId(), sanction.reason(), sanction.evidenceRefs(), sanction.issuedOn(),
                    sanction.appealUntil(), sanction.deadline(), sanction.overdue(today), sanction.status(),
                    sanction.appeal(),
                    sanction.closedOn(), sanction.cautions(), sanction.version());
        }
    }
}
