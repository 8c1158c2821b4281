package org.linli.grid.campaign;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import io.github.springwolf.core.asyncapi.annotations.AsyncOperation;
import io.github.springwolf.core.asyncapi.annotations.AsyncPublisher;
import org.linli.events.Topics;
import org.linli.events.grid.CampaignClosed;
import org.linli.grid.campaign.Campaign.Area;
import org.linli.grid.campaign.Campaign.CaseGrid;
import org.linli.grid.grid.GridDirectory;
import org.linli.grid.grid.GridDirectory.GridView;
import org.linli.grid.copies.KnownOrgUnits;
import org.linli.grid.copies.KnownOrgUnits.KnownOrgUnit;
import org.linli.grid.worker.WorkerDirectory;
import org.linli.platform.mongo.MongoPages;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.platform.web.Caller;
import org.linli.platform.domain.NotFoundException;
import org.linli.platform.web.Roles;
import org.springframework.beans.factory.annotation.Value;
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
 * Launches and closes rectification campaigns, records their cases and fixings, and counts them.
 *
 * <p>Scope: a campaign is seen by callers whose scope covers its area (the street's admins see a community's
 * campaign) and by callers inside its area (a community's admins and grid workers see their street's campaign);
 * its cases by admins covering the case's community, and by a grid worker (GRID_WORKER without an admin role) only in
 * the grids they are actively appointed to ({@link WorkerDirectory#gridsServedBy}): recording, reading, fixing,
 * listing and counting; a worker with no appointment sees none. Every read of cases names the campaign first (the
 * campaign-first indexes of {@link RectificationCase}); the report reads only the counted fields.
 */
@Service
class CampaignService {

    /** Org unit types a campaign may cover: a street or township, or a community. */
    static final Set<String> AREA_TYPES = Set.of("STREET_COMMITTEE", "TOWNSHIP_COMMITTEE",
            KnownOrgUnits.COMMUNITY_COMMITTEE);
    private static final Set<String> ADMINS = Set.of(Roles.COUNTY_ADMIN, Roles.STREET_ADMIN, Roles.COMMUNITY_ADMIN);

    private final MongoOperations mongo;
    private final GridDirectory grids;
    private final KnownOrgUnits units;
    private final WorkerDirectory workers;
    private final Clock clock;
    private final ZoneId zone;

    CampaignService(MongoOperations mongo, GridDirectory grids, KnownOrgUnits units, WorkerDirectory workers,
                    Clock clock, @Value("${linli.zone:Asia/Shanghai}") String zone) {
        this.mongo = mongo;
        this.grids = grids;
        this.units = units;
        this.workers = workers;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    Campaign launch(Caller caller, Hazard hazard, String title, String areaUnitId, LocalDate startsOn,
                    LocalDate endsOn, int daysToFix) {
        KnownOrgUnit area = units.find(areaUnitId).orElseThrow(() -> new NotFoundException("org-unit", areaUnitId));
        if (!AREA_TYPES.contains(area.unitType())) {
            throw new BusinessRuleViolation("invalid-campaign-area", "a campaign covers a street or a community, not "
                    + area.unitType(), area.name());
        }
        if (!caller.covers(area.path())) {
            throw new AccessDeniedException("org unit " + areaUnitId + " is outside the caller's scope");
        }
        return mongo.insert(Campaign.launch(hazard, title, new Area(area.id(), area.name(), area.path()), startsOn,
                endsOn, daysToFix, caller.username(), caller.orgUnitPath(), clock.instant()));
    }

    Campaign get(Caller caller, String id) {
        return visible(caller, id);
    }

    /** Campaigns above, at or inside the caller's scope, the latest start first. */
    Page<Campaign> list(Caller caller, Campaign.Status status, Hazard hazard, Pageable pageable) {
        List<Criteria> filters = new ArrayList<>();
        if (!caller.isCountyWide()) {
            filters.add(Criteria.where("areaPath").regex(aboveAtOrInside(caller.orgUnitPath())));
        }
        if (hazard != null) {
            filters.add(Criteria.where("hazard").is(hazard));
        }
        if (status == Campaign.Status.CLOSED) {
            filters.add(Criteria.where("closedAt").ne(null));
        } else if (status != null) {
            filters.add(Criteria.where("closedAt").is(null));
            filters.add(status == Campaign.Status.PLANNED ? Criteria.where("startsOn").gt(today())
                    : Criteria.where("startsOn").lte(today()));
        }
        Pageable latestFirst = pageable.getSort().isSorted() ? pageable
                : PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), Sort.by(Sort.Direction.DESC, "startsOn"));
        return MongoPages.page(mongo, Query.query(MongoPages.allOf(filters)).with(latestFirst), latestFirst,
                Campaign.class);
    }

    /**
     * Closes the campaign: an admin covering the launcher's unit (the county's admins for a county launch). Records
     * {@link CampaignClosed} with the counts of all its cases, overdue as of today.
     */
    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.GRID_EVENTS, payloadType = CampaignClosed.class,
            description = "a rectification campaign was closed, with its final found / fixed / overdue counts"))
    Campaign close(Caller caller, String id, long version) {
        Campaign campaign = visible(caller, id);
        if (ADMINS.stream().noneMatch(caller::hasRole) || !caller.covers(campaign.launcherPath())) {
            throw new AccessDeniedException("closing takes an admin of the unit that launched campaign " + id);
        }
        if (campaign.version() == null || campaign.version() != version) {
            throw new OptimisticLockingFailureException("campaign " + id + " is at version " + campaign.version());
        }
        campaign.close(allCounts(campaign).total(), caller.username(), clock.instant());
        return mongo.save(campaign);
    }

    /**
     * A case at the point: attached to the finest grid there, which must lie in the area and the caller's scope (for a
     * grid worker: be one of their grids).
     */
    RectificationCase recordCase(Caller caller, String campaignId, double lat, double lng, String description,
                                 String photo, Instant foundAt) {
        Campaign campaign = visible(caller, campaignId);
        CaseGrid grid = grids.locate(lat, lng).map(CampaignService::caseGrid).orElse(null);
        RectificationCase found = campaign.recordCase(grid, lat, lng, description, photo, foundAt, caller.username(),
                clock.instant(), zone);
        if (!caller.covers(found.communityPath())) {
            throw new AccessDeniedException("grid " + found.gridId() + " is outside the caller's scope");
        }
        requireServedGrid(caller, found.gridId());
        return mongo.insert(found);
    }

    RectificationCase fixCase(Caller caller, String campaignId, String caseId, String photo, LocalDate fixedOn) {
        Campaign campaign = visible(caller, campaignId);
        RectificationCase found = visibleCase(caller, campaign, caseId);
        campaign.requireFixable();
        found.fix(photo, fixedOn, caller.username(), today());
        return mongo.save(found);
    }

    RectificationCase getCase(Caller caller, String campaignId, String caseId) {
        return visibleCase(caller, visible(caller, campaignId), caseId);
    }

    /** The campaign's cases in the caller's scope (or a grid subtree), the latest found first. */
    Page<RectificationCase> cases(Caller caller, String campaignId, String gridId, RectificationCase.Status status,
                                  Pageable pageable) {
        List<Criteria> filters = new ArrayList<>(casesInScope(caller, visible(caller, campaignId)));
        if (gridId != null) {
            filters.add(Criteria.where("gridPath").regex("^" + Pattern.quote(grids.visibleTo(caller, gridId).path())));
        }
        if (status == RectificationCase.Status.FIXED) {
            filters.add(Criteria.where("fixedOn").ne(null));
        } else if (status != null) {
            filters.add(Criteria.where("fixedOn").is(null));
            filters.add(status == RectificationCase.Status.OVERDUE ? Criteria.where("deadline").lt(today())
                    : Criteria.where("deadline").gte(today()));
        }
        Pageable latestFirst = pageable.getSort().isSorted() ? pageable
                : PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), Sort.by(Sort.Direction.DESC, "foundAt"));
        return MongoPages.page(mongo, Query.query(MongoPages.allOf(filters)).with(latestFirst), latestFirst,
                RectificationCase.class);
    }

    /** Counts of the campaign's cases in the caller's scope, as of today. */
    Counted count(Caller caller, String campaignId) {
        Campaign campaign = visible(caller, campaignId);
        Query query = Query.query(MongoPages.allOf(casesInScope(caller, campaign)));
        query.fields().include("gridId").include("gridName").include("communityUnitId").include("fixedOn")
                .include("deadline");
        LocalDate today = today();
        return new Counted(campaign, today, CampaignFigures.of(mongo.find(query, RectificationCase.class), today));
    }

    /** Counts of all the campaign's cases, whoever asks (for its closing). */
    private CampaignFigures allCounts(Campaign campaign) {
        Query query = Query.query(Criteria.where("campaignId").is(campaign.id()));
        query.fields().include("gridId").include("gridName").include("communityUnitId").include("fixedOn")
                .include("deadline");
        return CampaignFigures.of(mongo.find(query, RectificationCase.class), today());
    }

    /** A community's name as grid-service knows it ({@code null} when its copy has not arrived). */
    String communityName(String communityUnitId) {
        return units.find(communityUnitId).map(KnownOrgUnit::name).orElse(null);
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    /**
     * Served by the campaign-first indexes; a grid worker's grids are one more condition ({@code $in}; none: no
     * match).
     */
    private List<Criteria> casesInScope(Caller caller, Campaign campaign) {
        List<Criteria> filters = new ArrayList<>();
        filters.add(Criteria.where("campaignId").is(campaign.id()));
        if (!caller.isCountyWide()) {
            filters.add(Criteria.where("communityPath").regex("^" + Pattern.quote(caller.orgUnitPath())));
        }
        workerGrids(caller).ifPresent(served -> filters.add(Criteria.where("gridId").in(served)));
        return filters;
    }

    /** The grids a grid worker (without an admin role) is appointed to; empty Optional for admins (no limit). */
    private Optional<Set<String>> workerGrids(Caller caller) {
        if (!caller.hasRole(Roles.GRID_WORKER) || ADMINS.stream().anyMatch(caller::hasRole)) {
            return Optional.empty();
        }
        return Optional.of(workers.gridsServedBy(caller.accountId()));
    }

    private void requireServedGrid(Caller caller, String gridId) {
        if (workerGrids(caller).filter(served -> !served.contains(gridId)).isPresent()) {
            throw new AccessDeniedException("grid " + gridId + " is not one the grid worker is appointed to");
        }
    }

    /** Seen by callers covering the area or inside it (403 otherwise, 404 when unknown). */
    private Campaign visible(Caller caller, String id) {
        Campaign campaign = mongo.findById(id, Campaign.class);
        if (campaign == null) {
            throw new NotFoundException("campaign", id);
        }
        boolean inside = caller.orgUnitPath() != null && caller.orgUnitPath().startsWith(campaign.areaPath());
        if (!caller.covers(campaign.areaPath()) && !inside) {
            throw new AccessDeniedException("campaign " + id + " is outside the caller's scope");
        }
        return campaign;
    }

    private RectificationCase visibleCase(Caller caller, Campaign campaign, String caseId) {
        RectificationCase found = mongo.findById(caseId, RectificationCase.class);
        if (found == null || !found.campaignId().equals(campaign.id())) {
            throw new NotFoundException("campaign-case", caseId);
        }
        if (!caller.covers(found.communityPath())) {
            throw new AccessDeniedException("case " + caseId + " is outside the caller's scope");
        }
        requireServedGrid(caller, found.gridId());
        return found;
    }

    /**
     * Area paths at or below {@code path} or on its way up: {@code /s/c/} gives {@code ^(?:/s/$|/s/c/)}. One
     * anchored expression on the indexed {@code areaPath} instead of an {@code $or}.
     */
    static Pattern aboveAtOrInside(String path) {
        StringBuilder regex = new StringBuilder("^(?:");
        for (int slash = path.indexOf('/', 1); slash > 0 && slash < path.length() - 1; slash = path.indexOf('/', slash + 1)) {
            regex.append(Pattern.quote(path.substring(0, slash + 1))).append("$|");
        }
        return Pattern.compile(regex.append(Pattern.quote(path)).append(')').toString());
    }

    private static CaseGrid caseGrid(GridView grid) {
        return new CaseGrid(grid.id(), grid.name(), grid.path(), grid.communityUnitId(), grid.communityPath());
    }

    /** A campaign's figures as of a day. */
    record Counted(Campaign campaign, LocalDate asOf, CampaignFigures figures) {
    }
}
