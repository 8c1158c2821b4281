package org.linli.issue.issue;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.stream.Stream;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.Indexed;

/**
 * The 5341 clocks of an issue (时限): when being on site, the solution, a called department's check-in (报到) and the
 * reporter's callback (回访) are due, which of on site and solution were missed, and {@code nextDueAt}, the earliest
 * clock still running, indexed so that one query finds what the sweep must apply. A value: every change answers new
 * clocks. Stored flat in the issue's document ({@code @Unwrapped}), under the field names it always had.
 *
 * @param firstSolutionDueAt the solution deadline of the first round, before any reopening or escalation moved it
 */
record Clocks(Instant onSiteDueAt, Instant firstSolutionDueAt, Instant solutionDueAt, Instant checkInDueAt,
              Instant callbackDueAt, @Indexed Instant nextDueAt, boolean onSiteOverdue, boolean solutionOverdue) {

    /** How the store reads it back: a projection without the overdue flags reads them as not overdue. */
    @PersistenceCreator
    static Clocks stored(Instant onSiteDueAt, Instant firstSolutionDueAt, Instant solutionDueAt, Instant checkInDueAt,
                         Instant callbackDueAt, Instant nextDueAt, Boolean onSiteOverdue, Boolean solutionOverdue) {
        return new Clocks(onSiteDueAt, firstSolutionDueAt, solutionDueAt, checkInDueAt, callbackDueAt, nextDueAt,
                Boolean.TRUE.equals(onSiteOverdue), Boolean.TRUE.equals(solutionOverdue));
    }

    /** The clocks of an issue received at {@code received}: on site and solution run from then. */
    static Clocks startedAt(Instant received, Severity severity, DeadlinePolicy policy) {
        Instant solution = received.plus(policy.solution(severity));
        return new Clocks(received.plus(policy.onSite()), solution, solution, null, null, null, false, false);
    }

    /** A reclassified severity in the first round: the solution deadline counts from the report again. */
    Clocks reclassifiedFrom(Instant reportedAt, Duration solution) {
        Instant due = reportedAt.plus(solution);
        return new Clocks(onSiteDueAt, due, due, checkInDueAt, callbackDueAt, nextDueAt, onSiteOverdue,
                solutionOverdue);
    }

    /** A fresh solution window from {@code now} (reclassified after a reopening, escalated, redirected, or missed at the top). */
    Clocks solutionFrom(Instant now, Duration solution) {
        return new Clocks(onSiteDueAt, firstSolutionDueAt, now.plus(solution), checkInDueAt, callbackDueAt, nextDueAt,
                onSiteOverdue, solutionOverdue);
    }

    /** A department is called: it must check in within the window. */
    private Clocks checkInFrom(Instant now, Duration checkIn) {
        return new Clocks(onSiteDueAt, firstSolutionDueAt, solutionDueAt, now.plus(checkIn), callbackDueAt, nextDueAt,
                onSiteOverdue, solutionOverdue);
    }

    /** Escalated or redirected to {@code level}: a fresh solution window there, and a department must check in. */
    Clocks escalatedTo(EscalationLevel level, Instant now, Severity severity, DeadlinePolicy policy) {
        Clocks called = level == EscalationLevel.DEPARTMENT ? checkInFrom(now, policy.departmentCheckIn()) : this;
        return called.solutionFrom(now, policy.solution(severity));
    }

    /** The check-in clock stops: the department checked in, or missing it was recorded. */
    Clocks checkInStopped() {
        return new Clocks(onSiteDueAt, firstSolutionDueAt, solutionDueAt, null, callbackDueAt, nextDueAt,
                onSiteOverdue, solutionOverdue);
    }

    /** Resolved at {@code resolvedAt}: the reporter's callback window opens. */
    Clocks callbackFrom(Instant resolvedAt, Duration window) {
        return new Clocks(onSiteDueAt, firstSolutionDueAt, solutionDueAt, checkInDueAt, resolvedAt.plus(window),
                nextDueAt, onSiteOverdue, solutionOverdue);
    }

    /** Closed: no callback is awaited any more. */
    Clocks callbackStopped() {
        return new Clocks(onSiteDueAt, firstSolutionDueAt, solutionDueAt, checkInDueAt, null, nextDueAt,
                onSiteOverdue, solutionOverdue);
    }

    /** Reopened after the callback: on site and solution run afresh from {@code now}. */
    Clocks reopenedAt(Instant now, Severity severity, DeadlinePolicy policy) {
        return new Clocks(now.plus(policy.onSite()), firstSolutionDueAt, now.plus(policy.solution(severity)),
                checkInDueAt, null, nextDueAt, false, solutionOverdue);
    }

    /** Resumed after a hold: every deadline moves on by the time held. */
    Clocks shiftedBy(Duration held) {
        return new Clocks(shift(onSiteDueAt, held), shift(firstSolutionDueAt, held), shift(solutionDueAt, held),
                shift(checkInDueAt, held), callbackDueAt, nextDueAt, onSiteOverdue, solutionOverdue);
    }

    private static Instant shift(Instant instant, Duration by) {
        return instant == null ? null : instant.plus(by);
    }

    /** Whether the on-site clock ran out by {@code now} and was not recorded yet. */
    boolean onSiteRanOut(IssueStatus status, Instant now) {
        return IssueStatus.BEFORE_ON_SITE.contains(status) && !onSiteOverdue && !now.isBefore(onSiteDueAt);
    }

    /** Whether the solution clock ran out by {@code now}. */
    boolean solutionRanOut(IssueStatus status, Instant now) {
        return IssueStatus.UNSOLVED.contains(status) && !now.isBefore(solutionDueAt);
    }

    /** Whether a called department missed its check-in by {@code now}. */
    boolean checkInRanOut(Instant now) {
        return checkInDueAt != null && !now.isBefore(checkInDueAt);
    }

    /** Whether the reporter's callback window passed by {@code now}. */
    boolean callbackRanOut(Instant now) {
        return callbackDueAt != null && !now.isBefore(callbackDueAt);
    }

    Clocks onSiteMissed() {
        return new Clocks(onSiteDueAt, firstSolutionDueAt, solutionDueAt, checkInDueAt, callbackDueAt, nextDueAt,
                true, solutionOverdue);
    }

    Clocks solutionMissed() {
        return new Clocks(onSiteDueAt, firstSolutionDueAt, solutionDueAt, checkInDueAt, callbackDueAt, nextDueAt,
                onSiteOverdue, true);
    }

    /** An imported record solved at {@code resolvedAt}: late when after the solution deadline. */
    Clocks solvedAt(Instant resolvedAt) {
        return new Clocks(onSiteDueAt, firstSolutionDueAt, solutionDueAt, checkInDueAt, callbackDueAt, nextDueAt,
                onSiteOverdue, resolvedAt.isAfter(solutionDueAt));
    }

    /** {@code nextDueAt} set to the earliest clock running in {@code status}, {@code null} when none runs. */
    Clocks scheduledFor(IssueStatus status) {
        if (status == IssueStatus.HELD || !status.open()) {
            return withNextDueAt(null);
        }
        if (status == IssueStatus.RESOLVED) {
            return withNextDueAt(callbackDueAt);
        }
        return withNextDueAt(Stream.of(IssueStatus.BEFORE_ON_SITE.contains(status) && !onSiteOverdue ? onSiteDueAt : null,
                        IssueStatus.UNSOLVED.contains(status) ? solutionDueAt : null, checkInDueAt)
                .filter(Objects::nonNull).min(Instant::compareTo).orElse(null));
    }

    /**
     * Clocks that ran out by {@code now} for an issue received earlier (imported, or taken first by another system)
     * become facts (overdue); the clocks still running are scheduled as for a live issue, and none is left due now
     * (history is no cause for the sweep). For an issue received now no clock has run out: this is
     * {@link #scheduledFor}.
     */
    Clocks scheduledFromOriginalTime(IssueStatus status, Instant now) {
        Clocks scheduled = new Clocks(onSiteDueAt, firstSolutionDueAt, solutionDueAt, checkInDueAt, callbackDueAt,
                nextDueAt, onSiteOverdue || IssueStatus.BEFORE_ON_SITE.contains(status) && !now.isBefore(onSiteDueAt),
                solutionOverdue || solutionRanOut(status, now)).scheduledFor(status);
        return scheduled.nextDueAt != null && !scheduled.nextDueAt.isAfter(now) ? scheduled.withNextDueAt(null) : scheduled;
    }

    private Clocks withNextDueAt(Instant next) {
        return new Clocks(onSiteDueAt, firstSolutionDueAt, solutionDueAt, checkInDueAt, callbackDueAt, next,
                onSiteOverdue, solutionOverdue);
    }

    /** Whether a clock was missed, which puts the issue under supervision (督办). */
    boolean anyMissed() {
        return onSiteOverdue || solutionOverdue;
    }
}
