package org.linli.org.project;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import org.linli.platform.web.Roles;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.linli.platform.web.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Needs (需求清单)", description = "A community's needs, raised by its residents, grid workers, party members "
        + "and admins; matched with resources into projects (两张清单 → 项目清单).")
@RestController
@RequestMapping("/api/v1/needs")
class NeedController {

    private final NeedService service;

    NeedController(NeedService service) {
        this.service = service;
    }

    @Operation(summary = "Raise a need for a community (群众点单)",
            description = "Roles: RESIDENT for their own community (the community or a unit below it is theirs); "
                    + "GRID_WORKER, PARTY_MEMBER for their own community or one in their scope; admins for one in "
                    + "their scope. 403 another community; 404 unknown; 422 invalid-community (not an active "
                    + "community party committee). 201 OPEN.")
    @PostMapping
    @PreAuthorize(Roles.COMMUNITY_PEOPLE)
    ResponseEntity<NeedResponse> raiseNeed(Caller caller, @Valid @RequestBody RaiseRequest request) {
        Need need = service.raise(caller, request.communityId(), new Need.Details(request.category(),
                request.title().strip(), request.description(), request.place(), request.sourceIssueId()));
        return ResponseEntity.created(URI.create("/api/v1/needs/" + need.id())).body(NeedResponse.of(need));
    }

    @Operation(summary = "Needs: admins all in scope, others the open needs of their own community",
            description = "Roles as for raising. Paged. ?mine=true: the caller's own needs (any status). Admins: "
                    + "?communityId= (403 outside the scope), ?status=OPEN|MATCHED|CLOSED|WITHDRAWN. Others: the "
                    + "OPEN needs of their own community (?communityId= another: 403).")
    @GetMapping
    @PreAuthorize(Roles.COMMUNITY_PEOPLE)
    PagedModel<NeedResponse> listNeeds(Caller caller, @RequestParam(required = false) String communityId,
                                       @RequestParam(required = false) Need.Status status,
                                       @RequestParam(defaultValue = "false") boolean mine, Pageable pageable) {
        return new PagedModel<>(service.list(caller, communityId, status, mine, pageable).map(NeedResponse::of));
    }

    @Operation(summary = "Read a need",
            description = "Admins covering its community, its raiser, or people of its community while it is OPEN "
                    + "(403 otherwise); 404.")
    @GetMapping("/{id}")
    @PreAuthorize(Roles.COMMUNITY_PEOPLE)
    NeedResponse readNeed(Caller caller, @PathVariable String id) {
        return NeedResponse.of(service.get(caller, id));
    }

    @Operation(summary = "Withdraw an open need",
            description = "Its raiser or admins covering it (403). 422 wrong-step (only an OPEN need); 409 stale "
                    + "version; 404.")
    @PostMapping("/{id}/withdrawal")
    @PreAuthorize(Roles.COMMUNITY_PEOPLE)
    NeedResponse withdrawNeed(Caller caller, @PathVariable String id, @Valid @RequestBody VersionRequest request) {
        return NeedResponse.of(service.withdraw(caller, id, request.version()));
    }

    @Operation(summary = "Matching suggestions: resources that could meet the need, best first",
            description = "Admins covering the need's community (403). Read-only. Resources of the need's category "
                    + "serving its community with capacity left; those serving only this community first, then those "
                    + "shared with other communities; within each, most capacity left first, then earliest offered. "
                    + "Paged (at most 500 candidates are ranked).")
    @GetMapping("/{id}/suggestions")
    @PreAuthorize(Roles.ADMINS)
    PagedModel<ResourceController.ResourceResponse> suggestResources(Caller caller, @PathVariable String id,
                                                                     Pageable pageable) {
        return new PagedModel<>(service.suggestions(caller, id, pageable).map(ResourceController.ResourceResponse::of));
    }

    record RaiseRequest(@NotBlank @Size(max = 64) String communityId, @NotNull NeedCategory category,
                        @NotBlank @Size(max = Need.MAX_TITLE) String title,
                        @NotBlank @Size(max = Need.MAX_TEXT) String description,
                        @Size(max = Need.MAX_PLACE) String place, @Size(max = 64) String sourceIssueId) {
    }

    record VersionRequest(@NotNull Long version) {
    }

    record NeedResponse(String id, String communityId, NeedCategory category, String categoryLabel, String title,
                        String description, String place, String sourceIssueId, String raisedBy, Instant raisedAt,
                        Need.Status status, String statusLabel, String projectId, Instant closedAt,
                        Instant withdrawnAt, Long version) {

        static NeedResponse of(Need n) {
            return new NeedResponse(n.id(), n.communityId(), n.category(), n.category().label(), n.title(),
                    n.description(), n.place(), n.sourceIssueId(), n.raisedBy(), n.raisedAt(), n.status(),
                    n.status().label(), n.projectId(), n.closedAt(), n.withdrawnAt(), n.version());
        }
    }
}
