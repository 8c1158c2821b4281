package org.linli.issue.issue;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.linli.issue.wish.ResidentWishes;
import org.linli.platform.web.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Personal data", description = "What issue-service holds about the caller, for the PIPL download")
@RestController
class IssuePersonalDataController {

    private final IssueRepository issues;
    private final ResidentWishes wishes;

    IssuePersonalDataController(IssueRepository issues, ResidentWishes wishes) {
        this.issues = issues;
        this.wishes = wishes;
    }

    @Operation(operationId = "getMyIssueData", summary = "What issue-service holds about you",
            description = "Roles: any signed-in account; only the caller's own data, unmasked (name and phone as "
                    + "reported). The issues the caller reported (with timeline and reporter fields; an issue ended "
                    + "longer ago than linli.retention.issue-reporter no longer has them) and the micro-wishes the "
                    + "caller made. Part of GET /api/v1/personal-data, which org-service assembles. Hotline records "
                    + "imported from another system name no account and are not found here. Errors: 401 without a "
                    + "token.")
    @GetMapping("/api/v1/personal-data/issues")
    IssuePersonalData mine(Caller caller) {
        List<IssueResponse> reported = issues.findByReporterAccountIdOrderByReportedAtDesc(caller.accountId()).stream()
                .map(issue -> IssueResponse.of(issue, caller)).toList();
        return new IssuePersonalData(reported, wishes.of(caller.accountId()));
    }

    /** The caller's issues, as the reporter sees them (phone unmasked), and micro-wishes. */
    record IssuePersonalData(List<IssueResponse> issues, List<ResidentWishes.Wish> microWishes) {
    }
}
