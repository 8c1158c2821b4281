package org.linli.grid.household;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import io.github.springwolf.core.asyncapi.annotations.AsyncOperation;
import io.github.springwolf.core.asyncapi.annotations.AsyncPublisher;
import org.linli.events.Topics;
import org.linli.events.grid.BuildingRegistered;
import org.linli.events.grid.HouseholdRegistered;
import org.linli.grid.grid.GridDirectory;
import org.linli.grid.grid.GridDirectory.GridView;
import org.linli.grid.household.Building.Location;
import org.linli.platform.mongo.MongoPages;
import org.linli.platform.web.Caller;
import org.linli.platform.domain.NewIds;
import org.linli.platform.domain.NotFoundException;
import org.linli.platform.web.Roles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/** Buildings, households and revisits within the caller's org scope (the grid's community path). */
@Service
class HouseholdService {

    /** Roles that see a household's phone in full within their scope; everyone else sees it masked. */
    private static final Set<String> PHONE_ROLES = Set.of(Roles.COUNTY_ADMIN, Roles.STREET_ADMIN, Roles.COMMUNITY_ADMIN,
            Roles.GRID_WORKER);

    private final BuildingRepository buildings;
    private final HouseholdRepository households;
    private final GridDirectory grids;
    private final MongoOperations mongo;
    private final Clock clock;
    private final ZoneId zone;

    HouseholdService(BuildingRepository buildings, HouseholdRepository households, GridDirectory grids,
                     MongoOperations mongo, Clock clock, @Value("${linli.zone:Asia/Shanghai}") String zone) {
        this.buildings = buildings;
        this.households = households;
        this.grids = grids;
        this.mongo = mongo;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.GRID_EVENTS, payloadType = BuildingRegistered.class,
            description = "a building was registered in a grid"))
    Building createBuilding(Caller caller, String gridId, String name, String address, Location location,
                            List<String> units) {
        GridView grid = grids.visibleTo(caller, gridId);
        return buildings.save(Building.in(grid, name, address, location, units, clock.instant()));
    }

    Building getBuilding(Caller caller, String id) {
        return visibleBuilding(caller, id);
    }

    Page<Building> listBuildings(Caller caller, String gridId, Pageable pageable) {
        return page(scoped(caller, gridId, List.of()), pageable, Building.class);
    }

    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.GRID_EVENTS, payloadType = HouseholdRegistered.class,
            description = "a household was registered in a building"))
    Household register(Caller caller, NewHousehold request) {
        Optional<Household> earlier = NewIds.alreadyCreated(households::findById);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Building building = visibleBuilding(caller, request.buildingId());
        return households.save(Household.register(building, request.buildingUnit(), request.room(),
                request.residents(), request.headName(), request.phone(), request.specialGroups(),
                request.linkedMemberId(), clock.instant()));
    }

    Household get(Caller caller, String id) {
        return visible(caller, id);
    }

    Page<Household> list(Caller caller, String gridId, String buildingId, boolean keyOnly, Pageable pageable) {
        return page(listed(caller, gridId, buildingId, keyOnly), pageable, Household.class);
    }

    /**
     * Every household {@link #list} would page through, in id order, read from the store as it is consumed (close
     * the stream). The scope and the grid are checked at once (403, 404), before anything is read.
     */
    Stream<Household> stream(Caller caller, String gridId, String buildingId, boolean keyOnly) {
        Query query = Query.query(listed(caller, gridId, buildingId, keyOnly)).with(Sort.by("_id"));
        return mongo.stream(query, Household.class);
    }

    private Criteria listed(Caller caller, String gridId, String buildingId, boolean keyOnly) {
        List<Criteria> filters = new ArrayList<>();
        if (buildingId != null) {
            filters.add(Criteria.where("buildingId").is(buildingId));
        }
        if (keyOnly) {
            filters.add(Criteria.where("specialGroups.0").exists(true));
        }
        return scoped(caller, gridId, filters);
    }

    Household classify(Caller caller, String id, Set<SpecialGroup> specialGroups, String linkedMemberId, long version) {
        Household household = current(visible(caller, id), version);
        household.classify(specialGroups, linkedMemberId, clock.instant());
        return households.save(household);
    }

    Household.Revisit revisit(Caller caller, String id, String byName, String note) {
        Household household = visible(caller, id);
        Household.Revisit revisit = household.revisit(byName, note, clock.instant());
        households.save(household);
        return revisit;
    }

    /** Key households of the grid's subtree and how many were visited since the start of {@code since} (county zone). */
    RevisitRate revisitRate(Caller caller, String gridId, LocalDate since) {
        GridView top = grids.visibleTo(caller, gridId);
        Instant from = since.atStartOfDay(zone).toInstant();
        Query query = Query.query(new Criteria().andOperator(
                Criteria.where("gridPath").regex("^" + Pattern.quote(top.path())),
                Criteria.where("specialGroups.0").exists(true)));
        query.fields().include("gridId").include("specialGroups").include("revisits");
        Map<String, long[]> perGrid = new HashMap<>();
        for (Household household : mongo.find(query, Household.class)) {
            long[] figures = perGrid.computeIfAbsent(household.gridId(), key -> new long[2]);
            figures[0]++;
            if (household.revisitedSince(from)) {
                figures[1]++;
            }
        }
        List<GridRevisitRate> rows = new ArrayList<>();
        long key = 0;
        long revisited = 0;
        for (GridView grid : grids.subtree(top).stream()
                .sorted(Comparator.comparing(GridView::path)).toList()) {
            long[] figures = perGrid.getOrDefault(grid.id(), new long[2]);
            key += figures[0];
            revisited += figures[1];
            rows.add(new GridRevisitRate(grid.id(), grid.name(), grid.level().name(), figures[0], figures[1],
                    rate(figures[1], figures[0])));
        }
        return new RevisitRate(top.id(), since, key, revisited, rate(revisited, key), rows);
    }

    /** Admins and grid workers covering the household's community see the phone in full. */
    static boolean seesPhone(Caller caller, Household household) {
        return caller.roles().stream().anyMatch(PHONE_ROLES::contains) && caller.covers(household.communityPath());
    }

    private static BigDecimal rate(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    /** The caller's scope, and the subtree of {@code gridId} when given (404 unknown, 403 outside the scope). */
    private Criteria scoped(Caller caller, String gridId, List<Criteria> more) {
        List<Criteria> filters = new ArrayList<>(more);
        if (!caller.isCountyWide()) {
            filters.add(Criteria.where("communityPath").regex("^" + Pattern.quote(caller.orgUnitPath())));
        }
        if (gridId != null) {
            filters.add(Criteria.where("gridPath").regex("^" + Pattern.quote(grids.visibleTo(caller, gridId).path())));
        }
        Criteria criteria = new Criteria();
        if (!filters.isEmpty()) {
            criteria.andOperator(filters);
        }
        return criteria;
    }

    private <T> Page<T> page(Criteria criteria, Pageable pageable, Class<T> type) {
        Query query = Query.query(criteria).with(pageable);
        return MongoPages.page(mongo, query, pageable, type);
    }

    private Building visibleBuilding(Caller caller, String id) {
        Building building = buildings.findById(id).orElseThrow(() -> new NotFoundException("building", id));
        if (!caller.covers(building.communityPath())) {
            throw new AccessDeniedException("building " + id + " is outside the caller's scope");
        }
        return building;
    }

    /** The household, when the caller's scope covers its community (403 otherwise, 404 when unknown). */
    private Household visible(Caller caller, String id) {
        Household household = households.findById(id).orElseThrow(() -> new NotFoundException("household", id));
        if (!caller.covers(household.communityPath())) {
            throw new AccessDeniedException("household " + id + " is outside the caller's scope");
        }
        return household;
    }

    private static Household current(Household household, long version) {
        if (household.version() == null || household.version() != version) {
            throw new OptimisticLockingFailureException("household " + household.id() + " is at version "
                    + household.version());
        }
        return household;
    }

    /** What a new household is made of. */
    record NewHousehold(String buildingId, String buildingUnit, String room, int residents, String headName,
                        String phone, Set<SpecialGroup> specialGroups, String linkedMemberId) {
    }

    /** Revisits of one grid's own key households; {@code rate} is {@code null} without any. */
    record GridRevisitRate(String gridId, String name, String level, long keyHouseholds, long revisited,
                           BigDecimal rate) {
    }

    /**
     * The revisit rate of a subtree's key households since a date: visited / key, 4 decimals, {@code null} without any
     * key household; per grid of the subtree (root first) as well.
     */
    record RevisitRate(String gridId, LocalDate since, long keyHouseholds, long revisited, BigDecimal rate,
                       List<GridRevisitRate> grids) {
    }
}
