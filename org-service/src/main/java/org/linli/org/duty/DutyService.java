package org.linli.org.duty;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.linli.org.identity.Account;
import org.linli.org.unit.OrgUnitDirectory;
import org.linli.org.unit.OrgUnitDirectory.UnitView;
import org.linli.platform.mongo.MongoPages;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.platform.web.Caller;
import org.linli.platform.domain.NotFoundException;
import org.linli.platform.web.Roles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Duty quotas, their holders and the duties they record, within the caller's org scope: street and county admins set
 * quotas, admins covering a unit name its holders, a holder records their own duties (an admin covering them may
 * record for them).
 */
@Service
class DutyService {

    static final List<String> ADMINS = List.of(Roles.COUNTY_ADMIN, Roles.STREET_ADMIN, Roles.COMMUNITY_ADMIN);

    private final MongoOperations mongo;
    private final OrgUnitDirectory units;
    private final Clock clock;
    private final ZoneId zone;

    DutyService(MongoOperations mongo, OrgUnitDirectory units, Clock clock,
                @Value("${linli.zone:Asia/Shanghai}") ZoneId zone) {
        this.mongo = mongo;
        this.units = units;
        this.clock = clock;
        this.zone = zone;
    }

    /** A quota for a unit of the caller's scope, from a shipped template or from the items given. */
    DutyQuota define(Caller caller, String unitId, DutyTemplate template, DutyRole role, List<DutyItem> items,
                     YearMonth from) {
        UnitView unit = units.visibleTo(caller, unitId);
        if (template != null && (items != null || (role != null && role != template.role()))) {
            throw new BusinessRuleViolation("template-or-items", "a template brings its role (" + template.role()
                    + ") and items: give no items and no other role with it", template.name());
        }
        if (template == null && role == null) {
            throw new BusinessRuleViolation("invalid-duty-quota", "a quota without a template names its role",
                    DutyQuota.MAX_ITEMS);
        }
        YearMonth current = currentMonth();
        return mongo.insert(DutyQuota.define(unit, template == null ? role : template.role(), template,
                template == null ? items : template.items(), from == null ? current : from, current,
                caller.accountId(), clock.instant()));
    }

    /** New items from the next month on, at the quota's current version. */
    DutyQuota revise(Caller caller, String id, long version, List<DutyItem> items) {
        DutyQuota quota = covered(caller, find(id));
        if (quota.version() == null || quota.version() != version) {
            throw new OptimisticLockingFailureException("duty quota " + id + " is at version " + quota.version());
        }
        quota.revise(items, currentMonth(), caller.accountId(), clock.instant());
        return mongo.save(quota);
    }

    DutyQuota quota(Caller caller, String id) {
        return covered(caller, find(id));
    }

    /** The quotas set in the caller's scope, or in one unit's subtree of it. */
    Page<DutyQuota> quotas(Caller caller, String unitId, Pageable pageable) {
        return MongoPages.page(mongo, Query.query(scope(caller, unitId)).with(pageable), pageable, DutyQuota.class);
    }

    /** Names an existing account the holder of {@code role} in a unit of the caller's scope. */
    DutyAssignment assign(Caller caller, String accountId, DutyRole role, String unitId) {
        UnitView unit = units.visibleTo(caller, unitId);
        Account account = Optional.ofNullable(mongo.findById(accountId, Account.class))
                .orElseThrow(() -> new NotFoundException("account", accountId));
        String name = account.displayName() == null ? account.username() : account.displayName();
        return mongo.insert(DutyAssignment.assign(accountId, name, role, unit, caller.accountId(), clock.instant()));
    }

    /** The duty holders in the caller's scope, or in one unit's subtree of it. */
    Page<DutyAssignment> holders(Caller caller, String unitId, Pageable pageable) {
        return MongoPages.page(mongo, Query.query(scope(caller, unitId)).with(pageable), pageable,
                DutyAssignment.class);
    }

    /**
     * A duty done by {@code holderId} (the caller when {@code null}) in {@code role}: the caller themselves, or an
     * admin covering the holder's unit (403 otherwise).
     */
    DutyRecord record(Caller caller, String holderId, DutyRole role, String kind, LocalDate doneOn, String note,
                      String place) {
        String holder = holderId == null ? caller.accountId() : holderId;
        DutyAssignment assignment = mongo.findOne(Query.query(Criteria.where("accountId").is(holder)
                .and("role").is(role)), DutyAssignment.class);
        boolean self = holder.equals(caller.accountId());
        if (assignment == null) {
            if (!self && !isAdmin(caller)) {
                throw new AccessDeniedException("a duty is recorded by its holder or an admin over them");
            }
            throw new BusinessRuleViolation("not-a-duty-holder", "account " + holder + " holds no " + role,
                    role.label());
        }
        if (!self && !(isAdmin(caller) && caller.covers(assignment.unitPath()))) {
            throw new AccessDeniedException("a duty is recorded by its holder or an admin over them");
        }
        DutyQuota quota = quotaOf(assignment, quotasAbove(List.of(assignment)));
        return mongo.insert(DutyRecord.record(assignment, quota, kind, doneOn, note, place, caller.accountId(),
                LocalDate.now(clock.withZone(zone)), clock.instant()));
    }

    /** A duty record, for its holder or an admin covering the holder's unit (403 otherwise; 404). */
    DutyRecord recordById(Caller caller, String id) {
        DutyRecord record = Optional.ofNullable(mongo.findById(id, DutyRecord.class))
                .orElseThrow(() -> new NotFoundException("duty-record", id));
        if (!record.holderId().equals(caller.accountId()) && !(isAdmin(caller) && caller.covers(record.unitPath()))) {
            throw new AccessDeniedException("duty record outside the caller's scope");
        }
        return record;
    }

    /** The quotas set at {@code assignments}' units or above them (one query, by their paths). */
    List<DutyQuota> quotasAbove(Collection<DutyAssignment> assignments) {
        Set<String> paths = new TreeSet<>();
        for (DutyAssignment assignment : assignments) {
            String path = assignment.unitPath();
            for (int slash = path.indexOf('/', 1); slash > 0; slash = path.indexOf('/', slash + 1)) {
                paths.add(path.substring(0, slash + 1));
            }
        }
        return paths.isEmpty() ? List.of()
                : mongo.find(Query.query(Criteria.where("unitPath").in(paths)), DutyQuota.class);
    }

    /** The nearest of {@code quotas} above the holder for its role, {@code null} for none. */
    static DutyQuota quotaOf(DutyAssignment holder, Collection<DutyQuota> quotas) {
        return quotas.stream()
                .filter(quota -> quota.role() == holder.role() && holder.unitPath().startsWith(quota.unitPath()))
                .max(Comparator.comparingInt(quota -> quota.unitPath().length()))
                .orElse(null);
    }

    YearMonth currentMonth() {
        return YearMonth.now(clock.withZone(zone));
    }

    static boolean isAdmin(Caller caller) {
        return ADMINS.stream().anyMatch(caller::hasRole);
    }

    private DutyQuota find(String id) {
        return Optional.ofNullable(mongo.findById(id, DutyQuota.class))
                .orElseThrow(() -> new NotFoundException("duty-quota", id));
    }

    private static DutyQuota covered(Caller caller, DutyQuota quota) {
        if (!caller.covers(quota.unitPath())) {
            throw new AccessDeniedException("duty quota outside the caller's scope");
        }
        return quota;
    }

    /** Under {@code unitId} (403 outside the caller's scope), else the caller's whole scope. */
    private Criteria scope(Caller caller, String unitId) {
        List<Criteria> filters = new ArrayList<>();
        if (unitId != null) {
            filters.add(under(units.visibleTo(caller, unitId).path()));
        } else if (!caller.isCountyWide()) {
            filters.add(under(caller.orgUnitPath()));
        }
        return MongoPages.allOf(filters);
    }

    static Criteria under(String path) {
        return Criteria.where("unitPath").regex("^" + Pattern.quote(path));
    }
}
