package org.linli.org.personaldata;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.linli.org.personaldata.CorrectionRequest.Correction;
import org.linli.org.personaldata.CorrectionRequest.Decision;
import org.linli.platform.web.Caller;
import org.linli.platform.web.Roles;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Personal data", description = "Residents' rights under PIPL: download what Linli holds about you, "
        + "ask for a correction (answered on the record by your community), see who read your data unmasked")
@RestController
class CorrectionRequestController {

    private final CorrectionRequests requests;

    CorrectionRequestController(CorrectionRequests requests) {
        this.requests = requests;
    }

    @Operation(operationId = "requestPersonalDataCorrection", summary = "Ask for a correction of your personal data",
            description = "Roles: any signed-in account; it concerns the caller's own data. Names the service's record "
                    + "(part, recordId), the field, the value wanted and the reason. Routed to the unit of the "
                    + "caller's scope (the community): its admins, and the street's and county's above, answer it. "
                    + "Nothing changes by itself: the community corrects the record through the ordinary endpoints and "
                    + "answers the request. Errors: 400 invalid body (naming the field).")
    @PostMapping("/api/v1/personal-data/correction-requests")
    ResponseEntity<CorrectionRequestResponse> file(Caller caller, @Valid @RequestBody FileRequest request) {
        CorrectionRequest filed = requests.file(caller, new Correction(request.part(), request.recordId(),
                request.field(), request.requestedValue(), request.reason()));
        return ResponseEntity.created(URI.create("/api/v1/personal-data/correction-requests/" + filed.id()))
                .body(CorrectionRequestResponse.of(filed));
    }

    @Operation(operationId = "listMyCorrectionRequests", summary = "Your correction requests, with their answers",
            description = "Roles: any signed-in account; only the caller's own requests. Paged (?page, ?size ≤ 200, "
                    + "?sort).")
    @GetMapping("/api/v1/personal-data/correction-requests")
    PagedModel<CorrectionRequestResponse> mine(Caller caller, Pageable pageable) {
        return new PagedModel<>(requests.mine(caller, pageable).map(CorrectionRequestResponse::of));
    }

    @Operation(operationId = "listCorrectionRequests", summary = "Correction requests to answer, in the caller's scope",
            description = "Roles: COMMUNITY_ADMIN, STREET_ADMIN, COUNTY_ADMIN (403 otherwise); only requests whose "
                    + "unit the caller's scope covers (county-wide admins see all). Paged (?page, ?size ≤ 200, ?sort); "
                    + "?status=OPEN|CORRECTED|REFUSED.")
    @GetMapping("/api/v1/correction-requests")
    @PreAuthorize(Roles.ADMINS)
    PagedModel<CorrectionRequestResponse> inScope(Caller caller,
                                                  @RequestParam(required = false) CorrectionRequest.Status status,
                                                  Pageable pageable) {
        return new PagedModel<>(requests.inScope(caller, status, pageable).map(CorrectionRequestResponse::of));
    }

    @Operation(operationId = "answerCorrectionRequest", summary = "Answer a correction request, once",
            description = "Roles: COMMUNITY_ADMIN, STREET_ADMIN, COUNTY_ADMIN whose scope covers the requester's unit "
                    + "(403 otherwise, also for an admin of another community). decision CORRECTED (after correcting "
                    + "the record through its ordinary endpoint) or REFUSED; answer text required when refused. "
                    + "Errors: 400 invalid body; 404 unknown id; 409 stale version (answered concurrently); 422 "
                    + "correction-request-answered (already answered), correction-refusal-unexplained.")
    @PostMapping("/api/v1/correction-requests/{id}/answer")
    @PreAuthorize(Roles.ADMINS)
    CorrectionRequestResponse answer(Caller caller, @PathVariable String id, @Valid @RequestBody AnswerRequest request) {
        return CorrectionRequestResponse.of(requests.answer(caller, id, request.decision(), request.answer()));
    }

    record FileRequest(@NotNull PersonalDataPart part,
                       @NotBlank @Size(max = CorrectionRequest.MAX_REF) String recordId,
                       @NotBlank @Size(max = CorrectionRequest.MAX_REF) String field,
                       @Size(max = CorrectionRequest.MAX_VALUE) String requestedValue,
                       @NotBlank @Size(max = CorrectionRequest.MAX_TEXT) String reason) {
    }

    record AnswerRequest(@NotNull Decision decision, @Size(max = CorrectionRequest.MAX_TEXT) String answer) {
    }
}
