package org.linli.points.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.points.activity.Activity.ParticipantStatus;
import org.linli.points.activity.Activity.Plan;
import org.linli.points.scoring.ActivityType;

class ActivityTest {

    private static final Instant START = Instant.parse("2026-11-21T01:00:00Z");
    private static final Instant END = START.plusSeconds(2 * 3600);

    private static Activity activity(int capacity) {
        return Activity.launch(new Plan("清理楼道", ActivityType.CLEAN_UP, "3号楼", null, START, END, capacity, 12, null),
                "c1", "/s/c1/", "organiser", "123456", START.minusSeconds(86_400));
    }

    @Test
    void signUpsBeyondCapacityWaitAndAWithdrawalPromotesTheFirstInLine() {
        Activity activity = activity(1);
        assertThat(activity.signUp("a", "A", START).status()).isEqualTo(ParticipantStatus.SIGNED_UP);
        assertThat(activity.signUp("b", "B", START).status()).isEqualTo(ParticipantStatus.WAITING);
        assertThat(activity.signUp("c", "C", START).status()).isEqualTo(ParticipantStatus.WAITING);

        activity.withdraw("a", START);

        assertThat(activity.participants()).extracting(Activity.Participant::status)
                .containsExactly(ParticipantStatus.WITHDRAWN, ParticipantStatus.SIGNED_UP, ParticipantStatus.WAITING);
    }

    @Test
    void countsOnlyTheMinutesInsideTheScheduleAndPointsPerHourRoundDown() {
        Activity activity = activity(5);
        activity.signUp("a", "A", START);
        activity.signUp("b", "B", START);
        activity.checkIn("a", START.minusSeconds(1200));
        activity.checkOut("a", END.plusSeconds(3600), false);
        activity.checkIn("b", START.plusSeconds(600));
        activity.checkOut("b", START.plusSeconds(600 + 25 * 60), false);

        assertThat(activity.participants()).extracting(Activity.Participant::minutes).containsExactly(120, 25);
        assertThat(activity.participants()).extracting(Activity.Participant::points).containsExactly(24, 5);
    }

    @Test
    void refusesCheckInOutsideTheActivitysTimeAndCheckOutBeforeCheckIn() {
        Activity activity = activity(5);
        activity.signUp("a", "A", START);
        assertThatThrownBy(() -> activity.checkIn("a", START.minusSeconds(3600)))
                .isInstanceOf(BusinessRuleViolation.class).hasFieldOrPropertyWithValue("code", "outside-activity-time");
        assertThatThrownBy(() -> activity.checkOut("a", START, false))
                .isInstanceOf(BusinessRuleViolation.class).hasFieldOrPropertyWithValue("code", "not-checked-in");
        activity.checkIn("a", START);
        assertThatThrownBy(() -> activity.checkOut("a", START.minusSeconds(1), false))
                .isInstanceOf(BusinessRuleViolation.class).hasFieldOrPropertyWithValue("code", "outside-activity-time");
        assertThatThrownBy(() -> activity.withdraw("a", START))
                .isInstanceOf(BusinessRuleViolation.class).hasFieldOrPropertyWithValue("code", "already-checked-in");
    }

    @Test
    void attendeesAreThoseCheckedInAndOutAndConfirmingTwiceChangesNothing() {
        Activity activity = activity(5);
        activity.signUp("a", "A", START);
        activity.signUp("b", "B", START);
        activity.checkIn("a", START);
        activity.checkOut("a", END, false);
        activity.checkIn("b", START);

        activity.confirm(END);
        Instant confirmedAt = activity.confirmedAt();
        activity.confirm(END.plusSeconds(60));

        assertThat(activity.attendees()).extracting(Activity.Participant::accountId).containsExactly("a");
        assertThat(activity.confirmedAt()).isEqualTo(confirmedAt);
        assertThat(activity.settled()).isFalse();
        assertThatThrownBy(() -> activity.signUp("c", "C", END))
                .isInstanceOf(BusinessRuleViolation.class).hasFieldOrPropertyWithValue("code", "activity-confirmed");
    }

    @Test
    void aVolunteerCannotSignUpOnceTheActivityHasEndedButTheOrganiserStillEnrolsThem() {
        Activity activity = activity(1);
        assertThat(activity.signUp("a", "A", END.minusSeconds(1)).status()).isEqualTo(ParticipantStatus.SIGNED_UP);

        assertThatThrownBy(() -> activity.signUp("b", "B", END))
                .isInstanceOf(BusinessRuleViolation.class).hasFieldOrPropertyWithValue("code", "activity-ended");
        assertThat(activity.enrol("b", "B", END.plusSeconds(86_400)).status()).isEqualTo(ParticipantStatus.WAITING);
        assertThatThrownBy(() -> activity.enrol("b", "B", END.plusSeconds(86_400)))
                .isInstanceOf(BusinessRuleViolation.class).hasFieldOrPropertyWithValue("code", "already-signed-up");
    }

    @Test
    void refusesCheckOutMoreThanTwoHoursAfterTheEnd() {
        Activity activity = activity(5);
        activity.signUp("a", "A", START);
        activity.checkIn("a", START);

        assertThatThrownBy(() -> activity.checkOut("a", END.plusSeconds(2 * 3600 + 1), false))
                .isInstanceOf(BusinessRuleViolation.class).hasFieldOrPropertyWithValue("code", "outside-activity-time");
        activity.checkOut("a", END.plusSeconds(2 * 3600), false);
        assertThat(activity.participants().get(0).minutes()).isEqualTo(120);
    }

    @Test
    void hoursTheOrganiserRecordedStandUnlessTheVolunteerDisputesThem() {
        Activity activity = activity(5);
        activity.signUp("a", "A", START);
        activity.signUp("b", "B", START);
        activity.signUp("c", "C", START);
        for (String volunteer : new String[] {"a", "b", "c"}) {
            activity.checkIn(volunteer, START);
        }
        activity.checkOut("a", START.plusSeconds(1800), false);
        activity.checkOut("b", END, true);
        activity.checkOut("c", END, false);

        activity.answerHours("a", false, "我待到了活动结束");

        assertThat(activity.participants()).extracting(Activity.Participant::hours)
                .containsExactly(Activity.Hours.DISPUTED, Activity.Hours.AGREED, Activity.Hours.PENDING);
        assertThat(activity.creditable()).extracting(Activity.Participant::accountId).containsExactly("b", "c");
        assertThat(activity.participants().get(0).disputeReason()).isEqualTo("我待到了活动结束");
    }

    @Test
    void theOrganiserRecordsADisputedCheckOutAgainAndTheVolunteerMayAgree() {
        Activity activity = activity(5);
        activity.signUp("a", "A", START);
        activity.checkIn("a", START);
        activity.checkOut("a", START.plusSeconds(1800), false);
        activity.answerHours("a", false, "少记了一个半小时");

        activity.checkOut("a", END, false);
        activity.answerHours("a", true, null);

        assertThat(activity.participants().get(0).minutes()).isEqualTo(120);
        assertThat(activity.participants().get(0).hours()).isEqualTo(Activity.Hours.AGREED);
        assertThat(activity.creditable()).extracting(Activity.Participant::accountId).containsExactly("a");
        assertThatThrownBy(() -> activity.checkOut("a", END, false))
                .isInstanceOf(BusinessRuleViolation.class).hasFieldOrPropertyWithValue("code", "already-checked-out");
    }

    @Test
    void aDisputeNeedsAReasonAndComesAfterTheCheckOut() {
        Activity activity = activity(5);
        activity.signUp("a", "A", START);
        activity.checkIn("a", START);

        assertThatThrownBy(() -> activity.answerHours("a", true, null))
                .isInstanceOf(BusinessRuleViolation.class).hasFieldOrPropertyWithValue("code", "not-checked-out");
        activity.checkOut("a", END, false);
        assertThatThrownBy(() -> activity.answerHours("a", false, " "))
                .isInstanceOf(BusinessRuleViolation.class).hasFieldOrPropertyWithValue("code", "reason-required");
        assertThatThrownBy(() -> activity.answerHours("b", true, null))
                .isInstanceOf(BusinessRuleViolation.class).hasFieldOrPropertyWithValue("code", "not-signed-up");
    }

    @Test
    void refusesConfirmationBeforeTheStartAndAnImpossibleSchedule() {
        assertThatThrownBy(() -> activity(5).confirm(START.minusSeconds(1)))
                .isInstanceOf(BusinessRuleViolation.class).hasFieldOrPropertyWithValue("code", "not-started");
        assertThatThrownBy(() -> Activity.launch(new Plan("x", ActivityType.OTHER, "p", null, END, START, 5, 10, null),
                "c1", "/s/c1/", "o", "123456", START))
                .isInstanceOf(BusinessRuleViolation.class).hasFieldOrPropertyWithValue("code", "invalid-schedule");
        assertThatThrownBy(() -> activity(0))
                .isInstanceOf(BusinessRuleViolation.class).hasFieldOrPropertyWithValue("code", "invalid-capacity");
    }
}
