package org.linli.issue.retention;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.linli.platform.web.Roles;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PagedModel;
import org.springframework.data.web.SortDefault;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Retention", description = "Personal data past its retention, anonymised by scheduled jobs: the runs' counts")
@RestController
class RetentionRunController {

    private static final String RETENTION_READERS = "hasAnyRole('" + Roles.COUNTY_ADMIN + "','" + Roles.SYSTEM_ADMIN
            + "')";

    private final IssueReporterRetention retention;

    RetentionRunController(IssueReporterRetention retention) {
        this.retention = retention;
    }

    @Operation(operationId = "listRetentionRuns", summary = "Runs of the retention jobs, newest first",
            description = "Roles: COUNTY_ADMIN, SYSTEM_ADMIN (403 otherwise). Each run's kind (ISSUE_REPORTER: reporter "
                    + "name and phone of issues ended longer ago than linli.retention.issue-reporter, P3Y), cutoff and "
                    + "counts (examined, anonymised, skipped); never personal data. Paged (?page, ?size ≤ 200, ?sort).")
    @GetMapping("/api/v1/retention-runs")
    @PreAuthorize(RETENTION_READERS)
    PagedModel<RetentionRunResponse> list(@SortDefault(sort = "startedAt", direction = Sort.Direction.DESC) Pageable pageable) {
        return new PagedModel<>(retention.runs(pageable).map(RetentionRunResponse::of));
    }

    record RetentionRunResponse(String id, String kind, String retention, Instant cutoff, long examined,
                                long anonymised, long skipped, Instant startedAt, Instant finishedAt) {

        static RetentionRunResponse of(RetentionRun run) {
            return new RetentionRunResponse(run.id(), run.kind(), run.retention(), run.cutoff(), run.examined(),
                    run.anonymised(), run.skipped(), run.startedAt(), run.finishedAt());
        }
    }
}
