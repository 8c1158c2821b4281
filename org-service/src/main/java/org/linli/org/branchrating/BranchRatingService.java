package org.linli.org.branchrating;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import io.github.springwolf.core.asyncapi.annotations.AsyncOperation;
import io.github.springwolf.core.asyncapi.annotations.AsyncPublisher;
import org.linli.events.Topics;
import org.linli.events.org.RatingRoundClosed;
import org.linli.org.unit.OrgUnitDirectory;
import org.linli.org.unit.OrgUnitDirectory.UnitView;
import org.linli.org.unit.OrgUnitType;
import org.linli.platform.mongo.MongoPages;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.platform.web.Caller;
import org.linli.platform.domain.NotFoundException;
import org.linli.platform.web.Roles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * 支部好不好，群众说了算 within the caller's org scope: the street opens and closes rating rounds and records random
 * visits; residents rate their own branch (with their account, or a visit's one-time code); the street sees every
 * branch's results, a community or a branch its own, the public a closed round's summary.
 */
@Service
class BranchRatingService {

    /** Branches one round may hold: a county's worth (Xiangcheng: 215 grid branches), with room. */
    static final int MAX_BRANCHES = 1000;
    /** Roles that open and close rounds and record visits, within their scope. */
    static final List<String> ORGANISERS = List.of(Roles.COUNTY_ADMIN, Roles.STREET_ADMIN);

    private final MongoOperations mongo;
    private final OrgUnitDirectory units;
    private final Clock clock;
    private final ZoneId zone;

    BranchRatingService(MongoOperations mongo, OrgUnitDirectory units, Clock clock,
                        @Value("${linli.zone:Asia/Shanghai}") ZoneId zone) {
        this.mongo = mongo;
        this.units = units;
        this.clock = clock;
        this.zone = zone;
    }

    RatingRound open(Caller caller, String unitId, String title, LocalDate startsOn, LocalDate endsOn) {
        UnitView unit = units.visibleTo(caller, unitId);
        List<String> branchIds = units.activeBelow(unit, OrgUnitType.GRID_BRANCH, MAX_BRANCHES).stream()
                .map(UnitView::id).toList();
        if (branchIds.size() > MAX_BRANCHES) {
            throw new BusinessRuleViolation("too-many-branches", "a round holds at most " + MAX_BRANCHES
                    + " branches: open it for a smaller unit", MAX_BRANCHES);
        }
        return mongo.insert(RatingRound.open(title, unit.id(), unit.path(), startsOn, endsOn, branchIds,
                caller.accountId(), clock.instant()));
    }

    /**
     * Closes the round, recording {@link RatingRoundClosed} with each branch's counts as read now; a rating accepted
     * while the close is under way (it checked the round before the close was saved) is in the results, not the event.
     */
    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.ORG_EVENTS, payloadType = RatingRoundClosed.class,
            description = "a branch rating round was closed, with each branch's response counts"))
    RatingRound close(Caller caller, String id, long version) {
        RatingRound round = find(id);
        if (!caller.covers(round.unitPath())) {
            throw new AccessDeniedException("round outside the caller's scope");
        }
        if (round.version() == null || round.version() != version) {
            throw new OptimisticLockingFailureException("round " + id + " is at version " + round.version());
        }
        round.close(ranking(round, units.findAll(round.branchIds())), caller.accountId(), clock.instant());
        return mongo.save(round);
    }

    /**
     * Organisers: the rounds opened in their scope (county-wide: all); everyone else: the rounds opened for a unit
     * on their own path (their street, their community), which are the ones holding their branch.
     */
    Page<RatingRound> list(Caller caller, RatingRound.Status status, Pageable pageable) {
        List<Criteria> filters = new ArrayList<>();
        if (isOrganiser(caller)) {
            if (!caller.isCountyWide()) {
                filters.add(Criteria.where("unitPath").regex("^" + Pattern.quote(caller.orgUnitPath())));
            }
        } else if (caller.isCountyWide()) {
            throw new AccessDeniedException("a county-wide account without an organiser's role has no branch");
        } else {
            filters.add(Criteria.where("unitPath").in(pathsOnTheWayTo(caller.orgUnitPath())));
        }
        if (status != null) {
            filters.add(Criteria.where("status").is(status));
        }
        return MongoPages.page(mongo, Query.query(MongoPages.allOf(filters)).with(pageable), pageable,
                RatingRound.class);
    }

    /** A round the caller may see: its unit in their scope, or their own unit on its path (403 otherwise). */
    RatingRound get(Caller caller, String id) {
        RatingRound round = find(id);
        if (!caller.covers(round.unitPath()) && !(caller.orgUnitPath() != null
                && caller.orgUnitPath().startsWith(round.unitPath()))) {
            throw new AccessDeniedException("round outside the caller's scope");
        }
        return round;
    }

    /** A RESIDENT's rating of the branch whose area holds their own unit (403 another branch). */
    BranchRating rate(Caller caller, String roundId, String branchId, Score score, String comment) {
        RatingRound round = find(roundId);
        round.requireOpenFor(branchId, today());
        UnitView branch = units.require(branchId);
        if (caller.orgUnitPath() == null || !caller.orgUnitPath().startsWith(branch.path())) {
            throw new AccessDeniedException("residents rate their own branch only");
        }
        return insert(BranchRating.byResident(roundId, branchId, caller.accountId(), score, comment, clock.instant()));
    }

    /** A rating with a visit's one-time code, no account needed. */
    BranchRating rateWithCode(String roundId, String branchId, String code, Score score, String comment) {
        RatingCode ratingCode = Optional.ofNullable(mongo.findById(RatingCode.hash(code), RatingCode.class))
                .orElseThrow(RatingCode::invalid);
        ratingCode.use(roundId, branchId, clock.instant());
        find(roundId).requireOpenFor(branchId, today());
        BranchRating rating = insert(BranchRating.byCode(ratingCode, score, comment, clock.instant()));
        // the unique index already refused a second use; this marks the code spent for the visit's figures
        mongo.updateFirst(Query.query(Criteria.where("_id").is(ratingCode.hash()).and("usedAt").is(null)),
                Update.update("usedAt", ratingCode.usedAt()), RatingCode.class);
        return rating;
    }

    /** Records a random visit and returns it with its fresh codes, which are stored only as hashes. */
    IssuedVisit recordVisit(Caller caller, String roundId, String branchId, String household, LocalDate visitedOn,
                            String visitor, int codes) {
        RatingRound round = get(caller, roundId);
        UnitView branch = units.require(branchId);
        if (!caller.covers(branch.path())) {
            throw new AccessDeniedException("branch outside the caller's scope");
        }
        round.requireOpenFor(branchId, visitedOn);
        if (visitedOn.isAfter(today())) {
            throw new BusinessRuleViolation("visit-in-future", "a visit is recorded once it has taken place");
        }
        RandomVisit visit = new RandomVisit(roundId, branchId, household, visitedOn, visitor, codes,
                caller.accountId(), clock.instant());
        List<String> issued = new ArrayList<>();
        List<RatingCode> stored = new ArrayList<>();
        for (int i = 0; i < codes; i++) {
            String code = RatingCode.newCode();
            issued.add(code);
            stored.add(new RatingCode(code, roundId, branchId, visit.id(), clock.instant()));
        }
        mongo.insertAll(stored);
        return new IssuedVisit(mongo.insert(visit), issued);
    }

    /** The visits of a round (one branch of it), for organisers covering the round. */
    Page<RandomVisit> visits(Caller caller, String roundId, String branchId, Pageable pageable) {
        RatingRound round = find(roundId);
        if (!caller.covers(round.unitPath())) {
            throw new AccessDeniedException("round outside the caller's scope");
        }
        Criteria criteria = Criteria.where("roundId").is(roundId);
        if (branchId != null) {
            criteria = criteria.and("branchId").is(branchId);
        }
        return MongoPages.page(mongo, Query.query(criteria).with(pageable), pageable, RandomVisit.class);
    }

    /**
     * The ranking of the branches the caller may see: all of them for staff covering the round's unit; those a
     * community admin covers or a party member belongs to, otherwise (403 when that is none).
     */
    Page<BranchResult> results(Caller caller, String roundId, Pageable pageable) {
        RatingRound round = find(roundId);
        return MongoPages.page(ranking(round, visibleBranches(caller, round)), pageable);
    }

    /** The comments on one branch, newest first; the same visibility as its results. */
    Page<BranchRating> comments(Caller caller, String roundId, String branchId, Pageable pageable) {
        RatingRound round = find(roundId);
        if (visibleBranches(caller, round).stream().noneMatch(branch -> branch.id().equals(branchId))) {
            throw new AccessDeniedException("branch outside the caller's scope");
        }
        Query query = Query.query(Criteria.where("roundId").is(roundId).and("branchId").is(branchId)
                .and("comment").ne(null)).with(pageable);
        if (pageable.getSort().isUnsorted()) {
            query.with(Sort.by(Sort.Direction.DESC, "ratedAt"));
        }
        return MongoPages.page(mongo, query, pageable, BranchRating.class);
    }

    /** The closed rounds of an area (the unit and below), for anyone. */
    Page<RatingRound> published(String unitId, Pageable pageable) {
        UnitView unit = units.require(unitId);
        Query query = Query.query(Criteria.where("status").is(RatingRound.Status.CLOSED)
                .and("unitPath").regex("^" + Pattern.quote(unit.path()))).with(pageable);
        return MongoPages.page(mongo, query, pageable, RatingRound.class);
    }

    /** A closed round and its ranking of every branch, for anyone; 404 unknown or still open. */
    Summary summary(String roundId, Pageable pageable) {
        RatingRound round = Optional.ofNullable(mongo.findById(roundId, RatingRound.class))
                .filter(RatingRound::closed)
                .orElseThrow(() -> new NotFoundException("branch-rating-round", roundId));
        return new Summary(round, MongoPages.page(ranking(round, units.findAll(round.branchIds())), pageable));
    }

    private List<UnitView> visibleBranches(Caller caller, RatingRound round) {
        List<UnitView> branches = units.findAll(round.branchIds());
        if (caller.covers(round.unitPath())) {
            return branches;
        }
        Predicate<UnitView> own = branch -> caller.covers(branch.path())
                || (caller.orgUnitPath() != null && caller.orgUnitPath().startsWith(branch.path()));
        List<UnitView> visible = branches.stream().filter(own).toList();
        if (visible.isEmpty()) {
            throw new AccessDeniedException("no branch of this round is in the caller's scope");
        }
        return visible;
    }

    /** Reads the round's scores (by the unique index's prefix, two fields each) and ranks the branches. */
    private List<BranchResult> ranking(RatingRound round, List<UnitView> branches) {
        Map<String, String> names = new LinkedHashMap<>();
        branches.forEach(branch -> names.put(branch.id(), branch.name()));
        Query query = Query.query(Criteria.where("roundId").is(round.id()));
        query.fields().include("branchId", "score");
        List<BranchResult.Vote> votes = mongo.find(query, BranchRating.class).stream()
                .map(rating -> new BranchResult.Vote(rating.branchId(), rating.score())).toList();
        return BranchResult.rank(names, votes);
    }

    private BranchRating insert(BranchRating rating) {
        try {
            return mongo.insert(rating);
        } catch (DuplicateKeyException e) {
            throw new BusinessRuleViolation("already-rated", "this branch has been rated by this resident (or with "
                    + "this code) in this round");
        }
    }

    private RatingRound find(String id) {
        return Optional.ofNullable(mongo.findById(id, RatingRound.class))
                .orElseThrow(() -> new NotFoundException("branch-rating-round", id));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    private static boolean isOrganiser(Caller caller) {
        return ORGANISERS.stream().anyMatch(caller::hasRole);
    }

    /** {@code /a/b/c/} → {@code /a/}, {@code /a/b/}, {@code /a/b/c/}. */
    static List<String> pathsOnTheWayTo(String path) {
        List<String> paths = new ArrayList<>();
        for (int slash = path.indexOf('/', 1); slash > 0; slash = path.indexOf('/', slash + 1)) {
            paths.add(path.substring(0, slash + 1));
        }
        return paths;
    }

    /** A visit as recorded, with the codes to hand out (shown this once). */
    record IssuedVisit(RandomVisit visit, List<String> codes) {
    }

    /** A closed round with one page of its ranking. */
    record Summary(RatingRound round, Page<BranchResult> results) {
    }
}
