package org.linli.points.communitylist;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.platform.web.Caller;
import org.linli.platform.domain.NotFoundException;
import org.linli.points.activity.Activity;
import org.linli.points.communitylist.CommunityList.Scope;
import org.linli.points.copies.OrgUnitCopies;
import org.linli.points.copies.OrgUnitCopies.Community;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Computes, publishes and reads the community red and black lists. A street's or township's admin works on their
 * street's list, a county-wide admin on any street's and the county's (403 otherwise). The figures come from one
 * query per list: the scope's activities of the month, by the {@code community_path_starts} index (a path prefix and
 * a time range), confirmed ones counted; the communities from the org copies by their path index.
 */
@Component
class CommunityLists {

    private final MongoOperations mongo;
    private final OrgUnitCopies orgUnits;
    private final Clock clock;
    private final ZoneId zone;

    CommunityLists(MongoOperations mongo, OrgUnitCopies orgUnits, Clock clock,
                   @Value("${linli.zone:Asia/Shanghai}") ZoneId zone) {
        this.mongo = mongo;
        this.orgUnits = orgUnits;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * A draft for the scope and month: a new one, the draft computed again, or (with a reason) a new version of the
     * published list. 422 list-published without a reason, month-in-future.
     */
    CommunityList compute(Caller caller, String scopeUnitId, YearMonth month, int size, String reason) {
        if (month.isAfter(YearMonth.now(clock.withZone(zone)))) {
            throw new BusinessRuleViolation("month-in-future", "a month is listed once it has begun", month);
        }
        Scope scope = scope(caller, scopeUnitId);
        List<CommunityFigures> figures = figures(scope, month);
        Optional<CommunityList> latest = latest(scope.id(), month);
        if (latest.isPresent() && latest.get().status() == CommunityList.Status.DRAFT) {
            CommunityList draft = latest.get();
            draft.recompute(figures, size, caller.accountId(), clock.instant());
            return mongo.save(draft);
        }
        return mongo.insert(CommunityList.compute(scope, month, latest.orElse(null), reason, figures, size,
                caller.accountId(), clock.instant()));
    }

    /** Publishes a draft of the caller's scope; the list it supersedes, if any, points to it from now on. */
    CommunityList publish(Caller caller, String id, long version) {
        CommunityList list = visible(caller, id);
        if (list.version() != version) {
            throw new OptimisticLockingFailureException("community list " + id + " is at version " + list.version());
        }
        list.publish(caller.accountId(), clock.instant(), YearMonth.now(clock.withZone(zone)));
        CommunityList published = mongo.save(list);
        if (published.supersedes() != null) {
            Optional.ofNullable(mongo.findById(published.supersedes(), CommunityList.class)).ifPresent(earlier -> {
                earlier.supersede(published.id());
                mongo.save(earlier);
            });
        }
        return published;
    }

    /** Any version, draft or not, for an admin covering its scope (403). */
    CommunityList visible(Caller caller, String id) {
        CommunityList list = Optional.ofNullable(mongo.findById(id, CommunityList.class))
                .orElseThrow(() -> new NotFoundException("community-list", id));
        if (!caller.covers(list.scopePath())) {
            throw new AccessDeniedException("community list " + id + " is outside the caller's scope");
        }
        return list;
    }

    /** The published list in force for the scope and month (the newest published version); 404 when none. */
    CommunityList inForce(String scopeUnitId, YearMonth month) {
        String scope = scopeUnitId == null ? CommunityList.COUNTY : scopeUnitId;
        Query query = Query.query(Criteria.where("scopeMonth").is(CommunityList.scopeMonth(scope, month))
                        .and("status").is(CommunityList.Status.PUBLISHED))
                .with(Sort.by(Sort.Direction.DESC, "number")).limit(1);
        return Optional.ofNullable(mongo.findOne(query, CommunityList.class))
                .orElseThrow(() -> new NotFoundException("community-list", scope + ":" + month));
    }

    /** A published or superseded list by id; a draft is not public (404). */
    CommunityList publicOne(String id) {
        return Optional.ofNullable(mongo.findById(id, CommunityList.class)).filter(CommunityList::isPublic)
                .orElseThrow(() -> new NotFoundException("community-list", id));
    }

    private Optional<CommunityList> latest(String scopeUnitId, YearMonth month) {
        Query query = Query.query(Criteria.where("scopeMonth").is(CommunityList.scopeMonth(scopeUnitId, month)))
                .with(Sort.by(Sort.Direction.DESC, "number")).limit(1);
        return Optional.ofNullable(mongo.findOne(query, CommunityList.class));
    }

    /**
     * The county (absent or "county": a county-wide caller only) or a street or township the caller covers (403);
     * 422 invalid-list-scope for any other unit. A street admin's default is their own unit.
     */
    private Scope scope(Caller caller, String scopeUnitId) {
        String wanted = scopeUnitId != null ? scopeUnitId : caller.isCountyWide() ? CommunityList.COUNTY
                : caller.orgUnitId();
        if (CommunityList.COUNTY.equals(wanted)) {
            if (!caller.isCountyWide()) {
                throw new AccessDeniedException("the county's list needs a county-wide account");
            }
            return new Scope(CommunityList.COUNTY, "全县", "");
        }
        OrgUnitCopies.Street street = orgUnits.findStreet(wanted).orElseThrow(() -> new BusinessRuleViolation(
                "invalid-list-scope", "community lists are for the county or a known street or township", wanted));
        if (!caller.covers(street.path())) {
            throw new AccessDeniedException("street " + wanted + " is outside the caller's scope");
        }
        return new Scope(street.id(), street.name(), street.path());
    }

    /** Every community of the scope with the figures of its confirmed activities that started in the month. */
    private List<CommunityFigures> figures(Scope scope, YearMonth month) {
        String prefix = scope.path().isEmpty() ? "^" : "^" + Pattern.quote(scope.path());
        Query query = Query.query(Criteria.where("communityPath").regex(prefix)
                .and("startsAt").gte(month.atDay(1).atStartOfDay(zone).toInstant())
                .lt(month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant())
                .and("status").is(Activity.Status.CONFIRMED));
        Map<String, List<Activity>> held = mongo.find(query, Activity.class).stream()
                .collect(Collectors.groupingBy(Activity::communityUnitId));
        return orgUnits.communitiesUnder(scope.path()).stream()
                .map((Community c) -> CommunityFigures.of(c.id(), c.name(), held.getOrDefault(c.id(), List.of())))
                .toList();
    }
}
