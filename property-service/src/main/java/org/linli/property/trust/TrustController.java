package org.linli.property.trust;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.linli.platform.web.Caller;
import org.linli.platform.web.Roles;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@Tag(name = "Trust accounts", description = "信托制物业: a compound's income and expenses, public to its owners; "
        + "四议两公开 for spending above the owners' threshold; owners' objections answered on the record")
@RestController
@RequestMapping("/api/v1/trust-accounts/{compoundId}")
class TrustController {

    private static final String RESIDENTS = "hasRole('" + Roles.RESIDENT + "')";
    static final String READERS = "hasAnyRole(" + Roles.ADMIN_LIST + ",'" + Roles.RESIDENT + "','"
            + Roles.DEPARTMENT_STAFF + "','" + Roles.GRID_WORKER + "','" + Roles.PROPERTY_STAFF + "','"
            + Roles.INTEGRATION_CLIENT + "')";
    static final String BOOKERS = "hasAnyRole(" + Roles.ADMIN_LIST + ",'" + Roles.PROPERTY_STAFF + "')";
    private static final String READ_SCOPE = "RESIDENT accounts registered in the compound; staff seeing the compound "
            + "(admins, DEPARTMENT_STAFF, GRID_WORKER covering it, PROPERTY_STAFF of the serving company). 403 "
            + "otherwise (a resident of another compound too); 404 unknown compound.";
    private static final String BOOK_SCOPE = "Roles: PROPERTY_STAFF of the company serving the compound today (the "
            + "trustee keeps the books), COUNTY/STREET/COMMUNITY_ADMIN covering it (403 otherwise). ";

    private final TrustService service;

    TrustController(TrustService service) {
        this.service = service;
    }

    @Operation(summary = "A compound's trust account: balance, lines, the owners' threshold, open objections",
            description = READ_SCOPE)
    @GetMapping
    @PreAuthorize(READERS)
    TrustService.Account getTrustAccount(Caller caller, @PathVariable String compoundId) {
        return service.account(caller, compoundId);
    }

    @Operation(summary = "Set the owners' threshold: an expense above it needs a recorded 四议两公开",
            description = "Roles: COUNTY/STREET/COMMUNITY_ADMIN covering the compound, recording what the owners "
                    + "(assembly or committee) decided, with its basis (403). Until set, the county default applies "
                    + "(linli.property.trust.default-threshold-fen). 422 invalid-amount, invalid-step-date.")
    @PutMapping("/threshold")
    @PreAuthorize(Roles.ADMINS)
    TrustService.Account setTrustThreshold(Caller caller, @PathVariable String compoundId,
                                   @Valid @RequestBody ThresholdRequest request) {
        return service.setThreshold(caller, compoundId, request.thresholdFen(), request.basis(), request.decidedOn());
    }

    @Operation(summary = "Book income or an expense (JSON, no vouchers)",
            description = BOOK_SCOPE + "The category decides the kind (PROPERTY_FEES, PARKING, ADVERTISING, "
                    + "OTHER_INCOME are income). An expense above the threshold cites its deliberation. 422 "
                    + "deliberation-required, deliberation-not-ready, deliberation-amount-exceeded, deliberation-used, "
                    + "unknown-deliberation, deliberation-for-expenses, insufficient-funds, closed-month, "
                    + "entry-in-future, category-mismatch, invalid-amount, invalid-entry-description; 409 too busy.")
    @PostMapping(path = "/entries", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(BOOKERS)
    ResponseEntity<EntryResponse> bookTrustEntry(Caller caller, @PathVariable String compoundId,
                                       @Valid @RequestBody BookingRequest request) {
        return created(service.book(caller, compoundId, request.booking(), request.deliberationId(), List.of()));
    }

    @Operation(summary = "Book income or an expense with up to 9 vouchers (multipart: part `entry` as JSON, parts "
            + "`vouchers`)", description = "As the JSON variant; vouchers are JPEG, PNG, WebP or PDF by content, "
            + "≤ 5 MB each (422 invalid-voucher, voucher-too-large, too-many-vouchers; nothing is stored when one is "
            + "refused or the line is refused).")
    @PostMapping(path = "/entries", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(BOOKERS)
    ResponseEntity<EntryResponse> bookTrustEntryWithVouchers(Caller caller, @PathVariable String compoundId,
                                                   @Valid @RequestPart("entry") BookingRequest request,
                                                   @RequestPart(name = "vouchers", required = false)
                                                   List<MultipartFile> files) {
        return created(service.book(caller, compoundId, request.booking(), request.deliberationId(), files));
    }

    @Operation(summary = "Correct a line by reversing it (冲正): a new line with the opposite amount, dated today",
            description = BOOK_SCOPE + "Once per line. 422 already-reversed, not-reversible, insufficient-funds, "
                    + "invalid-entry-description; 404 unknown line.")
    @PostMapping("/entries/{sequence}/reversal")
    @PreAuthorize(BOOKERS)
    ResponseEntity<EntryResponse> reverseTrustEntry(Caller caller, @PathVariable String compoundId, @PathVariable long sequence,
                                          @Valid @RequestBody ReversalRequest request) {
        return created(service.reverse(caller, compoundId, sequence, request.reason()));
    }

    @Operation(summary = "The account's lines in order", description = READ_SCOPE + " Paged, oldest first; ?month=2026-11.")
    @GetMapping("/entries")
    @PreAuthorize(READERS)
    PagedModel<EntryResponse> listTrustEntries(Caller caller, @PathVariable String compoundId,
                                      @RequestParam(required = false) YearMonth month, Pageable pageable) {
        return new PagedModel<>(service.entries(caller, compoundId, month, pageable).map(EntryResponse::of));
    }

    @Operation(summary = "One line with its reversal and the objections to it", description = READ_SCOPE
            + " 404 unknown line.")
    @GetMapping("/entries/{sequence}")
    @PreAuthorize(READERS)
    EntryDetailResponse getTrustEntry(Caller caller, @PathVariable String compoundId, @PathVariable long sequence) {
        TrustService.EntryDetail detail = service.entry(caller, compoundId, sequence);
        return new EntryDetailResponse(EntryResponse.of(detail.entry()), detail.reversedBySequence(),
                detail.objections().stream().map(ObjectionResponse::of).toList());
    }

    @Operation(summary = "A voucher of a line", description = READ_SCOPE + " 404 unknown line or voucher.")
    @GetMapping("/entries/{sequence}/vouchers/{voucherId}")
    @PreAuthorize(READERS)
    ResponseEntity<byte[]> getTrustVoucher(Caller caller, @PathVariable String compoundId, @PathVariable long sequence,
                                   @PathVariable String voucherId) {
        VoucherStore.Content file = service.voucher(caller, compoundId, sequence, voucherId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=3600").body(file.bytes());
    }

    @Operation(summary = "The monthly statement (月度收支公示): opening balance, lines, income, expenses, closing balance",
            description = READ_SCOPE + " A month is closed once it is over or a later month has lines.")
    @GetMapping("/statements/{month}")
    @PreAuthorize(READERS)
    StatementResponse getTrustStatement(Caller caller, @PathVariable String compoundId, @PathVariable YearMonth month) {
        return StatementResponse.of(service.statement(caller, compoundId, month));
    }

    @Operation(summary = "Open a 四议两公开 record with its proposal (党组织提议)",
            description = "Roles: COUNTY/STREET/COMMUNITY_ADMIN covering the compound (403). 422 invalid-amount, "
                    + "invalid-deliberation-text, invalid-step-date.")
    @PostMapping("/deliberations")
    @PreAuthorize(Roles.ADMINS)
    ResponseEntity<DeliberationResponse> proposeTrustDeliberation(Caller caller, @PathVariable String compoundId,
                                                 @Valid @RequestBody ProposalRequest request) {
        Deliberation deliberation = service.propose(caller, compoundId, request.subject(), request.amountFen(),
                request.proposedOn(), request.summary());
        return ResponseEntity.created(URI.create("/api/v1/trust-accounts/" + compoundId + "/deliberations/"
                + deliberation.id())).body(DeliberationResponse.of(deliberation));
    }

    @Operation(summary = "Record the next step of a 四议两公开: CONSULTATION, REVIEW, DECISION (approved or not), "
            + "RESULT_PUBLICATION, IMPLEMENTATION_PUBLICATION", description = "Roles: COUNTY/STREET/COMMUNITY_ADMIN "
            + "covering the compound (403). The implementation is published after the expense citing the record is "
            + "booked. 422 deliberation-step-out-of-order, invalid-step-date, decision-outcome-required, "
            + "deliberation-rejected, expense-not-booked, invalid-deliberation-text; 404 unknown record; 409 "
            + "concurrent change.")
    @PostMapping("/deliberations/{id}/steps")
    @PreAuthorize(Roles.ADMINS)
    DeliberationResponse recordTrustDeliberationStep(Caller caller, @PathVariable String compoundId, @PathVariable String id,
                              @Valid @RequestBody StepRequest request) {
        return DeliberationResponse.of(service.recordStep(caller, compoundId, id, request.step(), request.on(),
                request.summary(), request.approved()));
    }

    @Operation(summary = "A 四议两公开 record", description = READ_SCOPE + " 404 unknown record.")
    @GetMapping("/deliberations/{id}")
    @PreAuthorize(READERS)
    DeliberationResponse getTrustDeliberation(Caller caller, @PathVariable String compoundId, @PathVariable String id) {
        return DeliberationResponse.of(service.deliberation(caller, compoundId, id));
    }

    @Operation(summary = "The compound's 四议两公开 records, newest first", description = READ_SCOPE + " Paged.")
    @GetMapping("/deliberations")
    @PreAuthorize(READERS)
    PagedModel<DeliberationResponse> listTrustDeliberations(Caller caller, @PathVariable String compoundId, Pageable pageable) {
        return new PagedModel<>(service.deliberations(caller, compoundId, pageable).map(DeliberationResponse::of));
    }

    @Operation(summary = "Object to a line (异议)", description = "Role: RESIDENT registered in the compound (403). "
            + "422 invalid-objection-text; 404 unknown line.")
    @PostMapping("/entries/{sequence}/objections")
    @PreAuthorize(RESIDENTS)
    ResponseEntity<ObjectionResponse> objectToTrustEntry(Caller caller, @PathVariable String compoundId,
                                             @PathVariable long sequence, @Valid @RequestBody TextRequest request) {
        Objection objection = service.object(caller, compoundId, sequence, request.text());
        return ResponseEntity.created(URI.create("/api/v1/trust-accounts/" + compoundId + "/objections/"
                + objection.id())).body(ObjectionResponse.of(objection));
    }

    @Operation(summary = "Answer an objection on the record", description = BOOK_SCOPE + "Once. 422 already-answered, "
            + "invalid-objection-text; 404 unknown objection; 409 concurrent change.")
    @PostMapping("/objections/{id}/answer")
    @PreAuthorize(BOOKERS)
    ObjectionResponse answerTrustObjection(Caller caller, @PathVariable String compoundId, @PathVariable String id,
                             @Valid @RequestBody TextRequest request) {
        return ObjectionResponse.of(service.answer(caller, compoundId, id, request.text()));
    }

    @Operation(summary = "Objections to the compound's lines with their answers, newest first",
            description = READ_SCOPE + " Paged; ?open=true unanswered, false answered.")
    @GetMapping("/objections")
    @PreAuthorize(READERS)
    PagedModel<ObjectionResponse> listTrustObjections(Caller caller, @PathVariable String compoundId,
                                             @RequestParam(required = false) Boolean open, Pageable pageable) {
        return new PagedModel<>(service.objections(caller, compoundId, open, pageable).map(ObjectionResponse::of));
    }

    @Operation(summary = "Register a resident account in the compound: it may then read the account and object",
            description = "Roles: COUNTY/STREET/COMMUNITY_ADMIN covering the compound (403). Idempotent. The stand-in "
                    + "until accounts are tied to households or the owners' register.")
    @PutMapping("/residents/{accountId}")
    @PreAuthorize(Roles.ADMINS)
    ResidentResponse registerCompoundResident(Caller caller, @PathVariable String compoundId,
                                      @PathVariable @Size(max = 64) String accountId) {
        return ResidentResponse.of(service.registerResident(caller, compoundId, accountId));
    }

    @Operation(summary = "Remove a resident registration", description = "As registering; 404 not registered.")
    @DeleteMapping("/residents/{accountId}")
    @PreAuthorize(Roles.ADMINS)
    ResponseEntity<Void> removeCompoundResident(Caller caller, @PathVariable String compoundId, @PathVariable String accountId) {
        service.removeResident(caller, compoundId, accountId);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "The resident accounts registered in the compound", description = "As registering.")
    @GetMapping("/residents")
    @PreAuthorize(Roles.ADMINS)
    List<ResidentResponse> listCompoundResidents(Caller caller, @PathVariable String compoundId) {
        return service.residents(caller, compoundId).stream().map(ResidentResponse::of).toList();
    }

    private static ResponseEntity<EntryResponse> created(TrustEntry entry) {
        return ResponseEntity.created(URI.create("/api/v1/trust-accounts/" + entry.compoundId() + "/entries/"
                + entry.sequence())).body(EntryResponse.of(entry));
    }

    record ThresholdRequest(@NotNull @Positive Long thresholdFen, @NotBlank @Size(max = 500) String basis,
                            LocalDate decidedOn) {
    }

    /** @param kind INCOME or EXPENSE, optional: the category decides */
    record BookingRequest(EntryKind kind, @NotNull Category category, @NotNull @Positive Long amountFen,
                          @NotNull LocalDate day, @NotBlank @Size(max = TrustEntry.MAX_DESCRIPTION) String description,
                          @Size(max = 64) String deliberationId) {

        TrustEntry.Booking booking() {
            return new TrustEntry.Booking(kind, category, amountFen, day, description, List.of());
        }
    }

    record ReversalRequest(@NotBlank @Size(max = TrustEntry.MAX_DESCRIPTION) String reason) {
    }

    record ProposalRequest(@NotBlank @Size(max = Deliberation.MAX_TEXT) String subject, @NotNull @Positive Long amountFen,
                           @NotNull LocalDate proposedOn, @NotBlank @Size(max = Deliberation.MAX_TEXT) String summary) {
    }

    /** @param approved at DECISION: whether the spending is approved */
    record StepRequest(@NotNull DeliberationStep step, @NotNull LocalDate on,
                       @NotBlank @Size(max = Deliberation.MAX_TEXT) String summary, Boolean approved) {
    }

    record TextRequest(@NotBlank @Size(max = Objection.MAX_TEXT) String text) {
    }

    record ResidentResponse(String compoundId, String accountId, String registeredBy, Instant registeredAt) {

        static ResidentResponse of(Residents.Resident resident) {
            return new ResidentResponse(resident.compoundId(), resident.accountId(), resident.registeredBy(),
                    resident.registeredAt());
        }
    }

    record VoucherResponse(String id, String contentType, String filename, String href) {
    }

    record EntryResponse(String id, long sequence, EntryKind kind, String kindLabel, Category category,
                         String categoryLabel, long amountFen, long balanceAfterFen, LocalDate day, String description,
                         List<VoucherResponse> vouchers, String deliberationId, Long reversesSequence, String bookedBy,
                         Instant bookedAt) {

        static EntryResponse of(TrustEntry entry) {
            String base = "/api/v1/trust-accounts/" + entry.compoundId() + "/entries/" + entry.sequence() + "/vouchers/";
            return new EntryResponse(entry.id(), entry.sequence(), entry.kind(), entry.kind().label(), entry.category(),
                    entry.category().label(), entry.amountFen(), entry.balanceAfterFen(), entry.day(),
                    entry.description(), entry.vouchers().stream().map(voucher -> new VoucherResponse(voucher.id(),
                            voucher.contentType(), voucher.filename(), base + voucher.id())).toList(),
                    entry.deliberationId(), entry.reversesSequence(), entry.bookedBy(), entry.bookedAt());
        }
    }

    record EntryDetailResponse(EntryResponse entry, Long reversedBySequence, List<ObjectionResponse> objections) {
    }

    record StatementResponse(String compoundId, YearMonth month, long openingFen, long incomeFen, long expensesFen,
                             long closingFen, boolean closed, List<EntryResponse> entries) {

        static StatementResponse of(Statement statement) {
            return new StatementResponse(statement.compoundId(), statement.month(), statement.openingFen(),
                    statement.incomeFen(), statement.expensesFen(), statement.closingFen(), statement.closed(),
                    statement.entries().stream().map(EntryResponse::of).toList());
        }
    }

    record StepResponse(DeliberationStep step, String stepLabel, LocalDate on, String summary, String recordedBy,
                        Instant recordedAt) {
    }

    record DeliberationResponse(String id, String compoundId, String subject, long amountFen, Boolean approved,
                                List<StepResponse> steps, DeliberationStep nextStep, boolean authorisesExpense,
                                String expenseEntryId, Long version) {

        static DeliberationResponse of(Deliberation deliberation) {
            return new DeliberationResponse(deliberation.id(), deliberation.compoundId(), deliberation.subject(),
                    deliberation.amountFen(), deliberation.approved(), deliberation.steps().stream()
                    .map(step -> new StepResponse(step.step(), step.step().label(), step.on(), step.summary(),
                            step.recordedBy(), step.recordedAt())).toList(), deliberation.next(),
                    Boolean.TRUE.equals(deliberation.approved()) && deliberation.has(DeliberationStep.RESULT_PUBLICATION)
                            && deliberation.expenseReference() == null,
                    deliberation.expenseEntryId(), deliberation.version());
        }
    }

    record ObjectionResponse(String id, String entryId, long sequence, String text, String raisedBy, Instant raisedAt,
                             Objection.Answer answer, Long version) {

        static ObjectionResponse of(Objection objection) {
            return new ObjectionResponse(objection.id(), objection.entryId(), objection.sequence(), objection.text(),
                    objection.raisedBy(), objection.raisedAt(), objection.answer(), objection.version());
        }
    }
}
