package org.linli.org.duty;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.linli.org.unit.OrgUnitDirectory;
import org.linli.org.unit.OrgUnitDirectory.UnitView;
import org.linli.platform.web.Caller;
import org.linli.platform.domain.NotFoundException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Monthly completion reports (履职完成情况): a person's, per duty role they hold, and a unit's, per holder in its
 * subtree with the average completion. Three indexed reads each: the assignments (by account, or by unit path), the
 * records of the quarter so far (by holder + month, or by unit path + month), the quotas above (by path).
 */
@Service
class DutyReports {

    private final MongoOperations mongo;
    private final OrgUnitDirectory units;
    private final DutyService duties;

    DutyReports(MongoOperations mongo, OrgUnitDirectory units, DutyService duties) {
        this.mongo = mongo;
        this.units = units;
        this.duties = duties;
    }

    /** A holder's report: their own, or an admin's covering their unit (403 otherwise; 404 for no duty role). */
    List<HolderReport> holder(Caller caller, String accountId, YearMonth month) {
        List<DutyAssignment> held = mongo.find(Query.query(Criteria.where("accountId").is(accountId)),
                DutyAssignment.class);
        List<DutyAssignment> visible = accountId.equals(caller.accountId()) ? held
                : held.stream().filter(a -> DutyService.isAdmin(caller) && caller.covers(a.unitPath())).toList();
        if (held.isEmpty() && !accountId.equals(caller.accountId())) {
            throw new NotFoundException("duty-holder", accountId);
        }
        if (visible.isEmpty() && !held.isEmpty()) {
            throw new AccessDeniedException("duty holder outside the caller's scope");
        }
        List<DutyRecord> records = mongo.find(Query.query(Criteria.where("holderId").is(accountId)
                .and("month").in(monthsOfQuarterTo(month))), DutyRecord.class);
        return reports(visible, records, month);
    }

    /** A unit's report: every holder in its subtree, and the summary of those a quota applies to. */
    UnitReport unit(Caller caller, String unitId, YearMonth month) {
        UnitView unit = units.visibleTo(caller, unitId);
        List<DutyAssignment> held = mongo.find(Query.query(DutyService.under(unit.path())), DutyAssignment.class);
        List<DutyRecord> records = mongo.find(Query.query(DutyService.under(unit.path())
                .and("month").in(monthsOfQuarterTo(month))), DutyRecord.class);
        List<HolderReport> holders = reports(held, records, month);
        return new UnitReport(unit.id(), unit.name(), month, DutyCompletion.summary(holders.stream()
                .filter(HolderReport::quotaApplies).map(HolderReport::completion).toList()), holders);
    }

    private List<HolderReport> reports(List<DutyAssignment> held, List<DutyRecord> records, YearMonth month) {
        List<DutyQuota> quotas = duties.quotasAbove(held);
        YearMonth current = duties.currentMonth();
        Map<String, List<DutyCompletion.Done>> doneBy = records.stream().collect(Collectors.groupingBy(
                DutyRecord::holderId, Collectors.mapping(DutyRecord::done, Collectors.toList())));
        List<HolderReport> reports = new ArrayList<>();
        for (DutyAssignment holder : held) {
            DutyQuota quota = DutyService.quotaOf(holder, quotas);
            List<DutyItem> items = quota == null ? List.of() : quota.itemsFor(month);
            reports.add(new HolderReport(holder, quota == null ? null : quota.id(), !items.isEmpty(),
                    DutyCompletion.of(holder.role(), items, doneBy.getOrDefault(holder.accountId(), List.of()), month, current)));
        }
        reports.sort(Comparator.comparing((HolderReport r) -> r.holder().unitPath())
                .thenComparing(r -> r.holder().name()));
        return reports;
    }

    /** The months of {@code month}'s quarter up to it (a monthly item needs the last, a quarterly one all). */
    static List<String> monthsOfQuarterTo(YearMonth month) {
        YearMonth first = DutyPeriod.QUARTER.firstMonth(month);
        return Stream.iterate(first, m -> !m.isAfter(month), m -> m.plusMonths(1)).map(YearMonth::toString).toList();
    }

    /** One holder's completion in one role; {@code quotaApplies} false when no quota covers them that month. */
    record HolderReport(DutyAssignment holder, String quotaId, boolean quotaApplies,
                        DutyCompletion.HolderCompletion completion) {
    }

    record UnitReport(String unitId, String unitName, YearMonth month, DutyCompletion.Summary summary,
                      List<HolderReport> holders) {
    }
}
