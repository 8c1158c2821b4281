package org.linli.grid.grid;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;
import java.util.regex.Pattern;
import io.github.springwolf.core.asyncapi.annotations.AsyncOperation;
import io.github.springwolf.core.asyncapi.annotations.AsyncPublisher;
import org.linli.events.Topics;
import org.linli.events.grid.GridBoundaryChanged;
import org.linli.events.grid.GridCreated;
import org.linli.grid.copies.KnownOrgUnits;
import org.linli.grid.copies.KnownOrgUnits.KnownOrgUnit;
import org.linli.platform.mongo.MongoPages;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.platform.web.Caller;
import org.linli.platform.domain.NewIds;
import org.linli.platform.domain.NotFoundException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/** Changes and reads grids within the caller's org scope (the grid's community path). */
@Service
class GridService {

    private final GridRepository grids;
    private final KnownOrgUnits orgUnits;
    private final MongoOperations mongo;
    private final Clock clock;

    GridService(GridRepository grids, KnownOrgUnits orgUnits, MongoOperations mongo, Clock clock) {
        this.grids = grids;
        this.orgUnits = orgUnits;
        this.mongo = mongo;
        this.clock = clock;
    }

    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.GRID_EVENTS, payloadType = GridCreated.class,
            description = "a grid was created with its boundary"))
    Grid create(Caller caller, NewGrid request) {
        Optional<Grid> earlier = NewIds.alreadyCreated(grids::findById);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Grid grid;
        if (request.parentId() == null) {
            KnownOrgUnit community = community(request.communityUnitId());
            if (!caller.covers(community.path())) {
                throw new AccessDeniedException("community " + community.id() + " is outside the caller's scope");
            }
            grid = Grid.root(request.level(), request.name(), new Grid.Community(community.id(), community.path()),
                    branch(request.branchUnitId(), community.path()), request.boundary(), grids.findByParentIdIsNull(),
                    clock.instant());
        } else {
            Grid parent = visible(caller, request.parentId());
            if (!parent.communityUnitId().equals(request.communityUnitId())) {
                throw new BusinessRuleViolation("community-mismatch", "a grid belongs to its parent's community",
                        parent.communityUnitId());
            }
            grid = parent.createChild(request.level(), request.name(), branch(request.branchUnitId(), parent.communityPath()),
                    request.boundary(), grids.findByParentId(parent.id()), clock.instant());
        }
        grid.describe(null, request.residents(), request.households(), clock.instant());
        return grids.save(grid);
    }

    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.GRID_EVENTS, payloadType = GridBoundaryChanged.class,
            description = "a grid's boundary changed"))
    Grid changeBoundary(Caller caller, String id, Boundary boundary, long version) {
        Grid grid = current(visible(caller, id), version);
        Grid parent = grid.parentId() == null ? null : grids.findById(grid.parentId()).orElseThrow();
        List<Grid> siblings = grid.parentId() == null ? grids.findByParentIdIsNull() : grids.findByParentId(grid.parentId());
        grid.changeBoundary(boundary, parent, siblings, grids.findByParentId(id), clock.instant());
        return grids.save(grid);
    }

    Grid describe(Caller caller, String id, String name, Long residents, Long households, long version) {
        Grid grid = current(visible(caller, id), version);
        grid.describe(name, residents, households, clock.instant());
        return grids.save(grid);
    }

    Grid get(Caller caller, String id) {
        return visible(caller, id);
    }

    Page<Grid> list(Caller caller, String parentId, GridLevel level, Pageable pageable) {
        Criteria criteria = new Criteria();
        List<Criteria> filters = new ArrayList<>();
        if (!caller.isCountyWide()) {
            filters.add(Criteria.where("communityPath").regex("^" + Pattern.quote(caller.orgUnitPath())));
        }
        if (parentId != null) {
            filters.add(Criteria.where("parentId").is(parentId));
        }
        if (level != null) {
            filters.add(Criteria.where("level").is(level));
        }
        if (!filters.isEmpty()) {
            criteria.andOperator(filters);
        }
        Query query = Query.query(criteria).with(pageable);
        return MongoPages.page(mongo, query, pageable, Grid.class);
    }

    /**
     * Counts and population of the grid and every grid below it. A grid's population is the sum of its
     * children's when any child has figures, else its own figure: a community that states 500 residents on
     * its level-1 grid and 250 on each of two micro-grids has 500, not 1,000.
     */
    Statistics statistics(Caller caller, String id) {
        Grid top = visible(caller, id);
        Map<GridLevel, Long> perLevel = new EnumMap<>(GridLevel.class);
        for (GridLevel level : GridLevel.values()) {
            perLevel.put(level, 0L);
        }
        double microArea = 0;
        long micros = 0;
        Query subtree = Query.query(Criteria.where("path").regex("^" + Pattern.quote(top.path())));
        subtree.fields().include("level").include("parentId").include("residents").include("households")
                .include("areaSquareMetres");
        Map<String, List<Grid>> children = new HashMap<>();
        for (Grid grid : mongo.find(subtree, Grid.class)) {
            perLevel.merge(grid.level(), 1L, Long::sum);
            if (grid.parentId() != null) {
                children.computeIfAbsent(grid.parentId(), parent -> new ArrayList<>()).add(grid);
            }
            if (grid.level() == GridLevel.MICRO) {
                micros++;
                microArea += grid.areaSquareMetres();
            }
        }
        return new Statistics(top.id(), perLevel, population(top, children, Grid::residents),
                population(top, children, Grid::households), micros == 0 ? null : microArea / micros);
    }

    private static long population(Grid grid, Map<String, List<Grid>> children, ToLongFunction<Grid> figure) {
        long below = 0;
        for (Grid child : children.getOrDefault(grid.id(), List.of())) {
            below += population(child, children, figure);
        }
        return below > 0 ? below : figure.applyAsLong(grid);
    }

    /** The grid, when the caller's scope covers its community (403 otherwise, 404 when unknown). */
    Grid visible(Caller caller, String id) {
        Grid grid = grids.findById(id).orElseThrow(() -> new NotFoundException("grid", id));
        if (!caller.covers(grid.communityPath())) {
            throw new AccessDeniedException("grid " + id + " is outside the caller's scope");
        }
        return grid;
    }

    private KnownOrgUnit community(String unitId) {
        return orgUnits.find(unitId).filter(unit -> KnownOrgUnits.COMMUNITY_COMMITTEE.equals(unit.unitType()))
                .orElseThrow(() -> new BusinessRuleViolation("unknown-community",
                        "no community party committee " + unitId + " is known to grid-service", unitId));
    }

    private String branch(String unitId, String communityPath) {
        if (unitId != null && orgUnits.find(unitId).filter(unit -> unit.path().startsWith(communityPath)).isEmpty()) {
            throw new BusinessRuleViolation("unknown-branch", "no party branch " + unitId + " is known in the community",
                    unitId);
        }
        return unitId;
    }

    private static Grid current(Grid grid, long version) {
        if (grid.version() == null || grid.version() != version) {
            throw new OptimisticLockingFailureException("grid " + grid.id() + " is at version " + grid.version());
        }
        return grid;
    }

    /** What a new grid is made of. */
    record NewGrid(GridLevel level, String name, String parentId, String communityUnitId, String branchUnitId,
                   Boundary boundary, Long residents, Long households) {
    }

    /** A subtree's figures: grids per level, population, and the average micro-grid area ({@code null} without any). */
    record Statistics(String gridId, Map<GridLevel, Long> gridsPerLevel, long residents, long households,
                      Double averageMicroAreaSquareMetres) {
    }
}
