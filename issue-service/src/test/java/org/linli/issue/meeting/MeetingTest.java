package org.linli.issue.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.linli.issue.issue.MeetingDecision;
import org.linli.issue.meeting.Meeting.Attendee;
import org.linli.issue.meeting.Meeting.Party;

class MeetingTest {

    private static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");
    private static final List<Attendee> ONE_PLUS_THREE = List.of(new Attendee(Party.PARTY_ORGANISATION, "社区党委", null),
            new Attendee(Party.RESIDENTS_COMMITTEE, "居委会", null), new Attendee(Party.OWNERS_COMMITTEE, "业委会", null),
            new Attendee(Party.PROPERTY_COMPANY, "红旗物业", null));

    @Test
    void aJointMeetingNeedsTheOneAndTheThree() {
        assertThatThrownBy(() -> Meeting.schedule("会", "c", "/c/", T0, null, ONE_PLUS_THREE.subList(0, 3), "a", T0))
                .extracting("code").isEqualTo("incomplete-attendance");
        assertThat(Meeting.schedule("会", "c", "/c/", T0, null, ONE_PLUS_THREE, "a", T0).status())
                .isEqualTo(Meeting.Status.SCHEDULED);
    }

    @Test
    void eachItemIsResolvedOnceAndTheDecisionsArePublishedWhenAllAre() {
        Meeting meeting = Meeting.schedule("会", "c", "/c/", T0, null, ONE_PLUS_THREE, "a", T0);
        meeting.addItem("issue-1", "屋面漏水", T0);
        meeting.addItem("issue-1", "again", T0);
        meeting.addItem("issue-2", "停车", T0);
        assertThat(meeting.agenda()).hasSize(2);

        assertThatThrownBy(() -> meeting.resolve("issue-9", MeetingDecision.CLOSE, "x", null, T0)).extracting("code")
                .isEqualTo("not-on-agenda");
        assertThatThrownBy(() -> meeting.resolve("issue-2", MeetingDecision.REDIRECT, "x", null, T0)).extracting("code")
                .isEqualTo("redirect-target-required");
        meeting.resolve("issue-1", MeetingDecision.CLOSE, "物业两周内修好", null, T0);
        assertThatThrownBy(() -> meeting.resolve("issue-1", MeetingDecision.CLOSE, "x", null, T0)).extracting("code")
                .isEqualTo("already-resolved");
        assertThatThrownBy(() -> meeting.publish(T0)).extracting("code").isEqualTo("unresolved-items");

        meeting.resolve("issue-2", MeetingDecision.REDIRECT, "交县住建局", "dept-housing", T0);
        meeting.publish(T0.plusSeconds(60));

        assertThat(meeting.status()).isEqualTo(Meeting.Status.PUBLISHED);
        assertThat(meeting.pendingEvents()).hasSize(2)
                .allSatisfy(event -> assertThat(event.type()).isEqualTo("MeetingResolutionRecorded"));
        assertThatThrownBy(() -> meeting.addItem("issue-3", "x", T0)).extracting("code").isEqualTo("meeting-published");
    }

    @Test
    void refusesAResolutionBeforeTheMeetingHasStarted() {
        Meeting meeting = Meeting.schedule("会", "c", "/c/", T0, null, ONE_PLUS_THREE, "a", T0.minusSeconds(86_400));
        meeting.addItem("issue-1", "屋面漏水", T0.minusSeconds(3600));

        assertThatThrownBy(() -> meeting.resolve("issue-1", MeetingDecision.CLOSE, "物业两周内修好", null, T0.minusSeconds(1)))
                .extracting("code").isEqualTo("meeting-not-started");
        assertThat(meeting.pendingEvents()).isEmpty();

        meeting.resolve("issue-1", MeetingDecision.CLOSE, "物业两周内修好", null, T0);
        assertThat(meeting.agenda().get(0).decision()).isEqualTo(MeetingDecision.CLOSE);
    }
}
