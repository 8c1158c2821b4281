package org.linli.org.dualregistration;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.linli.platform.web.Caller;
import org.linli.platform.web.Roles;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Dual-registration units", description = "双报到单位: county departments paired with communities, their "
        + "commitments, yearly livelihood projects (承包制) and year-end scores by the communities")
@RestController
@RequestMapping("/api/v1/dual-registration")
@PreAuthorize(Roles.ADMINS)
class DualRegistrationController {

    private static final String COUNTY_ADMINS = "hasRole('" + Roles.COUNTY_ADMIN + "')";

    static final int MIN_YEAR = 2000;
    static final int MAX_YEAR = 2100;

    private final DualRegistrationService service;
    private final PatrolDuties patrolDuties;
    private final ProjectList projectList;

    DualRegistrationController(DualRegistrationService service, PatrolDuties patrolDuties, ProjectList projectList) {
        this.service = service;
        this.patrolDuties = patrolDuties;
        this.projectList = projectList;
    }

    @Operation(summary = "Register a department paired with communities",
            description = "Roles: COUNTY_ADMIN (else 403). Errors: 400 invalid body, 422 invalid-community "
                    + "(every paired id must be an active COMMUNITY_COMMITTEE unit).")
    @PostMapping("/units")
    @PreAuthorize(COUNTY_ADMINS)
    ResponseEntity<UnitResponse> register(@Valid @RequestBody RegisterUnitRequest request) {
        DualRegistrationUnit unit = service.register(request.name(), request.pairedCommunityIds());
        return ResponseEntity.created(URI.create("/api/v1/dual-registration/units/" + unit.id()))
                .body(respond(unit));
    }

    @Operation(summary = "Read a unit", description = "Roles: admins whose scope covers one of its communities (else 403); "
            + "404 unknown id. fulfilledWishes: the micro-wishes it claimed and fulfilled (from issue-service's "
            + "MicroWishFulfilled). patrolDuty: its 包保 of difficult compounds per year, newest first (from "
            + "property-service's PatrolAssignmentStarted/PatrolRecorded): assignments, patrols done, patrols due so "
            + "far (every everyDays from each start, up to today), assignments overdue today. yearEnd: per year, newest "
            + "first, the projects it claimed (those recorded on the unit and those of the project list, "
            + "/api/v1/projects, not cancelled), done, overdue today, and the communities' scores with their average.")
    @GetMapping("/units/{id}")
    UnitResponse get(Caller caller, @PathVariable String id) {
        return respond(service.get(caller, id));
    }

    @Operation(summary = "List the units paired with communities in the caller's scope", description = "Roles: admins; paged.")
    @GetMapping("/units")
    PagedModel<UnitResponse> list(Caller caller, Pageable pageable) {
        return respond(service.list(caller, pageable));
    }

    @Operation(summary = "Record a unit's commitment to a community",
            description = "Roles: admins whose scope covers the community (a community admin: its own community; else 403). "
                    + "Errors: 400, 404, 409 stale version, 422 not-paired, invalid-community.")
    @PostMapping("/units/{id}/commitments")
    UnitResponse commit(Caller caller, @PathVariable String id, @Valid @RequestBody CommitmentRequest request) {
        return respond(service.commit(caller, id, request.version(), request.communityId(), request.text()));
    }

    @Operation(summary = "Record a livelihood project the unit claimed for a community in a year",
            description = "Roles: admins whose scope covers the community (else 403). Errors: 400, 404, "
                    + "409 stale version, 422 not-paired, invalid-community.")
    @PostMapping("/units/{id}/projects")
    UnitResponse claimProject(Caller caller, @PathVariable String id, @Valid @RequestBody ProjectRequest request) {
        return respond(service.claimProject(caller, id, request.version(), request.year(), request.communityId(),
                request.title()));
    }

    @Operation(summary = "Mark a claimed project done",
            description = "Roles: admins whose scope covers the project's community (else 403). Errors: 400, 404, "
                    + "409 stale version, 422 project-already-done.")
    @PostMapping("/units/{id}/projects/{projectId}/completion")
    UnitResponse completeProject(Caller caller, @PathVariable String id, @PathVariable String projectId,
                                 @Valid @RequestBody VersionRequest request) {
        return respond(service.completeProject(caller, id, request.version(), projectId));
    }

    @Operation(summary = "A community's year-end score for the unit (0 to 100, once per year)",
            description = "Roles: admins whose scope covers the community (else 403). Errors: 400, 404, "
                    + "409 stale version, 422 not-paired, score-already-given, invalid-score, invalid-community.")
    @PostMapping("/units/{id}/scores")
    UnitResponse score(Caller caller, @PathVariable String id, @Valid @RequestBody ScoreRequest request) {
        return respond(service.score(caller, id, request.version(), request.year(), request.communityId(),
                request.score()));
    }

    @Operation(summary = "Units without a claimed project in a year (at least one a year is required)",
            description = "Roles: admins; units paired with communities in the caller's scope; paged. ?year= is required. "
                    + "A project counts whether recorded on the unit or claimed by it in the project list "
                    + "(/api/v1/projects, not cancelled).")
    @GetMapping("/gaps")
    PagedModel<UnitResponse> gaps(Caller caller, @RequestParam @Min(MIN_YEAR) @Max(MAX_YEAR) int year,
                                  Pageable pageable) {
        return respond(service.gaps(caller, year, pageable));
    }

    private UnitResponse respond(DualRegistrationUnit unit) {
        List<String> id = List.of(unit.id());
        return UnitResponse.of(unit, patrolDuties.byYear(id).getOrDefault(unit.id(), List.of()),
                projectList.byYear(id).getOrDefault(unit.id(), List.of()));
    }

    private PagedModel<UnitResponse> respond(Page<DualRegistrationUnit> units) {
        List<String> ids = units.map(DualRegistrationUnit::id).getContent();
        Map<String, List<PatrolDuty.Year>> duties = patrolDuties.byYear(ids);
        Map<String, List<ProjectList.Year>> listed = projectList.byYear(ids);
        return new PagedModel<>(units.map(unit -> UnitResponse.of(unit, duties.getOrDefault(unit.id(), List.of()),
                listed.getOrDefault(unit.id(), List.of()))));
    }

    record RegisterUnitRequest(@NotBlank @Size(max = 100) String name,
                               @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 64) String> pairedCommunityIds) {
    }

    record CommitmentRequest(@NotNull Long version, @NotBlank @Size(max = 64) String communityId,
                             @NotBlank @Size(max = 500) String text) {
    }

    record ProjectRequest(@NotNull Long version, @NotNull @Min(MIN_YEAR) @Max(MAX_YEAR) Integer year,
                          @NotBlank @Size(max = 64) String communityId, @NotBlank @Size(max = 200) String title) {
    }

    record ScoreRequest(@NotNull Long version, @NotNull @Min(MIN_YEAR) @Max(MAX_YEAR) Integer year,
                        @NotBlank @Size(max = 64) String communityId,
                        @NotNull @Min(DualRegistrationUnit.MIN_SCORE) @Max(DualRegistrationUnit.MAX_SCORE) Integer score) {
    }

    record VersionRequest(@NotNull Long version) {
    }

    record ProjectResponse(String id, int year, String communityId, String title, ProjectStatus status,
                           String statusLabel) {

        static ProjectResponse of(ClaimedProject project) {
            return new ProjectResponse(project.id(), project.year(), project.communityId(), project.title(),
                    project.status(), project.status().label());
        }
    }

    record UnitResponse(String id, String name, List<String> pairedCommunityIds, List<Commitment> commitments,
                        List<ProjectResponse> projects, List<YearEndScore> yearEndScores, List<YearEnd> yearEnd,
                        List<FulfilledWish> fulfilledWishes, List<PatrolDuty.Year> patrolDuty, Instant createdAt,
                        Long version) {

        static UnitResponse of(DualRegistrationUnit unit, List<PatrolDuty.Year> patrolDuty,
                               List<ProjectList.Year> listed) {
            return new UnitResponse(unit.id(), unit.name(), unit.pairedCommunityIds(), unit.commitments(),
                    unit.projects().stream().map(ProjectResponse::of).toList(), unit.yearEndScores(),
                    YearEnd.of(unit, listed), unit.fulfilledWishes(), patrolDuty, unit.createdAt(), unit.version());
        }
    }
}
