package org.linli.property.evaluation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
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
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Evaluations", description = "Scoring schemes, 月抽查 spot checks, 季测评 surveys, organisation scores, monthly scores")
@RestController
@RequestMapping("/api/v1/evaluations")
class EvaluationController {

    private static final String SCHEME_AUTHORS = "hasAnyRole('" + Roles.COUNTY_ADMIN + "','" + Roles.DEPARTMENT_STAFF
            + "')";
    static final String READERS = "hasAnyRole(" + Roles.ADMIN_LIST + ",'" + Roles.DEPARTMENT_STAFF + "','"
            + Roles.PROPERTY_STAFF + "','" + Roles.INTEGRATION_CLIENT + "')";

    private final EvaluationService service;

    EvaluationController(EvaluationService service) {
        this.service = service;
    }

    @Operation(summary = "Define a scoring scheme from a month on",
            description = "Roles: COUNTY_ADMIN, DEPARTMENT_STAFF. Items with integer weights summing to 100, each scored "
                    + "by INSPECTION, RESIDENTS or ORGANISATION. 422 weights-not-100, residents-weight-too-low (below 50), "
                    + "invalid-scheme (duplicate codes, no items); 409 a scheme already starts that month. Without any "
                    + "scheme the standard one applies (inspection 15+15, organisation 20, residents 50).")
    @PostMapping("/schemes")
    @PreAuthorize(SCHEME_AUTHORS)
    ResponseEntity<SchemeResponse> defineScheme(@Valid @RequestBody SchemeRequest request) {
        Scheme scheme = service.defineScheme(request.name(), request.effectiveFrom(), request.items().stream()
                .map(item -> new Scheme.Item(item.code(), item.name(), item.scorer(), item.weight())).toList());
        return ResponseEntity.created(URI.create("/api/v1/evaluations/schemes/" + scheme.id())).body(SchemeResponse.of(scheme));
    }

    @Operation(summary = "List scoring schemes, newest first", description = "Staff roles. Paged.")
    @GetMapping("/schemes")
    @PreAuthorize(READERS)
    PagedModel<SchemeResponse> schemes(Pageable pageable) {
        return new PagedModel<>(service.schemes(pageable).map(SchemeResponse::of));
    }

    @Operation(summary = "Record a spot check (月抽查) of one inspection item, with deductions and photo references",
            description = "Roles: admins and DEPARTMENT_STAFF covering the compound (403). 422 unknown-item, "
                    + "not-an-inspection-item, inspection-in-future, invalid-deduction (1-100 points); 404 unknown compound.")
    @PostMapping("/inspections")
    @PreAuthorize(Roles.ADMINS_AND_DEPARTMENTS)
    ResponseEntity<InspectionResponse> inspect(Caller caller, @Valid @RequestBody InspectionRequest request) {
        Inspection inspection = service.inspect(caller, request.compoundId(), request.inspectedOn(), request.itemCode(),
                request.deductions() == null ? List.of() : request.deductions().stream()
                        .map(d -> new Inspection.Deduction(d.reason(), d.points(), d.photoRefs() == null ? List.of()
                                : d.photoRefs())).toList());
        return ResponseEntity.created(URI.create("/api/v1/evaluations/inspections/" + inspection.id())).body(InspectionResponse.of(inspection));
    }

    @Operation(summary = "A compound's spot checks", description = "Staff who may see the compound (403). Paged; ?month=.")
    @GetMapping("/inspections")
    @PreAuthorize(READERS)
    PagedModel<InspectionResponse> inspections(Caller caller, @RequestParam String compoundId,
                                       @RequestParam(required = false) YearMonth month, Pageable pageable) {
        return new PagedModel<>(service.inspections(caller, compoundId, month, pageable).map(InspectionResponse::of));
    }

    @Operation(summary = "Record a compound's quarterly resident survey (季测评); again for the same quarter replaces it",
            description = "Roles: admins and DEPARTMENT_STAFF covering the compound (403). 422 invalid-survey "
                    + "(satisfied above respondents), invalid-survey-date (not within the quarter, or after today).")
    @PutMapping("/surveys")
    @PreAuthorize(Roles.ADMINS_AND_DEPARTMENTS)
    SurveyResponse survey(Caller caller, @Valid @RequestBody SurveyRequest request) {
        return SurveyResponse.of(service.survey(caller, request.compoundId(), request.quarter(), request.respondents(), request.satisfied(),
                request.conductedOn()));
    }

    @Operation(summary = "Give the organisation's score (0-100) of an ORGANISATION item for a compound and month",
            description = "Roles: admins and DEPARTMENT_STAFF covering the compound (403). Again replaces it. 422 "
                    + "unknown-item, month-in-future.")
    @PutMapping("/organisation-scores")
    @PreAuthorize(Roles.ADMINS_AND_DEPARTMENTS)
    OrganisationScoreResponse organisationScore(Caller caller,
                                                @Valid @RequestBody OrganisationScoreRequest request) {
        return OrganisationScoreResponse.of(service.scoreByOrganisation(caller, request.compoundId(), request.month(), request.itemCode(),
                request.score()));
    }

    @Operation(summary = "A compound's monthly score with its breakdown per item, computed from the records",
            description = "Staff who may see the compound (403); PROPERTY_STAFF for compounds their company serves.")
    @GetMapping("/scores")
    @PreAuthorize(READERS)
    MonthlyScores.CompoundScore score(Caller caller, @RequestParam String compoundId, @RequestParam YearMonth month) {
        return service.compoundScore(caller, compoundId, month);
    }

    record ItemRequest(@NotBlank @Size(max = 40) String code, @NotBlank @Size(max = 100) String name,
                       @NotNull Scorer scorer, @Positive @Max(100) int weight) {
    }

    record SchemeRequest(@NotBlank @Size(max = 100) String name, @NotNull YearMonth effectiveFrom,
                         @NotEmpty @Size(max = 30) List<@Valid ItemRequest> items) {
    }

    record DeductionRequest(@NotBlank @Size(max = 500) String reason, @Min(1) @Max(100) int points,
                            @Size(max = 10) List<@NotBlank @Size(max = 300) String> photoRefs) {
    }

    record InspectionRequest(@NotBlank @Size(max = 64) String compoundId, @NotNull LocalDate inspectedOn,
                             @NotBlank @Size(max = 40) String itemCode,
                             @Size(max = 50) List<@Valid DeductionRequest> deductions) {
    }

    record SurveyRequest(@NotBlank @Size(max = 64) String compoundId,
                         @NotNull @Pattern(regexp = "\\d{4}-Q[1-4]") String quarter, @Positive int respondents,
                         @PositiveOrZero int satisfied, @NotNull LocalDate conductedOn) {
    }

    record OrganisationScoreRequest(@NotBlank @Size(max = 64) String compoundId, @NotNull YearMonth month,
                                    @NotBlank @Size(max = 40) String itemCode, @Min(0) @Max(100) int score) {
    }

    record SchemeResponse(String id, String name, YearMonth effectiveFrom, List<Scheme.Item> items) {

        static SchemeResponse of(Scheme scheme) {
            return new SchemeResponse(scheme.id(), scheme.name(), scheme.effectiveFrom(), scheme.items());
        }
    }

    record InspectionResponse(String id, String compoundId, YearMonth month, LocalDate inspectedOn, String itemCode,
                              List<Inspection.Deduction> deductions, int pointsDeducted, Instant recordedAt) {

        static InspectionResponse of(Inspection inspection) {
            return new InspectionResponse(inspection.id(), inspection.compoundId(), YearMonth.parse(inspection.month()),
                    inspection.inspectedOn(), inspection.itemCode(), inspection.deductions(), inspection.points(),
                    inspection.createdAt());
        }
    }

    record SurveyResponse(String compoundId, String quarter, int respondents, int satisfied, LocalDate conductedOn) {

        static SurveyResponse of(Survey survey) {
            return new SurveyResponse(survey.compoundId(), survey.quarter(), survey.respondents(), survey.satisfied(),
                    survey.conductedOn());
        }
    }

    record OrganisationScoreResponse(String compoundId, YearMonth month, String itemCode, int score) {

        static OrganisationScoreResponse of(OrganisationScore score) {
            return new OrganisationScoreResponse(score.compoundId(), YearMonth.parse(score.month()), score.itemCode(),
                    score.score());
        }
    }
}
