package org.linli.org.duty;

import java.time.YearMonth;

/** How often a duty item's count is due: per calendar month or per calendar quarter. */
public enum DutyPeriod {
    /** 每月 */
    MONTH("每月"),
    /** 每季度 */
    QUARTER("每季度");

    private final String label;

    DutyPeriod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The first month of the period containing {@code month}. */
    YearMonth firstMonth(YearMonth month) {
        return this == MONTH ? month : month.withMonth((month.getMonthValue() - 1) / 3 * 3 + 1);
    }

    /** The last month of the period containing {@code month}. */
    YearMonth lastMonth(YearMonth month) {
        return this == MONTH ? month : firstMonth(month).plusMonths(2);
    }
}
