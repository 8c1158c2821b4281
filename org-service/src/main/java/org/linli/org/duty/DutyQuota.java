package org.linli.org.duty;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.linli.org.unit.OrgUnitDirectory.UnitView;
import org.linli.org.unit.ScopePath;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.platform.domain.NewIds;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A duty quota (履职清单): what everyone holding {@link #role()} in a unit's subtree owes per month or quarter, set by
 * a street or county admin. The nearest quota above a holder counts (a community's over its street's). It is kept in
 * versions: the first applies from a month the admin chooses (the previous month at the earliest, so that the duties
 * of the last 31 days count), every revision from the next month on. A period is measured against the version in
 * force in its first month (a quarter's against its first month's), so a change starts with the next period of each
 * item and past periods keep the quota they were measured against.
 */
@Document("duty_quotas")
@CompoundIndex(name = "unitId_role", def = "{'unitId': 1, 'role': 1}", unique = true)
public class DutyQuota {

    static final int MAX_ITEMS = 20;

    @Id
    private String id;
    private String unitId;
    @Indexed // the quotas above a holder ($in of its ancestors' paths) and an admin's list
    @ScopePath
    private String unitPath;
    private DutyRole role;
    private DutyTemplate template;
    private List<QuotaVersion> versions = new ArrayList<>();
    private Instant createdAt;
    @Version
    private Long version;

    protected DutyQuota() {
        // for the mapping layer
    }

    /**
     * A quota for {@code role} in {@code unit}'s subtree from {@code from} on ({@code template} when it was applied
     * from one), in the month {@code current}.
     */
    static DutyQuota define(UnitView unit, DutyRole role, DutyTemplate template, List<DutyItem> items, YearMonth from,
                            YearMonth current, String by, Instant now) {
        if (from.isBefore(current.minusMonths(1))) {
            throw new BusinessRuleViolation("quota-start-too-early", "a quota applies from the previous month at the "
                    + "earliest: " + current.minusMonths(1), current.minusMonths(1).toString());
        }
        DutyQuota quota = new DutyQuota();
        quota.id = NewIds.next();
        quota.unitId = unit.id();
        quota.unitPath = unit.path();
        quota.role = role;
        quota.template = template;
        quota.versions.add(new QuotaVersion(from.toString(), checked(items), by, now));
        quota.createdAt = now;
        return quota;
    }

    /**
     * New items from the month after {@code current} on (or from the first month, while the quota is not yet in
     * force); a revision not yet in force is replaced.
     */
    void revise(List<DutyItem> items, YearMonth current, String by, Instant now) {
        YearMonth from = later(current.plusMonths(1), firstMonth());
        versions.removeIf(v -> !v.from().isBefore(from));
        versions.add(new QuotaVersion(from.toString(), checked(items), by, now));
    }

    /**
     * The items due in a report for {@code month}: the monthly items of the version in force that month, the
     * quarterly ones of the version in force in the quarter's first month (or the quota's first month, if later);
     * none before the quota applies.
     */
    List<DutyItem> itemsFor(YearMonth month) {
        if (month.isBefore(firstMonth())) {
            return List.of();
        }
        List<DutyItem> items = new ArrayList<>();
        for (DutyPeriod period : DutyPeriod.values()) {
            YearMonth measuredBy = later(period.firstMonth(month), firstMonth());
            inForce(measuredBy).items().stream().filter(item -> item.period() == period).forEach(items::add);
        }
        return items;
    }

    /** The item of {@code kind} due in {@code month}, if the quota has one. */
    Optional<DutyItem> item(String kind, YearMonth month) {
        return itemsFor(month).stream().filter(item -> item.kind().equals(kind)).findFirst();
    }

    private QuotaVersion inForce(YearMonth month) {
        QuotaVersion found = versions.get(0);
        for (QuotaVersion candidate : versions) {
            if (!candidate.from().isAfter(month)) {
                found = candidate;
            }
        }
        return found;
    }

    private YearMonth firstMonth() {
        return versions.get(0).from();
    }

    private static YearMonth later(YearMonth a, YearMonth b) {
        return a.isAfter(b) ? a : b;
    }

    private static List<DutyItem> checked(List<DutyItem> items) {
        if (items == null || items.isEmpty() || items.size() > MAX_ITEMS) {
            throw new BusinessRuleViolation("invalid-duty-quota", "a quota has 1 to " + MAX_ITEMS + " items",
                    MAX_ITEMS);
        }
        if (items.stream().map(DutyItem::kind).distinct().count() < items.size()) {
            throw new BusinessRuleViolation("invalid-duty-quota", "each duty kind appears once in a quota",
                    MAX_ITEMS);
        }
        return List.copyOf(items);
    }

    public String id() {
        return id;
    }

    public String unitId() {
        return unitId;
    }

    public String unitPath() {
        return unitPath;
    }

    public DutyRole role() {
        return role;
    }

    public DutyTemplate template() {
        return template;
    }

    public List<QuotaVersion> versions() {
        return List.copyOf(versions);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Long version() {
        return version;
    }

    /**
     * The items of a quota from a month on (until the next version's month).
     *
     * @param fromMonth first month it applies, {@code 2026-11}
     */
    public record QuotaVersion(String fromMonth, List<DutyItem> items, String setBy, Instant setAt) {

        YearMonth from() {
            return YearMonth.parse(fromMonth);
        }
    }
}
