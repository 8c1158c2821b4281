package org.linli.grid.worker;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.regex.Pattern;
import io.github.springwolf.core.asyncapi.annotations.AsyncOperation;
import io.github.springwolf.core.asyncapi.annotations.AsyncPublisher;
import org.linli.events.Topics;
import org.linli.events.grid.GridWorkerAppointed;
import org.linli.events.grid.GridWorkerReplaced;
import org.linli.grid.grid.GridDirectory;
import org.linli.grid.grid.GridDirectory.GridView;
import org.linli.grid.copies.KnownOrgUnits;
import org.linli.grid.copies.KnownOrgUnits.KnownOrgUnit;
import org.linli.grid.worker.GridWorker.Appointee;
import org.linli.grid.worker.Stipends.Statement;
import org.linli.platform.mongo.MongoPages;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.platform.web.Caller;
import org.linli.platform.domain.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Appoints, rotates and assesses grid workers and alley chiefs within the caller's org scope (the
 * grid's community path), and makes their monthly stipend statements.
 */
@Service
class GridWorkerService {

    private final GridWorkerRepository workers;
    private final GridDirectory grids;
    private final KnownOrgUnits orgUnits;
    private final MongoOperations mongo;
    private final Stipends stipends;
    private final StipendSettings settings;
    private final Clock clock;

    GridWorkerService(GridWorkerRepository workers, GridDirectory grids, KnownOrgUnits orgUnits, MongoOperations mongo,
                      Stipends stipends, StipendSettings settings, Clock clock) {
        this.workers = workers;
        this.grids = grids;
        this.orgUnits = orgUnits;
        this.mongo = mongo;
        this.stipends = stipends;
        this.settings = settings;
        this.clock = clock;
    }

    /** Appoints to a grid that has no active worker of the role (422 {@code grid-has-worker} otherwise). */
    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.GRID_EVENTS, payloadType = GridWorkerAppointed.class,
            description = "a grid worker or alley chief was appointed"))
    GridWorker appoint(Caller caller, String gridId, WorkerRole role, Appointee appointee, LocalDate from) {
        GridView grid = grids.visibleTo(caller, gridId);
        if (workers.existsByActiveKey(GridWorker.activeKey(grid.id(), role))) {
            throw gridHasWorker(grid, role);
        }
        return saveNew(GridWorker.appoint(grid, role, appointee, from == null ? today() : from, clock.instant()), grid);
    }

    /**
     * What {@link #appoint} builds, without the one-active-per-role check and without storing (a sheet import checks
     * all its rows at once and stores them together): the grid in the caller's scope (403, 404), from today by default.
     */
    GridWorker prepare(Caller caller, String gridId, WorkerRole role, Appointee appointee, LocalDate from) {
        GridView grid = grids.visibleTo(caller, gridId);
        return GridWorker.appoint(grid, role, appointee, from == null ? today() : from, clock.instant());
    }

    /**
     * Rotation: ends the current appointment the day before {@code on} and appoints the successor from
     * {@code on}. Two single-document saves, not one transaction: the ended appointment is stored first
     * (which frees the grid's slot), then the successor. Should the second save fail (a concurrent
     * appointment took the slot, the store went away), the ended appointment is reinstated, so the grid
     * keeps its worker; only a crash between the two saves leaves the grid without one until someone
     * appoints again. The ended appointment records no event; the successor records GridWorkerAppointed
     * and GridWorkerReplaced.
     */
    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.GRID_EVENTS, payloadType = GridWorkerAppointed.class,
            description = "the successor of a rotation was appointed"))
    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.GRID_EVENTS, payloadType = GridWorkerReplaced.class,
            description = "a rotation replaced an appointment"))
    GridWorker replace(Caller caller, String id, Appointee appointee, LocalDate on, long version) {
        GridWorker current = current(visible(caller, id), version);
        GridView grid = grids.find(current.gridId()).orElseThrow(() -> new NotFoundException("grid", current.gridId()));
        GridWorker successor = current.replaceWith(grid, appointee, on == null ? today() : on, clock.instant());
        GridWorker ended = workers.save(current);
        try {
            return saveNew(successor, grid);
        } catch (RuntimeException failure) {
            ended.reinstate(clock.instant());
            workers.save(ended);
            throw failure;
        }
    }

    GridWorker end(Caller caller, String id, LocalDate lastDay, long version) {
        GridWorker worker = current(visible(caller, id), version);
        worker.end(lastDay == null ? today() : lastDay, clock.instant());
        return workers.save(worker);
    }

    GridWorker assess(Caller caller, String id, String period, int score, AssessmentOutcome outcome, String note,
                      long version) {
        GridWorker worker = current(visible(caller, id), version);
        worker.assess(period, score, outcome, note, clock.instant());
        return workers.save(worker);
    }

    GridWorker rate(Caller caller, String id, Year year, AnnualRating rating, long version) {
        GridWorker worker = current(visible(caller, id), version);
        worker.rate(year, rating, clock.instant());
        return workers.save(worker);
    }

    GridWorker recordEmergencyDays(Caller caller, String id, YearMonth month, int days, long version) {
        GridWorker worker = current(visible(caller, id), version);
        worker.recordEmergencyDays(month, days, clock.instant());
        return workers.save(worker);
    }

    GridWorker get(Caller caller, String id) {
        return visible(caller, id);
    }

    Page<GridWorker> list(Caller caller, String gridId, WorkerRole role, Boolean active, Pageable pageable) {
        Query query = Query.query(listed(caller, gridId, role, active)).with(pageable);
        return MongoPages.page(mongo, query, pageable, GridWorker.class);
    }

    /** Every appointment {@link #list} would page through, in id order, read as consumed (close the stream). */
    Stream<GridWorker> stream(Caller caller, String gridId, WorkerRole role, Boolean active) {
        return mongo.stream(Query.query(listed(caller, gridId, role, active)).with(Sort.by("_id")), GridWorker.class);
    }

    private Criteria listed(Caller caller, String gridId, WorkerRole role, Boolean active) {
        List<Criteria> filters = new ArrayList<>();
        if (gridId != null) {
            grids.visibleTo(caller, gridId);
            filters.add(Criteria.where("gridId").is(gridId));
        }
        if (!caller.isCountyWide()) {
            filters.add(Criteria.where("communityPath").regex("^" + Pattern.quote(caller.orgUnitPath())));
        }
        if (role != null) {
            filters.add(Criteria.where("role").is(role));
        }
        if (active != null) {
            filters.add(Criteria.where("status").is(active ? GridWorker.Status.ACTIVE : GridWorker.Status.ENDED));
        }
        Criteria criteria = new Criteria();
        if (!filters.isEmpty()) {
            criteria.andOperator(filters);
        }
        return criteria;
    }

    /** One appointment's stipend for a month, by its grid's current resident population. */
    Statement statement(Caller caller, String id, YearMonth month) {
        GridWorker worker = visible(caller, id);
        GridView grid = grids.find(worker.gridId()).orElseThrow(() -> new NotFoundException("grid", worker.gridId()));
        return stipends.statement(worker, grid.name(), grid.residents(), month);
    }

    /** Every appointment of a community that covers some day of the month, with the total. */
    CommunityStatement communityStatement(Caller caller, String communityUnitId, YearMonth month) {
        KnownOrgUnit community = orgUnits.find(communityUnitId)
                .filter(unit -> KnownOrgUnits.COMMUNITY_COMMITTEE.equals(unit.unitType()))
                .orElseThrow(() -> new NotFoundException("community", communityUnitId));
        if (!caller.covers(community.path())) {
            throw new AccessDeniedException("community " + communityUnitId + " is outside the caller's scope");
        }
        List<Statement> lines = workers.findByCommunityUnitId(communityUnitId).stream()
                .filter(worker -> worker.activeDaysIn(month) > 0)
                .map(worker -> {
                    GridView grid = grids.find(worker.gridId()).orElse(null);
                    return stipends.statement(worker, grid == null ? null : grid.name(),
                            grid == null ? 0 : grid.residents(), month);
                })
                .sorted(Comparator.comparing(Statement::gridId).thenComparing(Statement::role)
                        .thenComparing(Statement::appointmentId))
                .toList();
        return new CommunityStatement(communityUnitId, month.toString(), lines, Stipends.totalFen(lines));
    }

    /** The appointment, when the caller's scope covers its grid's community (403 otherwise, 404 when unknown). */
    private GridWorker visible(Caller caller, String id) {
        GridWorker worker = workers.findById(id).orElseThrow(() -> new NotFoundException("grid-worker", id));
        if (!caller.covers(worker.communityPath())) {
            throw new AccessDeniedException("grid worker " + id + " is outside the caller's scope");
        }
        return worker;
    }

    /** Saves a new appointment; the unique index on the active slot catches a concurrent appointment. */
    private GridWorker saveNew(GridWorker worker, GridView grid) {
        try {
            return workers.insert(worker);
        } catch (DuplicateKeyException e) {
            throw gridHasWorker(grid, worker.role());
        }
    }

    private LocalDate today() {
        return settings.today(clock);
    }

    private static BusinessRuleViolation gridHasWorker(GridView grid, WorkerRole role) {
        return new BusinessRuleViolation("grid-has-worker", "grid " + grid.name() + " already has an active "
                + role.name() + "; rotate through POST /api/v1/grid-workers/{id}/replacement", grid.name(), role.label());
    }

    private static GridWorker current(GridWorker worker, long version) {
        if (worker.version() == null || worker.version() != version) {
            throw new OptimisticLockingFailureException("grid worker " + worker.id() + " is at version "
                    + worker.version());
        }
        return worker;
    }

    /** A community's stipend statement for a month: one line per appointment and the total, in fen. */
    record CommunityStatement(String communityUnitId, String month, List<Statement> lines, long totalFen) {
    }
}
