package org.linli.issue.issue;

import java.util.Objects;
import org.linli.issue.place.Route;
import org.linli.platform.domain.BusinessRuleViolation;

/**
 * Who an issue is handed to (派单): assigned to an account (the grid's worker, staff), or open for claiming by party
 * members and volunteers (党员接单), and who claimed it. Once claimed, only the claimant handles it. A value: every
 * change answers a new assignment. Stored flat in the issue's document ({@code @Unwrapped}), under the field names it
 * always had.
 *
 * @param dispatchMode          {@value #ASSIGNED} or {@value #OPEN_FOR_CLAIM}, {@code null} before any dispatch
 * @param assigneeAppointmentId the grid worker's appointment the route found; a later dispatch leaves it
 */
record Assignment(String dispatchMode, String assigneeAppointmentId, String assigneeAccountId,
                  String claimantAccountId) {

    static final String ASSIGNED = "ASSIGNED";
    static final String OPEN_FOR_CLAIM = "OPEN_FOR_CLAIM";
    /** An issue waiting in a queue, dispatched to nobody yet. */
    static final Assignment NONE = new Assignment(null, null, null, null);

    /** To the grid's worker the route found. */
    static Assignment toWorker(Route route) {
        return new Assignment(ASSIGNED, route.workerAppointmentId(), route.workerAccountId(), null);
    }

    /** Dispatched (again): to an account, or open for claiming when {@code accountId} is {@code null}; a claim ends. */
    Assignment dispatchedTo(String accountId) {
        return new Assignment(accountId == null ? OPEN_FOR_CLAIM : ASSIGNED, assigneeAppointmentId, accountId, null);
    }

    Assignment claimedBy(String accountId) {
        return new Assignment(dispatchMode, assigneeAppointmentId, assigneeAccountId,
                Objects.requireNonNull(accountId));
    }

    boolean openForClaim() {
        return OPEN_FOR_CLAIM.equals(dispatchMode);
    }

    /** Refuses an account other than the claimant of a claimed issue (422 {@code not-the-claimant}). */
    void requireHandler(String accountId, String issueId) {
        if (claimantAccountId != null && !claimantAccountId.equals(accountId)) {
            throw new BusinessRuleViolation("not-the-claimant", "issue " + issueId + " was claimed by someone else",
                    issueId);
        }
    }

    /** Whether the assignment or the claim is this account's. */
    boolean involves(String accountId) {
        return accountId.equals(assigneeAccountId) || accountId.equals(claimantAccountId);
    }
}
