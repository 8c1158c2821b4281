package org.linli.org.project;

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
import java.time.LocalDate;
import java.util.List;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Projects (项目清单)", description = "Livelihood projects made of a need and resources, claimed by a "
        + "dual-registration unit or a party member with a deadline (认领制 + 时限制).")
@RestController
@RequestMapping("/api/v1/projects")
@PreAuthorize(Roles.ADMINS)
class ProjectController {

    static final int MIN_YEAR = 2000;
    static final int MAX_YEAR = 2100;
    static final int MAX_RESOURCES = 10;

    private final ProjectService service;

    ProjectController(ProjectService service) {
        this.service = service;
    }

    @Operation(summary = "Make a project of an open need and resources, claimed by a unit or member (认领)",
            description = "Roles: admins covering the need's community (403). The need becomes MATCHED; each "
                    + "resource's capacity left drops by its amount until the project is done or cancelled. "
                    + "ownerKind DUAL_REGISTRATION_UNIT (paired with the community) or PARTY_MEMBER (of the "
                    + "community). 404 unknown need, resource, unit or member; 409 the need changed meanwhile; 422 "
                    + "wrong-step (need not OPEN), capacity-exceeded, resource-not-serving-community, "
                    + "duplicate-resource, not-paired, member-not-in-community, invalid-owner, deadline-in-past.")
    @PostMapping
    ResponseEntity<ProjectResponse> createProject(Caller caller, @Valid @RequestBody CreateRequest request) {
        Project project = service.create(caller, new ProjectService.Plan(request.needId(), request.ownerKind(),
                request.ownerId(), request.resources().stream()
                .map(use -> new Project.Use(use.resourceId(), use.amount())).toList(), request.deadline()));
        return ResponseEntity.created(URI.create("/api/v1/projects/" + project.id()))
                .body(ProjectResponse.of(project));
    }

    @Operation(summary = "Projects in the caller's scope",
            description = "Roles: admins. Paged. ?communityId= (403 outside the scope), "
                    + "?status=CLAIMED|IN_PROGRESS|DONE|CANCELLED, ?overdue=true: still CLAIMED or IN_PROGRESS after "
                    + "the deadline day (county zone).")
    @GetMapping
    PagedModel<ProjectResponse> listProjects(Caller caller, @RequestParam(required = false) String communityId,
                                             @RequestParam(required = false) Project.Status status,
                                             @RequestParam(defaultValue = "false") boolean overdue,
                                             Pageable pageable) {
        return new PagedModel<>(service.list(caller, communityId, status, overdue, pageable)
                .map(ProjectResponse::of));
    }

    @Operation(summary = "Per dual-registration unit: its projects claimed in a year (承包制)",
            description = "Roles: admins; the projects of the caller's scope claimed in ?year= (required): claimed "
                    + "(not cancelled), done, overdue today, cancelled; by unit name; paged. What a community weighs "
                    + "for the unit's year-end score (POST /api/v1/dual-registration/units/{id}/scores).")
    @GetMapping("/unit-summaries")
    PagedModel<ProjectService.UnitSummary> projectUnitSummaries(Caller caller,
                                                                @RequestParam @Min(MIN_YEAR) @Max(MAX_YEAR) int year,
                                                                Pageable pageable) {
        return new PagedModel<>(service.unitSummaries(caller, year, pageable));
    }

    @Operation(summary = "Read a project", description = "Roles: admins covering its community (403); 404.")
    @GetMapping("/{id}")
    ProjectResponse readProject(Caller caller, @PathVariable String id) {
        return ProjectResponse.of(service.get(caller, id));
    }

    @Operation(summary = "Start work on a claimed project",
            description = "Roles: admins covering it (403). 422 wrong-step (only CLAIMED); 409 stale version; 404.")
    @PostMapping("/{id}/start")
    ProjectResponse startProject(Caller caller, @PathVariable String id, @Valid @RequestBody VersionRequest request) {
        return ProjectResponse.of(service.start(caller, id, request.version()));
    }

    @Operation(summary = "Record a project done, with its result (结单): closes the need, frees the capacity",
            description = "Roles: admins covering it (403). 422 wrong-step (only IN_PROGRESS), completion-in-future; "
                    + "409 stale version; 404.")
    @PostMapping("/{id}/completion")
    ProjectResponse finishProject(Caller caller, @PathVariable String id,
                                  @Valid @RequestBody CompletionRequest request) {
        return ProjectResponse.of(service.complete(caller, id, request.version(), request.result(),
                request.completedOn()));
    }

    @Operation(summary = "Cancel a running project: the need is open again, the capacity freed",
            description = "Roles: admins covering it (403). 422 wrong-step (DONE or CANCELLED); 409 stale version; "
                    + "404.")
    @PostMapping("/{id}/cancellation")
    ProjectResponse cancelProject(Caller caller, @PathVariable String id,
                                  @Valid @RequestBody CancellationRequest request) {
        return ProjectResponse.of(service.cancel(caller, id, request.version(), request.reason()));
    }

    record UseRequest(@NotBlank @Size(max = 64) String resourceId,
                      @NotNull @Min(1) @Max(Resource.MAX_CAPACITY) Integer amount) {
    }

    record CreateRequest(@NotBlank @Size(max = 64) String needId, @NotNull Provider.Kind ownerKind,
                         @NotBlank @Size(max = 64) String ownerId,
                         @NotEmpty @Size(max = MAX_RESOURCES) List<@Valid @NotNull UseRequest> resources,
                         @NotNull LocalDate deadline) {
    }

    record VersionRequest(@NotNull Long version) {
    }

    record CompletionRequest(@NotNull Long version, @NotBlank @Size(max = Project.MAX_TEXT) String result,
                             @NotNull LocalDate completedOn) {
    }

    record CancellationRequest(@NotNull Long version, @NotBlank @Size(max = Project.MAX_TEXT) String reason) {
    }

    record ProjectResponse(String id, String needId, String communityId, NeedCategory category, String categoryLabel,
                           String title, ResourceController.ProviderResponse owner, List<Project.Use> resources,
                           LocalDate deadline, int year, Project.Status status, String statusLabel,
                           Instant claimedAt, Instant startedAt, String result, LocalDate completedOn,
                           Instant cancelledAt, String cancelReason, Long version) {

        static ProjectResponse of(Project p) {
            return new ProjectResponse(p.id(), p.needId(), p.communityId(), p.category(), p.category().label(),
                    p.title(), ResourceController.ProviderResponse.of(p.owner()), p.uses(), p.deadline(), p.year(),
                    p.status(), p.status().label(), p.claimedAt(), p.startedAt(), p.result(), p.completedOn(),
                    p.cancelledAt(), p.cancelReason(), p.version());
        }
    }
}
