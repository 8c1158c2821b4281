package org.linli.issue.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Who an issue is handed to, as a value, without Spring. */
class AssignmentTest {

    @Test
    void aClaimedIssueIsHandledOnlyByItsClaimant() {
        Assignment claimed = Assignment.NONE.dispatchedTo(null).claimedBy("member-1");

        assertThatCode(() -> claimed.requireHandler("member-1", "issue-1")).doesNotThrowAnyException();
        assertThatThrownBy(() -> claimed.requireHandler("member-2", "issue-1")).extracting("code")
                .isEqualTo("not-the-claimant");
        assertThatCode(() -> Assignment.toWorker(Issues.TO_GRID_WORKER).requireHandler("anyone", "issue-1"))
                .doesNotThrowAnyException();
    }

    @Test
    void aDispatchEndsTheClaimAndKeepsTheAppointmentTheRouteFound() {
        Assignment toWorker = Assignment.toWorker(Issues.TO_GRID_WORKER);
        assertThat(toWorker.dispatchMode()).isEqualTo(Assignment.ASSIGNED);
        assertThat(toWorker.assigneeAccountId()).isEqualTo("account-1");

        Assignment open = toWorker.dispatchedTo(null).claimedBy("member-1").dispatchedTo(null);
        assertThat(open.openForClaim()).isTrue();
        assertThat(open.claimantAccountId()).isNull();
        assertThat(open.assigneeAccountId()).isNull();
        assertThat(open.assigneeAppointmentId()).isEqualTo("appointment-1");

        Assignment toStaff = open.dispatchedTo("staff-1");
        assertThat(toStaff.openForClaim()).isFalse();
        assertThat(toStaff.involves("staff-1")).isTrue();
        assertThat(toStaff.involves("member-1")).isFalse();
    }
}
