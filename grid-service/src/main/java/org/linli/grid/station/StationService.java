package org.linli.grid.station;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.linli.grid.grid.GridDirectory;
import org.linli.grid.grid.GridDirectory.GridView;
import org.linli.grid.copies.KnownOrgUnits;
import org.linli.grid.copies.KnownOrgUnits.KnownOrgUnit;
import org.linli.grid.copies.KnownPartyMembers;
import org.linli.grid.copies.KnownPartyMembers.KnownPartyMember;
import org.linli.platform.mongo.MongoPages;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.platform.web.Caller;
import org.linli.platform.domain.NotFoundException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Changes and reads service stations within the caller's org scope (the station's community path), answers
 * "nearest station" for anyone, and makes the 15-minute life-circle report.
 */
@Service
class StationService {

    private final StationRepository stations;
    private final GridDirectory grids;
    private final GridShapes shapes;
    private final KnownOrgUnits orgUnits;
    private final KnownPartyMembers members;
    private final Residences residences;
    private final StationIndex index;
    private final StationSettings settings;
    private final MongoOperations mongo;
    private final Clock clock;

    StationService(StationRepository stations, GridDirectory grids, GridShapes shapes, KnownOrgUnits orgUnits,
                   KnownPartyMembers members, Residences residences, StationIndex index, StationSettings settings,
                   MongoOperations mongo, Clock clock) {
        this.stations = stations;
        this.grids = grids;
        this.shapes = shapes;
        this.orgUnits = orgUnits;
        this.members = members;
        this.residences = residences;
        this.index = index;
        this.settings = settings;
        this.mongo = mongo;
        this.clock = clock;
    }

    Station create(Caller caller, String gridId, Station.Description description) {
        GridView grid = grids.visibleTo(caller, gridId);
        return stations.insert(Station.open(shapes.place(grid), description, clock.instant()));
    }

    Station describe(Caller caller, String id, Station.Description description, long version) {
        Station station = current(visible(caller, id), version);
        GridView grid = grids.find(station.gridId()).orElseThrow(() -> new NotFoundException("grid", station.gridId()));
        station.describe(shapes.place(grid), description, clock.instant());
        return stations.save(station);
    }

    Station assess(Caller caller, String id, Set<EightHave> met, long version) {
        Station station = current(visible(caller, id), version);
        station.assess(met, clock.instant());
        return stations.save(station);
    }

    Station changeStars(Caller caller, String id, int to, String reason, LocalDate on, long version) {
        Station station = current(visible(caller, id), version);
        station.changeStars(to, reason, on, today(), clock.instant());
        return stations.save(station);
    }

    /** Puts a party member on duty; 422 {@code unknown-member} until the member's registration has arrived. */
    DutyAdded addDuty(Caller caller, String id, LocalDate date, String memberId, DutyPost post, String note,
                      long version) {
        Station station = current(visible(caller, id), version);
        KnownPartyMember member = members.find(memberId).orElseThrow(() -> new BusinessRuleViolation("unknown-member",
                "no party member " + memberId + " is known to grid-service", memberId));
        Station.Duty duty = station.addDuty(date, member, post, note, today(), clock.instant());
        return new DutyAdded(duty, stations.save(station));
    }

    Station removeDuty(Caller caller, String id, String dutyId, long version) {
        Station station = current(visible(caller, id), version);
        station.removeDuty(dutyId, clock.instant());
        return stations.save(station);
    }

    /** Deletes the station when it is still at {@code version} (409 otherwise). */
    void delete(Caller caller, String id, long version) {
        Station station = current(visible(caller, id), version);
        long removed = mongo.remove(Query.query(Criteria.where("_id").is(station.id()).and("version").is(version)),
                Station.class).getDeletedCount();
        if (removed == 0) {
            throw new OptimisticLockingFailureException("station " + id + " changed meanwhile");
        }
    }

    Station get(Caller caller, String id) {
        return readable(caller, id);
    }

    Page<Station> list(Caller caller, String gridId, String communityUnitId, StationKind kind, Integer minStars,
                       Pageable pageable) {
        List<Criteria> filters = new ArrayList<>();
        if (!caller.isCountyWide()) {
            filters.add(new Criteria().orOperator(
                    Criteria.where("communityPath").regex("^" + Pattern.quote(caller.orgUnitPath())),
                    Criteria.where("communityPath").in(ancestors(caller.orgUnitPath()))));
        }
        if (gridId != null) {
            GridView grid = grids.find(gridId).orElseThrow(() -> new NotFoundException("grid", gridId));
            if (!mayRead(caller, grid.communityPath())) {
                throw new AccessDeniedException("grid " + gridId + " is outside the caller's scope");
            }
            filters.add(Criteria.where("gridPath").regex("^" + Pattern.quote(grid.path())));
        }
        if (communityUnitId != null) {
            filters.add(Criteria.where("communityUnitId").is(community(caller, communityUnitId).id()));
        }
        if (kind != null) {
            filters.add(Criteria.where("kind").is(kind));
        }
        if (minStars != null) {
            filters.add(Criteria.where("stars").gte(minStars));
        }
        Criteria criteria = new Criteria();
        if (!filters.isEmpty()) {
            criteria.andOperator(filters);
        }
        Query query = Query.query(criteria).with(pageable);
        query.fields().exclude("duties");
        return MongoPages.page(mongo, query, pageable, Station.class);
    }

    /** The station's roster between two dates (inclusive, either open), by date. */
    Page<Station.Duty> duties(Caller caller, String id, LocalDate from, LocalDate to, Pageable pageable) {
        List<Station.Duty> matching = readable(caller, id).duties().stream()
                .filter(duty -> (from == null || !duty.date().isBefore(from)) && (to == null || !duty.date().isAfter(to)))
                .toList();
        return MongoPages.page(matching, pageable);
    }

    /** The {@code limit} stations closest to the point, with their great-circle distance. */
    List<StationTree.Hit> nearest(double lat, double lng, int limit) {
        return index.tree().nearest(lat, lng, limit, settings.reachRadiusMetres());
    }

    /**
     * The life-circle report for one community (403 outside the scope, 404 unknown community) or, without
     * one, for every community in the caller's scope.
     */
    LifeCircle.Report lifeCircle(Caller caller, String communityUnitId, int buildingsLimit) {
        String scopePath = caller.orgUnitPath();
        String required = null;
        KnownOrgUnit community = communityUnitId != null ? community(caller, communityUnitId)
                : enclosingCommunity(caller).orElse(null);
        if (community != null) {
            scopePath = community.path();
            required = community.path();
        }
        List<Residences.HouseholdCount> counts = residences.householdsPerBuilding(scopePath);
        List<Residences.BuildingSpot> buildings = residences.buildings(scopePath);
        return LifeCircle.compute(counts, buildings, index.tree(), settings, required,
                unitId -> orgUnits.find(unitId).map(KnownOrgUnit::name).orElse(null), buildingsLimit);
    }

    /** Local date and time in the county, for "open now". */
    LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(settings.zone()));
    }

    StationSettings settings() {
        return settings;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(settings.zone()));
    }

    private KnownOrgUnit community(Caller caller, String communityUnitId) {
        KnownOrgUnit community = orgUnits.find(communityUnitId)
                .filter(unit -> KnownOrgUnits.COMMUNITY_COMMITTEE.equals(unit.unitType()))
                .orElseThrow(() -> new NotFoundException("community", communityUnitId));
        if (!mayRead(caller, community.path())) {
            throw new AccessDeniedException("community " + communityUnitId + " is outside the caller's scope");
        }
        return community;
    }

    /** The community a caller scoped below one (a party branch, a grid branch) works in. */
    private Optional<KnownOrgUnit> enclosingCommunity(Caller caller) {
        return ancestors(caller.orgUnitPath()).stream()
                .map(path -> orgUnits.find(path.substring(path.lastIndexOf('/', path.length() - 2) + 1, path.length() - 1)))
                .flatMap(Optional::stream)
                .filter(unit -> KnownOrgUnits.COMMUNITY_COMMITTEE.equals(unit.unitType()))
                .findFirst();
    }

    /** The station for reading (403 outside what the caller may read, 404 when unknown). */
    private Station readable(Caller caller, String id) {
        Station station = stations.findById(id).orElseThrow(() -> new NotFoundException("station", id));
        if (!mayRead(caller, station.communityPath())) {
            throw new AccessDeniedException("station " + id + " is outside the caller's scope");
        }
        return station;
    }

    /**
     * Reading is wider than writing: a caller reads a community's stations when its scope covers the community,
     * or when it works inside it (an account scoped to a branch or grid branch of the community).
     */
    static boolean mayRead(Caller caller, String communityPath) {
        return caller.covers(communityPath) || (communityPath != null && caller.orgUnitPath() != null
                && caller.orgUnitPath().startsWith(communityPath));
    }

    /** The paths above {@code path}, nearest first: {@code /a/b/c/} → {@code /a/b/}, {@code /a/}. */
    static List<String> ancestors(String path) {
        List<String> result = new ArrayList<>();
        if (path == null) {
            return result;
        }
        for (int end = path.lastIndexOf('/', path.length() - 2); end > 0; end = path.lastIndexOf('/', end - 1)) {
            result.add(path.substring(0, end + 1));
        }
        return result;
    }

    /** The station for changing: the caller's scope covers its community (403 otherwise, 404 when unknown). */
    private Station visible(Caller caller, String id) {
        Station station = stations.findById(id).orElseThrow(() -> new NotFoundException("station", id));
        if (!caller.covers(station.communityPath())) {
            throw new AccessDeniedException("station " + id + " is outside the caller's scope");
        }
        return station;
    }

    private static Station current(Station station, long version) {
        if (station.version() == null || station.version() != version) {
            throw new OptimisticLockingFailureException("station " + station.id() + " is at version "
                    + station.version());
        }
        return station;
    }

    /** A shift just added, and the station's new version for the next change. */
    record DutyAdded(Station.Duty duty, Station station) {
    }
}
