package org.linli.org.duty;

import java.time.YearMonth;
import java.util.Collection;
import java.util.List;

/**
 * The completion maths of a monthly report. For each item due in the month: the duties done in its period up to the
 * end of the month (a monthly item: that month; a quarterly one: the quarter so far) against the count due, as a
 * whole percentage (done beyond the count does not make up for another item). An item is overdue when its period
 * has ended (the month is the period's last and lies before the current month) with fewer done than due. A holder's
 * completion is the capped done over the due of all items (0, and not complete, when nothing is due: no quota
 * applies); a community's average is the mean of its holders'.
 */
final class DutyCompletion {

    private DutyCompletion() {
    }

    /** A duty done, as the completion counts it. */
    record Done(DutyRole role, String kind, YearMonth month) {
    }

    /** One item of a holder's report. */
    record ItemCompletion(String kind, String label, DutyPeriod period, YearMonth periodFrom, YearMonth periodTo,
                          int required, int done, int percent, boolean overdue) {
    }

    /** A holder's report for one role and month. */
    record HolderCompletion(List<ItemCompletion> items, int required, int done, int percent, boolean complete,
                            boolean overdue) {
    }

    /** A unit's summary over its holders. */
    record Summary(int holders, int averagePercent, int fullyComplete, int withOverdue) {
    }

    /** {@code role}'s completion of {@code items} in {@code month}, from what was done, seen in {@code current}. */
    static HolderCompletion of(DutyRole role, List<DutyItem> items, Collection<Done> done, YearMonth month,
                               YearMonth current) {
        List<ItemCompletion> lines = items.stream().map(item -> line(role, item, done, month, current)).toList();
        int required = lines.stream().mapToInt(ItemCompletion::required).sum();
        int counted = lines.stream().mapToInt(line -> Math.min(line.done(), line.required())).sum();
        int percent = percent(counted, required);
        return new HolderCompletion(lines, required, counted, percent, required > 0 && percent == 100,
                lines.stream().anyMatch(ItemCompletion::overdue));
    }

    static Summary summary(Collection<HolderCompletion> holders) {
        int average = holders.isEmpty() ? 0
                : (int) (holders.stream().mapToLong(HolderCompletion::percent).sum() / holders.size());
        return new Summary(holders.size(), average, (int) holders.stream().filter(HolderCompletion::complete).count(),
                (int) holders.stream().filter(HolderCompletion::overdue).count());
    }

    private static ItemCompletion line(DutyRole role, DutyItem item, Collection<Done> done, YearMonth month,
                                       YearMonth current) {
        YearMonth from = item.period().firstMonth(month);
        YearMonth to = item.period().lastMonth(month);
        int count = (int) done.stream()
                .filter(d -> d.role() == role && d.kind().equals(item.kind()))
                .filter(d -> !d.month().isBefore(from) && !d.month().isAfter(month))
                .count();
        boolean ended = to.equals(month) && month.isBefore(current);
        return new ItemCompletion(item.kind(), item.label(), item.period(), from, to, item.count(), count,
                percent(Math.min(count, item.count()), item.count()), ended && count < item.count());
    }

    private static int percent(int done, int required) {
        return required == 0 ? 0 : done * 100 / required;
    }
}
