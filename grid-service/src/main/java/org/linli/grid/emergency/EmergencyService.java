package org.linli.grid.emergency;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import io.github.springwolf.core.asyncapi.annotations.AsyncOperation;
import io.github.springwolf.core.asyncapi.annotations.AsyncPublisher;
import org.linli.events.Topics;
import org.linli.events.grid.EmergencyClosed;
import org.linli.events.grid.EmergencyDeclared;
import org.linli.grid.emergency.Emergency.Kind;
import org.linli.grid.emergency.Emergency.Outcome;
import org.linli.grid.emergency.Emergency.Phase;
import org.linli.grid.emergency.Emergency.Site;
import org.linli.grid.grid.GridDirectory;
import org.linli.grid.grid.GridDirectory.GridView;
import org.linli.grid.worker.WorkerDirectory;
import org.linli.grid.worker.WorkerDirectory.WorkerView;
import org.linli.platform.mongo.MongoPages;
import org.linli.platform.web.Caller;
import org.linli.platform.domain.NotFoundException;
import org.linli.platform.web.Roles;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Declares, updates and closes emergencies. Declaring and closing take an admin covering every grid of
 * the incident; a site's commander (the grid worker named when it was declared) may post updates.
 */
@Service
class EmergencyService {

    private final EmergencyRepository emergencies;
    private final GridDirectory grids;
    private final WorkerDirectory workers;
    private final MongoOperations mongo;
    private final Clock clock;

    EmergencyService(EmergencyRepository emergencies, GridDirectory grids, WorkerDirectory workers,
                     MongoOperations mongo, Clock clock) {
        this.emergencies = emergencies;
        this.grids = grids;
        this.workers = workers;
        this.mongo = mongo;
        this.clock = clock;
    }

    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.GRID_EVENTS, payloadType = EmergencyDeclared.class,
            description = "an emergency was declared on grids"))
    Emergency declare(Caller caller, Kind kind, String title, List<String> gridIds, String note) {
        List<Site> sites = gridIds.stream().map(gridId -> site(grids.visibleTo(caller, gridId))).toList();
        return emergencies.insert(Emergency.declare(kind, title, sites, note, caller.username(), clock.instant()));
    }

    Emergency update(Caller caller, String id, Phase phase, String gridId, String note, long version) {
        Emergency emergency = current(visible(caller, id), version);
        if (!isAdminOverAll(caller, emergency) && !emergency.commandedBy(caller.accountId())) {
            throw new AccessDeniedException("only admins covering the incident or its commanders post updates");
        }
        emergency.update(phase, gridId, note, caller.username(), clock.instant());
        return emergencies.save(emergency);
    }

    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.GRID_EVENTS, payloadType = EmergencyClosed.class,
            description = "an emergency was closed"))
    Emergency close(Caller caller, String id, Outcome outcome, boolean initialHandlingSucceeded, String note,
                    long version) {
        Emergency emergency = current(visible(caller, id), version);
        if (!isAdminOverAll(caller, emergency)) {
            throw new AccessDeniedException("closing takes an admin covering every grid of the incident");
        }
        emergency.close(outcome, initialHandlingSucceeded, note, caller.username(), clock.instant());
        return emergencies.save(emergency);
    }

    Emergency get(Caller caller, String id) {
        return visible(caller, id);
    }

    /** Incidents touching the caller's scope (or the subtree of {@code gridId}), newest first. */
    Page<Emergency> list(Caller caller, String gridId, Emergency.Status status, Pageable pageable) {
        List<Criteria> filters = new ArrayList<>();
        if (gridId != null) {
            filters.add(Criteria.where("gridPaths").regex("^" + Pattern.quote(grids.visibleTo(caller, gridId).path())));
        }
        if (!caller.isCountyWide()) {
            filters.add(Criteria.where("communityPaths").regex("^" + Pattern.quote(caller.orgUnitPath())));
        }
        if (status != null) {
            filters.add(Criteria.where("status").is(status));
        }
        Pageable newestFirst = pageable.getSort().isSorted() ? pageable
                : PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), Sort.by(Sort.Direction.DESC, "declaredAt"));
        Query query = Query.query(MongoPages.allOf(filters))
                .with(newestFirst);
        return MongoPages.page(mongo, query, newestFirst, Emergency.class);
    }

    /** Handling figures of every grid in the subtree of {@code gridId} that has had an incident. */
    EmergencyStatistics statistics(Caller caller, String gridId) {
        GridView root = grids.visibleTo(caller, gridId);
        List<Emergency> touching = mongo.find(Query.query(
                Criteria.where("gridPaths").regex("^" + Pattern.quote(root.path()))), Emergency.class);
        return EmergencyStatistics.of(root, touching);
    }

    private Site site(GridView grid) {
        WorkerView commander = workers.activeWorkerOf(grid.id()).orElse(null);
        return new Site(grid.id(), grid.name(), grid.path(), grid.communityPath(),
                commander == null ? null : commander.appointmentId(), commander == null ? null : commander.name(),
                commander == null ? null : commander.accountId(), null);
    }

    /** Visible when the caller covers one of its communities (403 otherwise, 404 when unknown). */
    private Emergency visible(Caller caller, String id) {
        Emergency emergency = emergencies.findById(id).orElseThrow(() -> new NotFoundException("emergency", id));
        if (emergency.communityPaths().stream().noneMatch(caller::covers)) {
            throw new AccessDeniedException("emergency " + id + " is outside the caller's scope");
        }
        return emergency;
    }

    private static boolean isAdminOverAll(Caller caller, Emergency emergency) {
        boolean admin = caller.hasRole(Roles.COUNTY_ADMIN) || caller.hasRole(Roles.STREET_ADMIN)
                || caller.hasRole(Roles.COMMUNITY_ADMIN);
        return admin && emergency.communityPaths().stream().allMatch(caller::covers);
    }

    private static Emergency current(Emergency emergency, long version) {
        if (emergency.version() == null || emergency.version() != version) {
            throw new OptimisticLockingFailureException("emergency " + emergency.id() + " is at version "
                    + emergency.version());
        }
        return emergency;
    }
}
