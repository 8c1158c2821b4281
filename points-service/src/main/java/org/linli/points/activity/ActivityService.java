package org.linli.points.activity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.linli.platform.mongo.MongoPages;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.platform.web.Caller;
import org.linli.platform.domain.NewIds;
import org.linli.platform.domain.NotFoundException;
import org.linli.platform.web.Roles;
import org.linli.points.activity.Activity.Participant;
import org.linli.points.activity.Activity.Plan;
import org.linli.points.earning.Earnings;
import org.linli.points.ledger.AccountSummary;
import org.linli.points.ledger.LedgerEntry.Context;
import org.linli.points.ledger.Reason;
import org.linli.points.copies.OrgUnitCopies;
import org.linli.points.copies.OrgUnitCopies.Community;
import org.linli.points.scoring.ActivityType;
import org.linli.points.scoring.ScoringStandards;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Activities within the caller's scope: launched by grid workers and admins of the community; anyone
 * signed in may sign up; the organiser (or an admin/grid worker covering the community) checks people
 * in and out and confirms attendance, which credits each attendee once (reference
 * {@code activity:<activityId>:<accountId>}). Changes to one activity are serialised by its version
 * and retried on a concurrent change.
 */
@Service
public class ActivityService {

    static final Set<String> ORGANISERS = Set.of(Roles.COUNTY_ADMIN, Roles.STREET_ADMIN, Roles.COMMUNITY_ADMIN,
            Roles.GRID_WORKER);
    private static final int ATTEMPTS = 20;
    /** The outcome recorded for an attendee who disputed their hours: nothing credited. */
    static final String HOURS_DISPUTED = "HOURS_DISPUTED";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoOperations mongo;
    private final OrgUnitCopies orgUnits;
    private final ScoringStandards standards;
    private final Earnings earnings;
    private final NoShowRule noShows;
    private final Clock clock;

    ActivityService(MongoOperations mongo, OrgUnitCopies orgUnits, ScoringStandards standards, Earnings earnings,
                    NoShowRule noShows, Clock clock) {
        this.mongo = mongo;
        this.orgUnits = orgUnits;
        this.standards = standards;
        this.earnings = earnings;
        this.noShows = noShows;
        this.clock = clock;
    }

    /** Launches an activity in a community; points per hour default to the community's standard for the type. */
    public Activity launch(Caller caller, String communityUnitId, String title, ActivityType type, String place,
                           String description, Instant startsAt, Instant endsAt, int capacity, Integer pointsPerHour,
                           String gridId) {
        Optional<Activity> earlier = NewIds.alreadyCreated(id -> Optional.ofNullable(
                mongo.findById(id, Activity.class)));
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Community community = orgUnits.community(communityUnitId);
        if (!caller.covers(community.path())) {
            throw new AccessDeniedException("community " + communityUnitId + " is outside the caller's scope");
        }
        int rate = pointsPerHour != null ? pointsPerHour : standards.inForce(community.id()).pointsPerHour(type);
        Plan plan = new Plan(title, type, place, description, startsAt, endsAt, capacity, rate, gridId);
        return mongo.insert(Activity.launch(plan, community.id(), community.path(), caller.accountId(),
                String.format("%06d", RANDOM.nextInt(1_000_000)), clock.instant()));
    }

    Activity get(String id) {
        return Optional.ofNullable(mongo.findById(id, Activity.class)).orElseThrow(() -> new NotFoundException("activity", id));
    }

    Page<Activity> page(String communityUnitId, Activity.Status status, Pageable pageable) {
        List<Criteria> filters = new ArrayList<>();
        if (communityUnitId != null) {
            filters.add(Criteria.where("communityUnitId").is(communityUnitId));
        }
        if (status != null) {
            filters.add(Criteria.where("status").is(status));
        }
        Query query = Query.query(MongoPages.allOf(filters)).with(pageable);
        return MongoPages.page(mongo, query, pageable, Activity.class);
    }

    Participant signUp(Caller caller, String id) {
        Activity activity = change(id, a -> a.signUp(caller.accountId(), caller.username(), clock.instant()));
        return participant(activity, caller.accountId());
    }

    /**
     * The organiser (or staff covering the community) enrols a person, also after the end; the name defaults to the
     * one the account's holder last earned or acted under.
     */
    Participant enrol(Caller caller, String id, String accountId, String name) {
        if (!manages(caller, get(id))) {
            throw new AccessDeniedException("only the organiser or staff of the community enrol someone");
        }
        String holderName = name != null ? name : Optional.ofNullable(mongo.findById(accountId, AccountSummary.class))
                .map(AccountSummary::holderName).orElse(null);
        Activity activity = change(id, a -> a.enrol(accountId, holderName, clock.instant()));
        return participant(activity, accountId);
    }

    private static Participant participant(Activity activity, String accountId) {
        return activity.participants().stream().filter(p -> p.accountId().equals(accountId)
                && p.status() != Activity.ParticipantStatus.WITHDRAWN).findFirst().orElseThrow();
    }

    /** The caller's word on the hours recorded for them: agreed, or disputed with a reason. */
    Activity answerHours(Caller caller, String id, boolean agree, String reason) {
        return change(id, a -> a.answerHours(caller.accountId(), agree, reason));
    }

    Activity withdraw(Caller caller, String id) {
        return change(id, a -> a.withdraw(caller.accountId(), clock.instant()));
    }

    /**
     * Checks in (or out): the organiser or staff covering the community for anyone, at a time of their
     * stating (not in the future); a volunteer for themselves with the activity's code, now.
     */
    Activity attend(Caller caller, String id, boolean in, String accountId, String code, Instant at) {
        Activity activity = get(id);
        Instant now = clock.instant();
        String who;
        Instant when;
        if (manages(caller, activity)) {
            who = accountId == null ? caller.accountId() : accountId;
            when = at == null ? now : at;
            if (when.isAfter(now)) {
                throw new BusinessRuleViolation("time-in-future", "attendance is recorded for a time already past");
            }
        } else {
            if (accountId != null && !accountId.equals(caller.accountId()) || at != null) {
                throw new AccessDeniedException("only the organiser records attendance for others or at a stated time");
            }
            if (code == null || !activity.codeMatches(code)) {
                throw new BusinessRuleViolation("wrong-check-in-code", "the activity's check-in code does not match");
            }
            who = caller.accountId();
            when = now;
        }
        return change(id, a -> {
            if (in) {
                a.checkIn(who, when);
            } else {
                a.checkOut(who, when, who.equals(caller.accountId()));
            }
        });
    }

    /** Confirms attendance (again: harmless) and credits every attendee once. */
    Activity confirm(Caller caller, String id) {
        Activity activity = get(id);
        if (!manages(caller, activity)) {
            throw new AccessDeniedException("only the organiser or staff of the community confirm attendance");
        }
        return settle(change(id, a -> a.confirm(clock.instant())));
    }

    Activity cancel(Caller caller, String id) {
        Activity activity = get(id);
        if (!manages(caller, activity)) {
            throw new AccessDeniedException("only the organiser or staff of the community cancel an activity");
        }
        return change(id, Activity::cancel);
    }

    /**
     * Credits each attendee of a confirmed activity (idempotent per attendee), applies the no-show rule to those who
     * never came (idempotent: a person listed already is not listed again) and records the outcomes.
     */
    Activity settle(Activity activity) {
        if (activity.status() != Activity.Status.CONFIRMED || activity.settled()) {
            return activity;
        }
        Map<String, String> outcomes = new LinkedHashMap<>();
        Context context = new Context(activity.communityUnitId(), activity.communityPath(), activity.gridId());
        activity.disputed().forEach(disputed -> outcomes.put(disputed.accountId(), HOURS_DISPUTED));
        for (Participant attendee : activity.creditable()) {
            Earnings.Result result = earnings.earn(attendee.accountId(), attendee.name(), attendee.points(),
                    Reason.ACTIVITY, reference(activity.id(), attendee.accountId()), context);
            outcomes.put(attendee.accountId(), result.outcome().name());
        }
        noShows.apply(activity);
        return change(activity.id(), a -> a.settle(outcomes));
    }

    /** Settles confirmed activities whose credits a crash interrupted. */
    int settleInterrupted() {
        List<Activity> unsettled = mongo.find(Query.query(Criteria.where("status").is(Activity.Status.CONFIRMED)
                .and("settled").is(false)), Activity.class);
        unsettled.forEach(this::settle);
        return unsettled.size();
    }

    static String reference(String activityId, String accountId) {
        return "activity:" + activityId + ":" + accountId;
    }

    boolean manages(Caller caller, Activity activity) {
        return activity.organisedBy(caller.accountId())
                || ORGANISERS.stream().anyMatch(caller::hasRole) && caller.covers(activity.communityPath());
    }

    private Activity change(String id, Consumer<Activity> change) {
        for (int attempt = 1; ; attempt++) {
            Activity activity = get(id);
            change.accept(activity);
            try {
                return mongo.save(activity);
            } catch (OptimisticLockingFailureException concurrent) {
                if (attempt == ATTEMPTS) {
                    throw concurrent;
                }
            }
        }
    }
}
