package org.linli.grid.worker;

import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * Monthly stipend arithmetic, in integer fen only: the tier's monthly amount prorated by the days the
 * appointment covers in the month (rounded down to the fen), plus emergency duty days at the daily
 * subsidy. The tier is chosen by the grid's resident population as known when the statement is made.
 */
public final class Stipends {

    private final StipendSettings settings;

    public Stipends(StipendSettings settings) {
        this.settings = Objects.requireNonNull(settings);
    }

    /** The statement of one appointment for a month, for a grid of {@code residents}. */
    public Statement statement(GridWorker worker, String gridName, long residents, YearMonth month) {
        long tierMonthlyFen = settings.monthlyFenFor(residents);
        int daysInMonth = month.lengthOfMonth();
        int activeDays = worker.activeDaysIn(month);
        long baseFen = prorate(tierMonthlyFen, activeDays, daysInMonth);
        int emergencyDays = worker.emergencyDaysIn(month);
        long emergencyFen = Math.multiplyExact((long) emergencyDays, settings.emergencyDailyFen());
        return new Statement(worker.id(), worker.gridId(), gridName, worker.role(), worker.role().label(),
                worker.personName(), month.toString(), residents, tierMonthlyFen, daysInMonth, activeDays, baseFen,
                emergencyDays, settings.emergencyDailyFen(), emergencyFen, Math.addExact(baseFen, emergencyFen));
    }

    /** {@code monthlyFen × activeDays / daysInMonth}, rounded down. */
    static long prorate(long monthlyFen, int activeDays, int daysInMonth) {
        if (activeDays < 0 || activeDays > daysInMonth) {
            throw new IllegalArgumentException("active days " + activeDays + " outside 0.." + daysInMonth);
        }
        return Math.multiplyExact(monthlyFen, (long) activeDays) / daysInMonth;
    }

    /** The sum of the statements' totals in fen. */
    static long totalFen(List<Statement> statements) {
        return statements.stream().mapToLong(Statement::totalFen).reduce(0, Math::addExact);
    }

    /** One worker's stipend for a month; every amount in fen. */
    public record Statement(String appointmentId, String gridId, String gridName, WorkerRole role, String roleLabel,
                            String personName, String month, long residents, long tierMonthlyFen, int daysInMonth,
                            int activeDays, long baseFen, int emergencyDays, long emergencyDailyFen,
                            long emergencyFen, long totalFen) {
    }
}
