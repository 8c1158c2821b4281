package org.linli.grid.grid;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.linli.platform.web.Caller;
import org.linli.platform.web.Problems;
import org.linli.platform.web.Roles;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Grids", description = "Grids with boundaries: 一级网格（社区）→ 二级网格（片区）→ 三级网格（楼栋）→ 微网格")
@RestController
@RequestMapping("/api/v1/grids")
class GridController {

    /** Everyone but residents. */

    private final GridService service;
    private final GridLocator locator;
    private final Problems problems;

    GridController(GridService service, GridLocator locator, Problems problems) {
        this.service = service;
        this.locator = locator;
        this.problems = problems;
    }

    @Operation(summary = "Create a grid",
            description = "Roles: COUNTY_ADMIN, STREET_ADMIN, COMMUNITY_ADMIN whose scope covers the community (403). "
                    + "A grid without parentId must be LEVEL_1; a child is strictly finer than its parent, a MICRO under "
                    + "any level (422 invalid-grid-level). 422 unknown-community (not a known COMMUNITY_COMMITTEE), "
                    + "unknown-branch, community-mismatch (a child belongs to its parent's community), invalid-boundary "
                    + "(not a GeoJSON Polygon, fewer than 4 positions, open ring, self-intersection… with the reason), "
                    + "outside-parent, overlaps-sibling (naming the sibling; more than 0.5% of the smaller grid, a shared "
                    + "border is fine). 404 unknown parent.")
    @PostMapping
    @PreAuthorize(Roles.ADMINS)
    ResponseEntity<GridResponse> create(Caller caller, @Valid @RequestBody CreateGridRequest request) {
        Grid grid = service.create(caller, new GridService.NewGrid(request.level(), request.name(), request.parentId(),
                request.communityUnitId(), request.branchUnitId(), request.boundary(), request.residents(),
                request.households()));
        return ResponseEntity.created(URI.create("/api/v1/grids/" + grid.id())).body(GridResponse.of(grid));
    }

    @Operation(summary = "Redraw a grid's boundary",
            description = "Roles: admins covering the grid's community (403). 422 invalid-boundary, outside-parent, "
                    + "overlaps-sibling, child-outside (a child grid would stick out); 409 stale version; 404 unknown id.")
    @PutMapping("/{id}/boundary")
    @PreAuthorize(Roles.ADMINS)
    GridResponse changeBoundary(Caller caller, @PathVariable String id, @Valid @RequestBody BoundaryRequest request) {
        return GridResponse.of(service.changeBoundary(caller, id, request.boundary(), request.version()));
    }

    @Operation(summary = "Rename a grid or set its resident and household counts",
            description = "Roles: admins covering the grid's community (403). Absent fields stay. 409 stale version; "
                    + "404 unknown id.")
    @PatchMapping("/{id}")
    @PreAuthorize(Roles.ADMINS)
    GridResponse describe(Caller caller, @PathVariable String id, @Valid @RequestBody DescribeRequest request) {
        return GridResponse.of(service.describe(caller, id, request.name(), request.residents(), request.households(),
                request.version()));
    }

    @Operation(summary = "Find the finest grid containing a point, with its ancestors (root first)",
            description = "Any signed-in account. A point on a border shared by sibling grids belongs to the deepest "
                    + "covering grid with the smallest id. 400 lat/lng out of range; 404 outside-every-grid.")
    @GetMapping("/locate")
    LocateResponse locate(@RequestParam @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
                          @RequestParam @NotNull @DecimalMin("-180") @DecimalMax("180") Double lng) {
        List<GridTree.Located> chain = locator.locate(lat, lng).orElseThrow(() -> new OutsideEveryGrid(lat, lng));
        return new LocateResponse(LocatedGrid.of(chain.get(chain.size() - 1)),
                chain.stream().map(LocatedGrid::of).toList());
    }

    @Operation(summary = "Read a grid", description = "Any role but RESIDENT; 403 outside the caller's scope, 404 unknown id.")
    @GetMapping("/{id}")
    @PreAuthorize(Roles.WORKING_ROLES)
    GridResponse get(Caller caller, @PathVariable String id) {
        return GridResponse.of(service.get(caller, id));
    }

    @Operation(summary = "Figures of a grid's subtree: grids per level, residents, households, average micro-grid area",
            description = "Any role but RESIDENT; 403 outside the caller's scope, 404 unknown id.")
    @GetMapping("/{id}/statistics")
    @PreAuthorize(Roles.WORKING_ROLES)
    GridService.Statistics statistics(Caller caller, @PathVariable String id) {
        return service.statistics(caller, id);
    }

    @Operation(summary = "List grids in the caller's scope, optionally the children of one grid or one level",
            description = "Any role but RESIDENT; paged (?page, ?size ≤ 200, ?sort); ?parentId=, ?level=.")
    @GetMapping
    @PreAuthorize(Roles.WORKING_ROLES)
    PagedModel<GridResponse> list(Caller caller, @RequestParam(required = false) String parentId,
                                  @RequestParam(required = false) GridLevel level, Pageable pageable) {
        return new PagedModel<>(service.list(caller, parentId, level, pageable).map(GridResponse::of));
    }

    @ExceptionHandler(OutsideEveryGrid.class)
    ProblemDetail outsideEveryGrid(OutsideEveryGrid e) {
        return problems.of(HttpStatus.NOT_FOUND, "outside-every-grid", e.lat, e.lng);
    }

    /** No grid covers the point: answers 404 problem {@code outside-every-grid}. */
    static final class OutsideEveryGrid extends RuntimeException {

        private final double lat;
        private final double lng;

        OutsideEveryGrid(double lat, double lng) {
            super("no grid contains " + lat + ", " + lng);
            this.lat = lat;
            this.lng = lng;
        }
    }

    record CreateGridRequest(@NotNull GridLevel level, @NotBlank @Size(max = Grid.MAX_NAME_LENGTH) String name,
                             @Size(max = 64) String parentId, @NotBlank @Size(max = 64) String communityUnitId,
                             @Size(max = 64) String branchUnitId, @NotNull Boundary boundary,
                             @PositiveOrZero Long residents, @PositiveOrZero Long households) {
    }

    record BoundaryRequest(@NotNull Boundary boundary, @NotNull Long version) {
    }

    record DescribeRequest(@Size(min = 1, max = Grid.MAX_NAME_LENGTH) String name, @PositiveOrZero Long residents,
                           @PositiveOrZero Long households, @NotNull Long version) {
    }

    record LocatedGrid(String id, GridLevel level, String levelLabel, String name) {

        static LocatedGrid of(GridTree.Located located) {
            return new LocatedGrid(located.id(), located.level(), located.level().label(), located.name());
        }
    }

    /** The finest grid containing the point, and the chain from the level-1 grid down to it. */
    record LocateResponse(LocatedGrid grid, List<LocatedGrid> path) {
    }

    record GridResponse(String id, GridLevel level, String levelLabel, String name, String parentId, String path,
                        String communityUnitId, String branchUnitId, Boundary boundary, double areaSquareMetres,
                        long residents, long households, Instant createdAt, Instant updatedAt, Long version) {

        static GridResponse of(Grid grid) {
            return new GridResponse(grid.id(), grid.level(), grid.level().label(), grid.name(), grid.parentId(),
                    grid.path(), grid.communityUnitId(), grid.branchUnitId(), grid.boundary(),
                    Math.round(grid.areaSquareMetres() * 10) / 10.0, grid.residents(), grid.households(),
                    grid.createdAt(), grid.updatedAt(), grid.version());
        }
    }
}
