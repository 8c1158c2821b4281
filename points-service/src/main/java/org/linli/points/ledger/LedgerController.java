package org.linli.points.ledger;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.platform.web.Caller;
import org.linli.platform.web.Roles;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

@Tag(name = "Points ledger", description = "积分账户: one append-only ledger per person; balance = sum of entries, never negative")
@RestController
@Validated
@RequestMapping("/api/v1/points/accounts")
class LedgerController {

    private static final String MONTH = "^\\d{4}-(0[1-9]|1[0-2])$";

    private final Accounts accounts;

    LedgerController(Accounts accounts) {
        this.accounts = accounts;
    }

    @Operation(summary = "The caller's own points account", description = "Any signed-in person. Balance 0 before the first entry.")
    @GetMapping("/me")
    Accounts.AccountView me(Caller caller) {
        return accounts.view(caller, caller.accountId());
    }

    @Operation(summary = "Read a points account",
            description = "The holder, or COUNTY_ADMIN/STREET_ADMIN/COMMUNITY_ADMIN whose scope covers the holder's "
                    + "community (403 otherwise; an account with no community yet only for county-wide admins). "
                    + "404 not-found for an id no account has (org-service never opened it).")
    @GetMapping("/{accountId}")
    Accounts.AccountView get(Caller caller, @PathVariable String accountId) {
        return accounts.view(caller, accountId);
    }

    @Operation(summary = "An account's ledger entries, newest first",
            description = "Same readers as the account (403). Paged (?page, ?size ≤ 200). Entries are never edited: "
                    + "corrections and refunds are later entries.")
    @GetMapping("/{accountId}/entries")
    PagedModel<EntryResponse> entries(Caller caller, @PathVariable String accountId, Pageable pageable) {
        return new PagedModel<>(accounts.entries(caller, accountId, pageable).map(EntryResponse::of));
    }

    @Operation(summary = "A monthly statement (月度对账单): opening, credits, debits, closing balance and the entries",
            description = "Same readers as the account (403); 400 invalid month (2026-11). Months in the county's zone.")
    @GetMapping("/{accountId}/statements/{month}")
    StatementResponse statement(Caller caller, @PathVariable String accountId,
                                @PathVariable @Pattern(regexp = MONTH) String month) {
        Accounts.Statement statement = accounts.statement(caller, accountId, YearMonth.parse(month));
        return new StatementResponse(statement.accountId(), statement.month(), statement.openingBalance(),
                statement.credits(), statement.debits(), statement.closingBalance(),
                statement.entries().stream().map(EntryResponse::of).toList());
    }

    @Operation(summary = "Correct an account (更正): a new credit (amount > 0) or debit (amount < 0) entry",
            description = "Roles: COUNTY_ADMIN, STREET_ADMIN, COMMUNITY_ADMIN whose scope covers the account (403). "
                    + "Once per reference: a repeat answers 200 with the earlier entry (201 when new). "
                    + "422 insufficient-points (a debit never overdraws); 400 amount 0 or beyond ±100000; "
                    + "404 not-found for an id no account has.")
    @PostMapping("/{accountId}/corrections")
    @PreAuthorize(Roles.ADMINS)
    ResponseEntity<EntryResponse> correct(Caller caller, @PathVariable String accountId,
                                          @Valid @RequestBody CorrectionRequest request) {
        if (request.amount() == 0) {
            throw new BusinessRuleViolation("zero-amount", "a correction moves at least one point");
        }
        Posting posting = accounts.correct(caller, accountId, request.amount(), request.reference(), request.note());
        EntryResponse body = EntryResponse.of(posting.entry());
        return posting.outcome() == Posting.Outcome.DUPLICATE ? ResponseEntity.ok(body)
                : ResponseEntity.status(HttpStatus.CREATED)
                        .location(UriComponentsBuilder.fromPath("/api/v1/points/accounts/{id}/entries")
                                .buildAndExpand(accountId).encode().toUri()).body(body);
    }

    record CorrectionRequest(@NotNull @Min(-100_000) @Max(100_000) Long amount,
                             @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._:-]+") String reference,
                             @Size(max = 500) String note) {
    }

    record EntryResponse(String id, String accountId, long sequence, long amount, Reason reason, String reasonLabel,
                         String reference, long balanceAfter, String communityUnitId, String gridId, String note,
                         Instant occurredAt) {

        static EntryResponse of(LedgerEntry entry) {
            return new EntryResponse(entry.id(), entry.accountId(), entry.sequence(), entry.amount(), entry.reason(),
                    entry.reason().label(), entry.reference(), entry.balanceAfter(), entry.communityUnitId(),
                    entry.gridId(), entry.note(), entry.occurredAt());
        }
    }

    record StatementResponse(String accountId, String month, long openingBalance, long credits, long debits,
                             long closingBalance, List<EntryResponse> entries) {
    }
}
