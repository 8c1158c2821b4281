package org.linli.issue.issue;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.linli.platform.domain.BusinessRuleViolation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Issue imports", description = "历史诉求导入: another system's history (the 12345 hotline) in batches")
@RestController
@RequestMapping("/api/v1/issues/imports")
class IssueImportController {

    static final int MAX_RECORDS = 1000;
    private static final java.util.regex.Pattern PHONE = java.util.regex.Pattern.compile(IssueController.PHONE);

    private final IssueImports imports;

    IssueImportController(IssueImports imports) {
        this.imports = imports;
    }

    @Operation(summary = "Import up to 1000 historical records of the 12345 hotline",
            description = "Role: COUNTY_ADMIN (403 for every other role). Each record keeps its receivedAt (the "
                    + "issue's reportedAt) and the 5341 deadlines computed from it, is routed like a new report "
                    + "(location or buildingId) and reaches its status (REPORTED, DISPATCHED, OPEN_FOR_CLAIM, ON_SITE, "
                    + "IN_PROGRESS, RESOLVED, CLOSED, REJECTED). Idempotent by (source, sourceRecordId): a record "
                    + "seen before answers `duplicate` and changes nothing. A broken record is reported in `errors` "
                    + "{index, sourceRecordId, code, detail}; the others are imported. 400 for a broken request as "
                    + "a whole (unknown source, no records, more than 1000), 413 over 1 MB; nothing is written then. "
                    + "Publishes one IssueImported per imported record; clocks that ran out before the import "
                    + "escalate nothing.")
    @PostMapping
    @PreAuthorize("hasRole('COUNTY_ADMIN')")
    IssueImports.Result importRecords(@Valid @RequestBody ImportRequest request, HttpServletRequest http) {
        List<IssueImports.Row> rows = new ArrayList<>();
        for (int index = 0; index < request.records().size(); index++) {
            rows.add(read(request.source(), index, request.records().get(index)));
        }
        return imports.importBatch(request.source(), rows, BearerToken.of(http));
    }

    private static IssueImports.Row read(String source, int index, RecordRequest record) {
        String id = record == null ? null : record.sourceRecordId();
        try {
            if (record == null) {
                throw invalid("record", "is missing");
            }
            return new IssueImports.Row(index, id, record.toHistorical(source), null);
        } catch (BusinessRuleViolation refused) {
            return new IssueImports.Row(index, id, null,
                    new IssueImports.RowError(index, id, refused.code(), refused.getMessage()));
        }
    }

    static BusinessRuleViolation invalid(String field, String problem) {
        return new BusinessRuleViolation("invalid-field", field + " " + problem, field);
    }

    /** A batch: the source system and its records. */
    record ImportRequest(@NotNull @Pattern(regexp = "12345", message = "must be 12345 (the hotline)") String source,
                         @NotNull @Size(min = 1, max = MAX_RECORDS) List<RecordRequest> records) {
    }

    /** A point (WGS-84). */
    record Location(Double lat, Double lng) {
    }

    /**
     * One record as sent. Every field is checked here, per record, so that a broken one becomes an error
     * for its row instead of refusing the batch.
     */
    record RecordRequest(String sourceRecordId, String receivedAt, String category, String severity, String title,
                         String description, Location location, String buildingId, String address,
                         String reporterName, String reporterPhone, String status, String resolvedAt,
                         String closedAt, Integer rating, String note) {

        HistoricalRecord toHistorical(String source) {
            if (sourceRecordId == null || sourceRecordId.isBlank() || sourceRecordId.length() > 64) {
                throw invalid("sourceRecordId", "must have 1 to 64 characters");
            }
            Double lat = location == null ? null : location.lat();
            Double lng = location == null ? null : location.lng();
            if (lat != null && (lat < -90 || lat > 90) || lng != null && (lng < -180 || lng > 180)) {
                throw invalid("location", "must be WGS-84 (lat -90..90, lng -180..180)");
            }
            return new HistoricalRecord(source, sourceRecordId.strip(), instant("receivedAt", receivedAt, true),
                    constant(Category.class, "category", category, true),
                    constant(Severity.class, "severity", severity, false), text(),
                    lat, lng, limited("buildingId", buildingId, 64), limited("address", address, 200),
                    limited("reporterName", reporterName, 50), phone(),
                    constant(IssueStatus.class, "status", status, true), instant("resolvedAt", resolvedAt, false),
                    instant("closedAt", closedAt, false), rating, limited("note", note, Issue.MAX_NOTE));
        }

        private String text() {
            limited("title", title, 200);
            if (title == null || title.isBlank()) {
                return description;
            }
            return description == null || description.isBlank() ? title : title.strip() + "\n" + description;
        }

        private String phone() {
            if (reporterPhone != null && !PHONE.matcher(reporterPhone).matches()) {
                throw invalid("reporterPhone", "is not a mobile number");
            }
            return reporterPhone;
        }

        private static String limited(String field, String value, int max) {
            if (value != null && value.length() > max) {
                throw invalid(field, "has more than " + max + " characters");
            }
            return value == null || value.isBlank() ? null : value.strip();
        }

        private static Instant instant(String field, String value, boolean required) {
            if (value == null || value.isBlank()) {
                if (required) {
                    throw invalid(field, "is required");
                }
                return null;
            }
            try {
                return OffsetDateTime.parse(value.strip()).toInstant().truncatedTo(ChronoUnit.MILLIS);
            } catch (DateTimeParseException e) {
                throw invalid(field, "must be an ISO-8601 instant with offset, e.g. 2026-02-03T08:15:00Z");
            }
        }

        private static <E extends Enum<E>> E constant(Class<E> type, String field, String value, boolean required) {
            if (value == null || value.isBlank()) {
                if (required) {
                    throw invalid(field, "is required");
                }
                return null;
            }
            try {
                return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw invalid(field, "is not one of " + java.util.Arrays.toString(type.getEnumConstants()));
            }
        }

        @Override
        public String toString() {
            return "RecordRequest[sourceRecordId=" + sourceRecordId + ", status=" + status + "]";
        }
    }
}
