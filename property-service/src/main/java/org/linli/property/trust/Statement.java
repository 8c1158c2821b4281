package org.linli.property.trust;

import java.time.YearMonth;
import java.util.List;

/**
 * A month's statement of a trust account (月度收支公示): the opening balance, every line booked on a day of the
 * month, the month's income and expenses (reversals count against the side of the line they reverse) and the
 * closing balance. Built from the lines only and checked: each line's balance is the previous one's plus its
 * amount, so {@code closing = opening + income − expenses} holds exactly.
 *
 * @param closed whether the month can no longer change (a later month has lines, or the month is over)
 */
public record Statement(String compoundId, YearMonth month, long openingFen, long incomeFen, long expensesFen,
                        long closingFen, boolean closed, List<TrustEntry> entries) {

    /**
     * @param balanceBefore the balance after the last line of an earlier month (0 when none): the opening when the
     *                      month has no lines
     * @param monthEntries  the month's lines in sequence order (a consecutive run)
     */
    static Statement of(String compoundId, YearMonth month, long balanceBefore, List<TrustEntry> monthEntries,
                        boolean closed) {
        long opening = monthEntries.isEmpty() ? balanceBefore
                : monthEntries.get(0).balanceAfterFen() - monthEntries.get(0).amountFen();
        long running = opening;
        long income = 0;
        long expenses = 0;
        Long previous = null;
        for (TrustEntry entry : monthEntries) {
            if (previous != null && entry.sequence() != previous + 1
                    || Math.addExact(running, entry.amountFen()) != entry.balanceAfterFen()) {
                throw new IllegalStateException("the lines of " + compoundId + " do not chain at " + entry.id());
            }
            running = entry.balanceAfterFen();
            previous = entry.sequence();
            if (entry.category().income()) {
                income += entry.amountFen();
            } else {
                expenses -= entry.amountFen();
            }
        }
        return new Statement(compoundId, month, opening, income, expenses, running, closed, List.copyOf(monthEntries));
    }
}
