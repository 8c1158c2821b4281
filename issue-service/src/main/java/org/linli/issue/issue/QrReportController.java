package org.linli.issue.issue;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@Tag(name = "QR reports", description = "扫码随手拍: a resident scans a building's QR code and reports without an account")
@SecurityRequirements
@RestController
@RequestMapping("/api/v1/issues/qr-reports")
class QrReportController {

    private final QrReports qrReports;

    QrReportController(QrReports qrReports) {
        this.qrReports = qrReports;
    }

    @Operation(summary = "Report with a building's QR code and up to 9 photos (multipart: part `report` as JSON, "
            + "parts `photos`)",
            description = "Public (no token). 422 invalid-qr-token; photos JPEG/PNG/WebP by content, ≤ 5 MB each, "
                    + "≤ 9 (422 invalid-photo, photo-too-large, too-many-photos; nothing stored when one is refused); "
                    + "429 too-many-reports (per address and per building). Routed to the building's grid and its "
                    + "grid worker. The answer carries a callbackToken: the only way to follow and rate the report, "
                    + "keep it. Idempotency-Key makes a byte-identical retry create one issue.")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<QrReportResponse> reportWithPhotos(@Valid @RequestPart("report") QrReportRequest request,
                                                      @RequestPart(name = "photos", required = false)
                                                      List<MultipartFile> photos, HttpServletRequest http) {
        return created(qrReports.submit(request.token(), request.report(), photos, http.getRemoteAddr()));
    }

    @Operation(summary = "Report with a building's QR code, no photos (JSON)",
            description = "As the multipart variant.")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<QrReportResponse> report(@Valid @RequestBody QrReportRequest request, HttpServletRequest http) {
        return created(qrReports.submit(request.token(), request.report(), List.of(), http.getRemoteAddr()));
    }

    @Operation(summary = "Follow a QR report with its callback token",
            description = "Public; 404 for an unknown id or a wrong token. No personal data, no staff accounts.")
    @GetMapping("/{id}")
    QrReportView get(@PathVariable String id, @RequestParam String callbackToken) {
        return QrReportView.of(qrReports.get(id, callbackToken));
    }

    @Operation(summary = "A photo of a QR report", description = "Public with the callback token; 404 otherwise.")
    @GetMapping("/{id}/photos/{photoId}")
    ResponseEntity<byte[]> photo(@PathVariable String id, @PathVariable String photoId,
                                 @RequestParam String callbackToken) {
        return IssueController.photoResponse(qrReports.photo(id, callbackToken, photoId));
    }

    @Operation(summary = "Rate a resolved QR report 1–5 (1–2 or fixed=false reopens it)",
            description = "Public with the callback token (404 otherwise). 422 illegal-transition unless RESOLVED, "
                    + "invalid-rating.")
    @PostMapping("/{id}/rating")
    QrReportView rate(@PathVariable String id, @Valid @RequestBody QrRatingRequest request) {
        return QrReportView.of(qrReports.rate(id, request.callbackToken(), request.rating(),
                request.fixed() == null || request.fixed(), request.comment()));
    }

    private static ResponseEntity<QrReportResponse> created(QrReports.Submitted submitted) {
        Issue issue = submitted.issue();
        return ResponseEntity.created(URI.create("/api/v1/issues/qr-reports/" + issue.id()))
                .body(new QrReportResponse(issue.id(), submitted.callbackToken(), QrReportView.of(issue)));
    }

    record QrReportRequest(@NotBlank @Size(max = 200) String token, @NotNull Category category,
                           @NotBlank @Size(max = Issue.MAX_DESCRIPTION) String description,
                           @DecimalMin("-90") @DecimalMax("90") Double lat,
                           @DecimalMin("-180") @DecimalMax("180") Double lng, Boolean anonymous,
                           @Size(max = 50) String name, @Pattern(regexp = IssueController.PHONE) String phone) {

        Report report() {
            return new Report(category, null, Channel.QR_CODE, description, lat, lng, null, null, Boolean.TRUE.equals(anonymous),
                    null, name, phone, null, List.of(), null);
        }

        @Override
        public String toString() {
            return "QrReportRequest[category=" + category + "]";
        }
    }

    record QrRatingRequest(@NotBlank @Size(max = 128) String callbackToken, @NotNull @Min(1) @Max(5) Integer rating,
                           Boolean fixed,
                           @Size(max = 500) String comment) {
    }

    record QrReportResponse(String id, String callbackToken, QrReportView issue) {
    }

    /** What the anonymous reporter sees: status, deadlines, resolution and a timeline without names. */
    record QrReportView(String id, Category category, String categoryLabel, IssueStatus status, String statusLabel,
                        String description, List<String> photoIds, String gridId, boolean assigned,
                        String resolutionNote, List<String> resolutionPhotoIds, Integer rating,
                        Instant onSiteDueAt, Instant solutionDueAt, Instant callbackDueAt, List<Step> timeline,
                        Instant reportedAt, Instant updatedAt) {

        static QrReportView of(Issue issue) {
            return new QrReportView(issue.id(), issue.category(), issue.category().label(), issue.status(),
                    issue.status().label(), issue.description(), issue.photoIds(), issue.gridId(),
                    issue.assigneeAppointmentId() != null || issue.assigneeAccountId() != null,
                    issue.resolutionNote(), issue.resolutionPhotoIds(), issue.rating(), issue.onSiteDueAt(),
                    issue.solutionDueAt(), issue.callbackDueAt(),
                    issue.history().stream().map(step -> new Step(step.at(), step.action())).toList(),
                    issue.reportedAt(), issue.updatedAt());
        }
    }

    record Step(Instant at, String action) {
    }
}
