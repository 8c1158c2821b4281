package org.linli.platform.audit;

import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.linli.platform.web.Caller;
import org.linli.platform.web.Roles;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.data.web.PagedModel;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * This service's audit trail for auditors (AUDIT_ADMIN only, within their scope: records whose actor's scope
 * lies inside theirs; a county auditor sees all, anonymous calls and sign-ins included) and, for anyone signed
 * in, the reads of their own unmasked personal data. Newest first. Auditors' queries, exports and verifications
 * are themselves recorded ({@code AUDIT_READ}). Queries other than by sequence scan the
 * records on the embedded store: an auditor's query, never a request's hot path.
 */
@Tag(name = "Audit trail", description = "Who did what, when, from where, with what outcome; hash-chained, "
        + "append-only (docs/audit-trail.md)")
@RestController
@RequestMapping("/api/v1/audit-trails/${linli.audit.service}")
class AuditTrailController {

    private static final String AUDITORS = "hasRole('" + Roles.AUDIT_ADMIN + "')";
    private static final String FILTERS = " Filters: from, to (ISO-8601 instants, from inclusive, to exclusive), "
            + "accountId (the actor), operation (exact, e.g. `POST /api/v1/issues/{id}/assignments`), "
            + "outcome SUCCEEDED|REFUSED|FAILED, subjectAccountId (whose unmasked data was read).";

    private final AuditChain chain;
    private final AuditRecorder recorder;
    private final String service;

    AuditTrailController(AuditChain chain, AuditRecorder recorder, String service) {
        this.chain = chain;
        this.recorder = recorder;
        this.service = service;
    }

    @Operation(operationId = "listAuditRecords", summary = "Audit records of this service, newest first",
            description = "Roles: AUDIT_ADMIN only (every other role 403, COUNTY_ADMIN, SYSTEM_ADMIN and "
                    + "SECURITY_ADMIN included). Records whose actor's org scope lies inside the auditor's; a "
                    + "county-wide auditor also sees calls without a valid token and sign-ins. Paged "
                    + "(?page, ?size ≤ 200; the order is fixed)." + FILTERS)
    @GetMapping("/records")
    @PreAuthorize(AUDITORS)
    PagedModel<RecordResponse> records(Caller caller, @RequestParam(required = false) Instant from,
                                       @RequestParam(required = false) Instant to,
                                       @RequestParam(required = false) String accountId,
                                       @RequestParam(required = false) String operation,
                                       @RequestParam(required = false) AuditRecord.Outcome outcome,
                                       @RequestParam(required = false) String subjectAccountId, Pageable pageable) {
        Bson filter = filter(caller, from, to, accountId, operation, outcome, subjectAccountId);
        auditRead();
        return new PagedModel<>(page(filter, pageable).map(RecordResponse::of));
    }

    @Operation(operationId = "exportAuditRecords", summary = "Export audit records of this service as CSV (oldest first, streamed)",
            description = "Roles: AUDIT_ADMIN only (403 for every other role), scoped as the records list."
                    + FILTERS + " One header line, then one line per record (RFC 4180; roles joined by `|`, "
                    + "subjects as `accountId:resourceType:resourceId:field+field` joined by `|`; a cell that "
                    + "starts with = + - @ is prefixed with ' so spreadsheets do not run it).",
            responses = @ApiResponse(responseCode = "200", description = "text/csv, UTF-8",
                    content = @Content(mediaType = "text/csv", schema = @Schema(type = "string"))))
    @GetMapping(path = "/records/export", produces = "text/csv")
    @PreAuthorize(AUDITORS)
    void export(Caller caller, @RequestParam(required = false) Instant from,
                @RequestParam(required = false) Instant to, @RequestParam(required = false) String accountId,
                @RequestParam(required = false) String operation,
                @RequestParam(required = false) AuditRecord.Outcome outcome,
                @RequestParam(required = false) String subjectAccountId, HttpServletRequest request,
                HttpServletResponse response)
            throws IOException {
        Bson filter = filter(caller, from, to, accountId, operation, outcome, subjectAccountId);
        AuditExchange exchange = auditRead();
        if (exchange != null) {
            recorder.record(request, response, HttpServletResponse.SC_OK, exchange); // before the first byte leaves
        }
        response.setContentType("text/csv;charset=UTF-8");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Content-Disposition", "attachment; filename=\"audit-" + service + ".csv\"");
        Writer out = response.getWriter();
        out.write(CsvLines.HEADER);
        try (MongoCursor<Document> cursor = chain.records().find(filter).sort(Sorts.ascending("_id")).iterator()) {
            while (cursor.hasNext()) {
                out.write(CsvLines.of(AuditRecord.fromDocument(cursor.next())));
            }
        }
        out.flush();
    }

    @Operation(operationId = "verifyAuditChain", summary = "Verify this service's audit chain",
            description = "Roles: AUDIT_ADMIN only (403 for every other role). Recomputes every kept record's hash "
                    + "and link, oldest first; firstBreak names the first altered, missing, reordered or unreadable "
                    + "record, null when the chain is intact. Reads the whole trail.")
    @GetMapping("/verification")
    @PreAuthorize(AUDITORS)
    VerificationResponse verification() {
        auditRead();
        ChainVerifier.Verification verification = chain.verify();
        return new VerificationResponse(service, verification.checkedRecords(), verification.firstBreak());
    }

    @Operation(operationId = "listReadsOfMe", summary = "Who read my unmasked personal data in this service, newest first",
            description = "Any signed-in account: the records whose subject is the caller's account (reads and "
                    + "writes whose answer showed the caller's ID number or phone unmasked to someone else), one "
                    + "entry per record. Paged (?page, ?size ≤ 200; the order is fixed).")
    @GetMapping("/reads-of-me")
    PagedModel<ReadOfMe> readsOfMe(Caller caller, Pageable pageable) {
        Bson filter = Filters.eq(AuditChain.SUBJECT_ACCOUNT, caller.accountId());
        return new PagedModel<>(page(filter, pageable).map(record -> ReadOfMe.of(record, caller.accountId())));
    }

    /** The auditor's own read is recorded too (kind AUDIT_READ), so the audit administrator is audited. */
    private static AuditExchange auditRead() {
        AuditExchange exchange = AuditExchange.current();
        if (exchange != null) {
            exchange.auditRead();
        }
        return exchange;
    }

    private Page<AuditRecord> page(Bson filter, Pageable pageable) {
        List<AuditRecord> content = new ArrayList<>();
        try (MongoCursor<Document> cursor = chain.records().find(filter).sort(Sorts.descending("_id"))
                .skip((int) pageable.getOffset()).limit(pageable.getPageSize()).iterator()) {
            cursor.forEachRemaining(document -> content.add(AuditRecord.fromDocument(document)));
        }
        return PageableExecutionUtils.getPage(content, pageable, () -> chain.records().countDocuments(filter));
    }

    static Bson filter(Caller caller, Instant from, Instant to, String accountId, String operation,
                       AuditRecord.Outcome outcome, String subjectAccountId) {
        List<Bson> filters = new ArrayList<>();
        if (!caller.isCountyWide()) {
            filters.add(Filters.regex("actor.orgUnitPath", "^" + literal(caller.orgUnitPath())));
        }
        if (from != null) {
            filters.add(Filters.gte("at", Date.from(from)));
        }
        if (to != null) {
            filters.add(Filters.lt("at", Date.from(to)));
        }
        if (accountId != null) {
            filters.add(Filters.eq("actor.accountId", accountId));
        }
        if (operation != null) {
            filters.add(Filters.eq("operation", operation));
        }
        if (outcome != null) {
            filters.add(Filters.eq("outcome", outcome.name()));
        }
        if (subjectAccountId != null) {
            filters.add(Filters.eq(AuditChain.SUBJECT_ACCOUNT, subjectAccountId));
        }
        return filters.isEmpty() ? new Document() : Filters.and(filters);
    }

    /** The text as a regular expression matching exactly it. */
    static String literal(String text) {
        return text.replaceAll("[\\\\^$.|?*+()\\[\\]{}]", "\\\\$0");
    }

    /** An audit record as auditors read it. */
    record RecordResponse(long sequence, String service, Instant at, AuditRecord.Kind kind, AuditRecord.Actor actor,
                          String operation, String path, String resourceId, int status, AuditRecord.Outcome outcome,
                          String clientAddress, String requestId, AuditRecord.SignIn signIn,
                          List<AuditRecord.Subject> subjects, String previousHash, String hash) {

        static RecordResponse of(AuditRecord record) {
            return new RecordResponse(record.sequence(), record.service(), record.at(), record.kind(),
                    record.actor(), record.operation(), record.path(), record.resourceId(), record.status(),
                    record.outcome(), record.clientAddress(), record.requestId(), record.signIn(), record.subjects(),
                    record.previousHash(), record.hash());
        }
    }

    /** The chain's state: records checked and the first break, {@code null} when intact. */
    record VerificationResponse(String service, long checkedRecords, ChainVerifier.Break firstBreak) {
    }

    /**
     * One read of the caller's unmasked data: who read it (account, login name, roles), when, through which
     * operation, which resource and fields.
     */
    record ReadOfMe(long sequence, String service, Instant at, String actorAccountId, String actorUsername,
                    List<String> actorRoles, String operation, String resourceType, String resourceId,
                    List<String> fields) {

        static ReadOfMe of(AuditRecord record, String accountId) {
            AuditRecord.Actor actor = record.actor();
            List<AuditRecord.Subject> mine = record.subjects().stream()
                    .filter(subject -> Objects.equals(subject.accountId(), accountId)).toList();
            AuditRecord.Subject first = mine.isEmpty() ? new AuditRecord.Subject(accountId, null, null, List.of())
                    : mine.get(0);
            return new ReadOfMe(record.sequence(), record.service(), record.at(),
                    actor == null ? null : actor.accountId(), actor == null ? null : actor.username(),
                    actor == null ? List.of() : actor.roles(), record.operation(), first.resourceType(),
                    first.resourceId(), mine.stream().flatMap(subject -> subject.fields().stream()).distinct().toList());
        }
    }
}
