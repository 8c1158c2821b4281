package org.linli.points.ledger;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.linli.platform.web.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Personal data", description = "What points-service holds about the caller, for the PIPL download")
@RestController
class PointsPersonalDataController {

    private final Accounts accounts;

    PointsPersonalDataController(Accounts accounts) {
        this.accounts = accounts;
    }

    @Operation(operationId = "getMyPointsData", summary = "What points-service holds about you",
            description = "Roles: any signed-in account; only the caller's own data. The points account (holder name, "
                    + "community, balance; null when the account never had one) and every ledger entry, oldest first "
                    + "(the account_sequence index serves it). Part of GET /api/v1/personal-data, which org-service "
                    + "assembles. Errors: 401 without a token.")
    @GetMapping("/api/v1/personal-data/points")
    PointsPersonalData mine(Caller caller) {
        Accounts.OwnAccount own = accounts.own(caller.accountId());
        List<LedgerController.EntryResponse> entries = own.entries().stream()
                .map(LedgerController.EntryResponse::of).toList();
        return new PointsPersonalData(own.summary() == null ? null : PointsAccount.of(own.summary()), entries);
    }

    /** The caller's points account and ledger. */
    record PointsPersonalData(PointsAccount account, List<LedgerController.EntryResponse> ledgerEntries) {
    }

    record PointsAccount(String accountId, String holderName, String communityUnitId, long balance,
                         Instant updatedAt) {

        static PointsAccount of(AccountSummary summary) {
            return new PointsAccount(summary.accountId(), summary.holderName(), summary.communityUnitId(),
                    summary.balance(), summary.updatedAt());
        }
    }
}
