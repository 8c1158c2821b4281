package org.linli.grid.grid;

import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import org.linli.events.grid.GridBoundaryChanged;
import org.linli.events.grid.GridCreated;
import org.linli.platform.messaging.AggregateRoot;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.platform.domain.NewIds;
import org.locationtech.jts.geom.Polygon;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A grid (网格) with its boundary. Its {@code path} lists grid ids from the level-1 grid down to
 * itself ({@code /a/b/c/}), so a subtree is one prefix query. It belongs to a community party
 * committee; {@code communityPath} is that committee's org path, which scopes who may see and change it.
 * A child lies inside its parent and does not overlap its siblings (both within
 * {@link GridGeometry#TOLERANCE}); a shared border is fine.
 */
@Document("grids")
public class Grid extends AggregateRoot {

    static final int MAX_NAME_LENGTH = 100;

    @Id
    private String id;
    private GridLevel level;
    private String name;
    @Indexed
    private String parentId;
    @Indexed
    private String path;
    @Indexed // a community's level-1 grids (stations' shapes)
    private String communityUnitId;
    private String branchUnitId;
    @Indexed
    private String communityPath;
    private Boundary boundary;
    private double areaSquareMetres;
    private long residents;
    private long households;
    private Instant createdAt;
    private Instant updatedAt;
    @Transient
    private Polygon geometry;

    protected Grid() {
        // for the mapping layer
    }

    private Grid(String id, GridLevel level, String name, String parentId, String path, Community community,
                 String branchUnitId, Polygon geometry, Boundary boundary, Instant now) {
        this.id = id;
        this.level = level;
        this.name = name;
        this.parentId = parentId;
        this.path = path;
        this.communityUnitId = community.unitId();
        this.communityPath = community.path();
        this.branchUnitId = branchUnitId;
        this.boundary = boundary;
        this.geometry = geometry;
        this.areaSquareMetres = GridGeometry.areaSquareMetres(geometry);
        this.createdAt = now;
        this.updatedAt = now;
        recordEvent(id, new GridCreated(id, level.name(), name, parentId, path, communityUnitId, branchUnitId,
                boundary.toEvent()), now);
    }

    /** A level-1 grid of a community; it must not overlap the other level-1 grids. */
    public static Grid root(GridLevel level, String name, Community community, String branchUnitId, Boundary boundary,
                            Collection<Grid> otherRoots, Instant now) {
        if (Objects.requireNonNull(level) != GridLevel.LEVEL_1) {
            throw new BusinessRuleViolation("invalid-grid-level", "a grid without a parent must be LEVEL_1",
                    level.name(), "-");
        }
        Polygon geometry = GridGeometry.polygon(boundary);
        checkSiblings(null, geometry, otherRoots);
        String id = NewIds.next();
        return new Grid(id, level, validName(name), null, "/" + id + "/", community, branchUnitId, geometry, boundary,
                now);
    }

    /** A finer grid inside this one, in the same community, not overlapping {@code siblings} (this grid's children). */
    public Grid createChild(GridLevel childLevel, String childName, String childBranchUnitId, Boundary childBoundary,
                            Collection<Grid> siblings, Instant now) {
        if (!Objects.requireNonNull(childLevel).fitsUnder(level)) {
            throw new BusinessRuleViolation("invalid-grid-level", "a " + childLevel + " grid cannot sit under a "
                    + level + " grid", childLevel.name(), level.name());
        }
        Polygon childGeometry = GridGeometry.polygon(childBoundary);
        checkInside(childGeometry, geometry(), name);
        checkSiblings(null, childGeometry, siblings);
        String childId = NewIds.next();
        return new Grid(childId, childLevel, validName(childName), id, path + childId + "/",
                new Community(communityUnitId, communityPath), childBranchUnitId, childGeometry, childBoundary, now);
    }

    /**
     * Redraws the boundary: still inside the parent ({@code null} for a level-1 grid), not overlapping
     * the siblings, and still holding every child.
     */
    public void changeBoundary(Boundary newBoundary, Grid parent, Collection<Grid> siblings, Collection<Grid> children,
                               Instant now) {
        Polygon newGeometry = GridGeometry.polygon(newBoundary);
        if (parent != null) {
            checkInside(newGeometry, parent.geometry(), parent.name);
        }
        checkSiblings(id, newGeometry, siblings);
        for (Grid child : children) {
            if (!GridGeometry.inside(child.geometry(), newGeometry)) {
                throw new BusinessRuleViolation("child-outside", "grid " + child.name + " would lie outside the new boundary",
                        child.name, child.id);
            }
        }
        boundary = newBoundary;
        geometry = newGeometry;
        areaSquareMetres = GridGeometry.areaSquareMetres(newGeometry);
        updatedAt = now;
        recordEvent(id, new GridBoundaryChanged(id, path, boundary.toEvent()), now);
    }

    /** Renames and sets the population figures; {@code null} leaves a field as it is. */
    public void describe(String newName, Long newResidents, Long newHouseholds, Instant now) {
        if (newName != null) {
            name = validName(newName);
        }
        if (newResidents != null) {
            residents = count(newResidents);
        }
        if (newHouseholds != null) {
            households = count(newHouseholds);
        }
        updatedAt = now;
    }

    private static void checkInside(Polygon child, Polygon parent, String parentName) {
        if (!GridGeometry.inside(child, parent)) {
            throw new BusinessRuleViolation("outside-parent", "the grid must lie inside its parent " + parentName,
                    parentName);
        }
    }

    private static void checkSiblings(String self, Polygon geometry, Collection<Grid> siblings) {
        for (Grid sibling : siblings) {
            if (!sibling.id.equals(self) && GridGeometry.overlap(geometry, sibling.geometry())) {
                throw new BusinessRuleViolation("overlaps-sibling", "the grid overlaps its sibling " + sibling.name,
                        sibling.name, sibling.id);
            }
        }
    }

    private static long count(long value) {
        if (value < 0) {
            throw new BusinessRuleViolation("negative-count", "residents and households cannot be negative");
        }
        return value;
    }

    private static String validName(String name) {
        if (name == null || name.isBlank() || name.strip().length() > MAX_NAME_LENGTH) {
            throw new BusinessRuleViolation("invalid-grid-name", "a grid name has 1 to 100 characters");
        }
        return name.strip();
    }

    /** The boundary as a JTS polygon (lng/lat degrees), built once per loaded object. */
    Polygon geometry() {
        if (geometry == null) {
            geometry = GridGeometry.polygon(boundary);
        }
        return geometry;
    }

    public String id() {
        return id;
    }

    public GridLevel level() {
        return level;
    }

    public String name() {
        return name;
    }

    public String parentId() {
        return parentId;
    }

    public String path() {
        return path;
    }

    public String communityUnitId() {
        return communityUnitId;
    }

    public String branchUnitId() {
        return branchUnitId;
    }

    public String communityPath() {
        return communityPath;
    }

    public Boundary boundary() {
        return boundary;
    }

    public double areaSquareMetres() {
        return areaSquareMetres;
    }

    public long residents() {
        return residents;
    }

    public long households() {
        return households;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** The community party committee a grid belongs to: its org-unit id and org path. */
    public record Community(String unitId, String path) {

        public Community {
            Objects.requireNonNull(unitId);
            Objects.requireNonNull(path);
        }
    }
}
