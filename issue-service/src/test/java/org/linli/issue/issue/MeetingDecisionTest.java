package org.linli.issue.issue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Which issues a joint meeting's decision can still change, without Spring. */
class MeetingDecisionTest {

    @Test
    void closeAppliesToEveryIssueNotYetEnded() {
        assertThat(appliesTo(MeetingDecision.CLOSE)).isEqualTo(EnumSet.complementOf(EnumSet.copyOf(IssueStatus.FINAL)));
    }

    @Test
    void redirectAppliesToNoEndedAndNoResolvedIssue() {
        assertThat(appliesTo(MeetingDecision.REDIRECT))
                .doesNotContain(IssueStatus.RESOLVED, IssueStatus.CLOSED, IssueStatus.REJECTED, IssueStatus.DUPLICATE)
                .contains(IssueStatus.DISPATCHED, IssueStatus.HELD, IssueStatus.REOPENED);
    }

    @Test
    void followUpAppliesToEveryIssue() {
        assertThat(appliesTo(MeetingDecision.FOLLOW_UP)).containsExactlyInAnyOrder(IssueStatus.values());
    }

    @Test
    void bindsByTheSameNamesTheApiHasAlwaysTaken() {
        assertThat(Stream.of(MeetingDecision.values()).map(Enum::name)).containsExactly("CLOSE", "REDIRECT", "FOLLOW_UP");
    }

    private static Set<IssueStatus> appliesTo(MeetingDecision decision) {
        return Stream.of(IssueStatus.values()).filter(decision::appliesTo).collect(Collectors.toSet());
    }
}
