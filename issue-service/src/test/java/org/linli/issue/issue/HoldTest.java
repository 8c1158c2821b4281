package org.linli.issue.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.linli.issue.issue.Issues.T0;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** An issue's hold (挂账), as a value, without Spring. */
class HoldTest {

    @Test
    void aHoldNeedsAReason() {
        assertThatThrownBy(() -> Hold.of(IssueStatus.DISPATCHED, " ", T0)).extracting("code")
                .isEqualTo("hold-reason-required");
    }

    @Test
    void anEndedHoldKnowsHowLongItLastedAndKeepsItsReason() {
        Hold hold = Hold.of(IssueStatus.IN_PROGRESS, " 等待材料 ", T0);
        assertThat(hold.from()).isEqualTo(IssueStatus.IN_PROGRESS);
        assertThat(hold.lasted(T0.plusSeconds(3_600))).isEqualTo(Duration.ofHours(1));

        assertThat(hold.ended()).isEqualTo(new Hold(null, null, "等待材料"));
    }
}
