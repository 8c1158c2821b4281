package org.linli.issue.place;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.linli.issue.copies.BuildingCopy;
import org.linli.issue.copies.CompoundCopy;
import org.linli.issue.copies.GridCopy;
import org.linli.issue.copies.OrgUnitCopy;
import org.linli.issue.copies.WorkerCopy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Routing for the other features: where a point or a building belongs (grid, community, street,
 * compound and its company today, the grid's active worker), from the local copies first, then
 * grid-service, then the community's or the county's queue. Never fails for another service's outage.
 */
@Component
public class Places {

    private final MongoOperations mongo;
    private final PlaceLocator locator;
    private final GridServiceClient gridService;
    private final Clock clock;
    private final ZoneId zone;

    Places(MongoOperations mongo, PlaceLocator locator, GridServiceClient gridService, Clock clock,
           @Value("${linli.zone:Asia/Shanghai}") ZoneId zone) {
        this.mongo = mongo;
        this.locator = locator;
        this.gridService = gridService;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * Routes a point. {@code fallbackCommunityUnitId} (the reporter's own community, for staff) is the
     * queue when no grid is found; {@code bearerToken} is forwarded to grid-service.
     */
    public Route locate(double lat, double lng, String fallbackCommunityUnitId, String bearerToken) {
        Optional<String> local = locator.grid(lat, lng);
        if (local.isPresent()) {
            return route(local.get(), lat, lng, Route.Source.LOCAL_COPY);
        }
        Optional<String> remote = gridService.locate(lat, lng, bearerToken);
        if (remote.isPresent()) {
            return route(remote.get(), lat, lng, Route.Source.GRID_SERVICE);
        }
        return queue(fallbackCommunityUnitId, locator.compound(lat, lng).orElse(null));
    }

    /**
     * Who answers for a compound by its class (Huguan), as property-service's CompoundCreated said; empty for an
     * unknown compound or one whose event came before the class existed.
     */
    public Optional<Responsibility> responsibility(String compoundId) {
        return compoundCopy(compoundId)
                .filter(compound -> compound.compoundClass() != null)
                .map(compound -> new Responsibility(compound.compoundClass(), compound.responsibleUnitId()));
    }

    /** Routes a report made with a building's QR code: the building's grid and entrance. */
    public Optional<Route> forBuilding(String buildingId) {
        return building(buildingId).map(this::forBuilding);
    }

    /** Routes a report made with the QR code of a building already read from the copy. */
    public Route forBuilding(Building building) {
        Route route = route(building.gridId(), building.lat(), building.lng(), Route.Source.BUILDING);
        if (route.communityUnitId() == null && building.communityUnitId() != null) {
            Community community = community(building.communityUnitId(), null);
            return new Route(route.gridId(), building.communityUnitId(), community.path(), community.streetId(),
                    route.compoundId(), route.companyId(), route.workerAppointmentId(), route.workerAccountId(),
                    route.source());
        }
        return route;
    }

    /** A building from the copy: id, grid, community (id and path), name and entrance. */
    public Optional<Building> building(String buildingId) {
        return Optional.ofNullable(mongo.findById(buildingId, BuildingCopy.class)).map(copy -> new Building(copy.id(),
                copy.gridId(), copy.communityUnitId(), community(copy.communityUnitId(), null).path(), copy.name(),
                copy.lat(), copy.lng()));
    }

    /** Known grids with a point inside each, the finest (deepest) first, for demo data. */
    public List<KnownGrid> knownGrids(int limit) {
        return mongo.findAll(GridCopy.class).stream()
                .filter(grid -> grid.path() != null)
                .sorted(java.util.Comparator.comparingInt((GridCopy grid) -> grid.path().length()).reversed()
                        .thenComparing(GridCopy::id))
                .flatMap(grid -> PlaceTree.polygon(grid.boundary())
                        .map(polygon -> polygon.getInteriorPoint().getCoordinate())
                        .map(point -> new KnownGrid(grid.id(), grid.communityUnitId(), point.y, point.x)).stream())
                .limit(limit).toList();
    }

    /** The org path of a unit from the copy, {@code null} when its events have not arrived. */
    public String pathOf(String unitId) {
        return unitCopy(unitId).map(OrgUnitCopy::path).orElse(null);
    }

    /** The name of a unit from the copy, {@code null} when its events have not arrived. */
    public String nameOf(String unitId) {
        return unitCopy(unitId).map(OrgUnitCopy::name).orElse(null);
    }

    /** The community of a grid from the copies, {@code null} when its events have not arrived. */
    public String communityOfGrid(String gridId) {
        return gridCopy(gridId).map(GridCopy::communityUnitId).orElse(null);
    }

    /** The community of a compound from the copies, {@code null} when its events have not arrived. */
    public String communityOfCompound(String compoundId) {
        return compoundCopy(compoundId).map(CompoundCopy::communityUnitId).orElse(null);
    }

    private Route route(String gridId, Double lat, Double lng, Route.Source source) {
        GridCopy grid = gridCopy(gridId).orElse(null);
        CompoundCopy compound = compoundAt(gridId, lat, lng);
        String communityUnitId = grid != null ? grid.communityUnitId()
                : compound != null ? compound.communityUnitId() : null;
        Community community = community(communityUnitId, compound == null ? null : compound.communityPath());
        Optional<WorkerCopy> worker = activeWorker(gridId);
        return new Route(gridId, communityUnitId, community.path(), community.streetId(),
                compound == null ? null : compound.id(), compound == null ? null : compound.companyOn(today()),
                worker.map(WorkerCopy::id).orElse(null), worker.map(WorkerCopy::accountId).orElse(null), source);
    }

    /** The community's queue (the county's when {@code communityUnitId} is null). */
    public Route queue(String communityUnitId) {
        return queue(communityUnitId, null);
    }

    private Route queue(String communityUnitId, String compoundId) {
        CompoundCopy compound = compoundCopy(compoundId).orElse(null);
        String community = communityUnitId != null ? communityUnitId
                : compound != null ? compound.communityUnitId() : null;
        if (community == null) {
            return Route.countyQueue();
        }
        Community known = community(community, compound == null ? null : compound.communityPath());
        return new Route(null, community, known.path(), known.streetId(), compound == null ? null : compound.id(),
                compound == null ? null : compound.companyOn(today()), null, null, Route.Source.COMMUNITY_QUEUE);
    }

    /** The compound covering the point (when there is one), else the only compound of the grid. */
    private CompoundCopy compoundAt(String gridId, Double lat, Double lng) {
        Optional<String> covering = lat == null || lng == null ? Optional.empty() : locator.compound(lat, lng);
        if (covering.isPresent()) {
            return compoundCopy(covering.get()).orElse(null);
        }
        RoutingCopies copies = locator.copies();
        List<CompoundCopy> inGrid = copies.compoundsIn(gridId);
        if (inGrid.isEmpty() && copies.grid(gridId).isEmpty()) { // a grid newer than the copies: ask the store
            inGrid = mongo.find(Query.query(Criteria.where("gridId").is(gridId)).limit(2), CompoundCopy.class);
        }
        return inGrid.size() == 1 ? inGrid.get(0) : null;
    }

    /**
     * Whether the account is the grid's appointed grid worker (the one routing assigns the grid's issues to); false
     * for a {@code null} grid or account.
     */
    public boolean servesGrid(String accountId, String gridId) {
        return accountId != null && gridId != null
                && activeWorker(gridId).map(WorkerCopy::accountId).filter(accountId::equals).isPresent();
    }

    /** The grids whose appointed grid worker the account is (by the index on the copies' accountId); none for null. */
    public Set<String> gridsServedBy(String accountId) {
        if (accountId == null) {
            return Set.of();
        }
        Query query = Query.query(Criteria.where("accountId").is(accountId).and("role").is(RoutingCopies.GRID_WORKER)
                .and("active").is(true));
        return mongo.find(query, WorkerCopy.class).stream().map(WorkerCopy::gridId)
                .filter(gridId -> servesGrid(accountId, gridId)).collect(Collectors.toUnmodifiableSet());
    }

    private Optional<WorkerCopy> activeWorker(String gridId) {
        Optional<WorkerCopy> known = locator.copies().activeWorker(gridId);
        if (known.isPresent()) {
            return known;
        }
        Query query = Query.query(Criteria.where("gridId").is(gridId).and("role").is(RoutingCopies.GRID_WORKER)
                .and("active").is(true)).with(Sort.by(Sort.Direction.DESC, "from")).limit(1);
        return mongo.find(query, WorkerCopy.class).stream().findFirst();
    }

    private Optional<GridCopy> gridCopy(String gridId) {
        return copy(locator.copies().grid(gridId), gridId, GridCopy.class);
    }

    private Optional<CompoundCopy> compoundCopy(String compoundId) {
        return copy(locator.copies().compound(compoundId), compoundId, CompoundCopy.class);
    }

    private Optional<OrgUnitCopy> unitCopy(String unitId) {
        return copy(locator.copies().unit(unitId), unitId, OrgUnitCopy.class);
    }

    /** The locator's in-memory copy, else (written after its last rebuild) the store's; empty for a null id. */
    private <T> Optional<T> copy(Optional<T> inMemory, String id, Class<T> type) {
        return inMemory.or(() -> Optional.ofNullable(id == null ? null : mongo.findById(id, type)));
    }

    private Community community(String unitId, String knownPath) {
        OrgUnitCopy unit = unitCopy(unitId).orElse(null);
        if (unit == null) {
            return new Community(knownPath, streetFromPath(knownPath));
        }
        return new Community(unit.path(), unit.parentId());
    }

    /** The street is the community's parent: the second-to-last id of the community's path. */
    private static String streetFromPath(String path) {
        if (path == null) {
            return null;
        }
        String[] ids = path.substring(1).split("/");
        return ids.length >= 2 ? ids[ids.length - 2] : null;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    private record Community(String path, String streetId) {
    }

    /** A building as issue-service knows it. */
    public record Building(String id, String gridId, String communityUnitId, String communityPath, String name,
                           Double lat, Double lng) {
    }

    /** A grid with a point inside it, for demo data. */
    /** A compound's class (COMMERCIAL, OLD_OR_UNMANAGED, WORK_UNIT) and, for WORK_UNIT, its employer's party unit. */
    public record Responsibility(String compoundClass, String unitId) {
    }

    public record KnownGrid(String gridId, String communityUnitId, double lat, double lng) {
    }
}
