package org.linli.issue.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.linli.issue.issue.Issues.POLICY;
import static org.linli.issue.issue.Issues.T0;
import static org.linli.issue.issue.Issues.hotlineRecord;
import static org.linli.issue.issue.Issues.imported;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.linli.events.issue.IssueImported;
import org.linli.platform.messaging.EventJson;
import org.linli.platform.messaging.PendingEvent;
import org.linli.platform.domain.BusinessRuleViolation;

class IssueImportTest {

    private static final Instant MONTHS_AGO = T0.minus(Duration.ofDays(120));

    @Test
    void aClosedHotlineRecordKeepsItsOriginalTimesAndDeadlinesAndRecordsOnlyIssueImported() {
        Issue issue = imported(hotlineRecord("HL-1", IssueStatus.CLOSED, MONTHS_AGO), T0);

        assertThat(issue.status()).isEqualTo(IssueStatus.CLOSED);
        assertThat(issue.channel()).isEqualTo(Channel.HOTLINE);
        assertThat(issue.reportedAt()).isEqualTo(MONTHS_AGO);
        assertThat(issue.onSiteDueAt()).isEqualTo(MONTHS_AGO.plus(Duration.ofMinutes(5)));
        assertThat(issue.solutionDueAt()).isEqualTo(MONTHS_AGO.plus(Duration.ofMinutes(30)));
        assertThat(issue.resolvedAt()).isEqualTo(MONTHS_AGO.plusSeconds(3 * 3600));
        assertThat(issue.closedAt()).isEqualTo(MONTHS_AGO.plusSeconds(2 * 86_400));
        assertThat(issue.rating()).isEqualTo(4);
        assertThat(issue.solutionOverdue()).as("resolved after 3 h, the ordinary deadline is 30 min").isTrue();
        assertThat(issue.nextDueAt()).as("nothing for the sweep").isNull();
        assertThat(issue.importSource()).isEqualTo("12345");
        assertThat(issue.sourceRecordId()).isEqualTo("HL-1");
        assertThat(issue.history()).extracting(Issue.Step::action)
                .containsExactly("REPORTED", "DISPATCHED", "RESOLVED", "CLOSED", "IMPORTED");

        assertThat(issue.pendingEvents()).extracting(PendingEvent::type).containsExactly("IssueImported");
        PendingEvent event = issue.pendingEvents().get(0);
        assertThat(event.occurredAt()).as("the import happens now").isEqualTo(T0);
        IssueImported payload = EventJson.fromWire(EventJson.toWire(event)).payload(IssueImported.class);
        assertThat(payload.receivedAt()).isEqualTo(MONTHS_AGO);
        assertThat(payload.status()).isEqualTo("CLOSED");
        assertThat(payload.rating()).isEqualTo(4);
        assertThat(payload.compoundId()).isEqualTo("compound-1");
    }

    @Test
    void anOpenRecordWhoseClocksRanOutBeforeTheImportIsOverdueAndSupervisedButNotDueForTheSweep() {
        Issue issue = imported(hotlineRecord("HL-2", IssueStatus.DISPATCHED, MONTHS_AGO), T0);

        assertThat(issue.status()).isEqualTo(IssueStatus.DISPATCHED);
        assertThat(issue.assigneeAppointmentId()).isEqualTo("appointment-1");
        assertThat(issue.onSiteOverdue()).isTrue();
        assertThat(issue.solutionOverdue()).isTrue();
        assertThat(issue.supervised()).isTrue();
        assertThat(issue.level()).as("no escalation for history").isEqualTo(EscalationLevel.GRID);
        assertThat(issue.nextDueAt()).isNull();
        assertThat(issue.pendingEvents()).extracting(PendingEvent::type).containsExactly("IssueImported");
    }

    @Test
    void anOpenRecordReceivedMinutesAgoRunsItsClocksLikeALiveIssue() {
        Instant received = T0.minus(Duration.ofMinutes(2));
        Issue issue = imported(hotlineRecord("HL-3", IssueStatus.DISPATCHED, received), T0);

        assertThat(issue.onSiteOverdue()).isFalse();
        assertThat(issue.nextDueAt()).isEqualTo(received.plus(Duration.ofMinutes(5)));
        assertThat(issue.applyClocks(POLICY, received.plus(Duration.ofMinutes(6)))).isTrue();
        assertThat(issue.level()).isEqualTo(EscalationLevel.COMMUNITY);
    }

    @Test
    void onlyClocksStillRunningAtTheImportAreScheduled() {
        Instant received = T0.minus(Duration.ofMinutes(10));
        Issue issue = imported(hotlineRecord("HL-4", IssueStatus.REPORTED, received), T0);

        assertThat(issue.onSiteOverdue()).isTrue();
        assertThat(issue.solutionOverdue()).isFalse();
        assertThat(issue.nextDueAt()).isEqualTo(received.plus(Duration.ofMinutes(30)));
    }

    @Test
    void aResolvedRecordWaitsForItsCallbackFromItsResolutionAndAnExpiredWindowIsNotAppliedByTheImport() {
        Instant received = T0.minus(Duration.ofHours(10));
        Issue recent = imported(hotlineRecord("HL-5", IssueStatus.RESOLVED, received), T0);
        assertThat(recent.callbackDueAt()).isEqualTo(received.plusSeconds(3 * 3600).plus(Duration.ofHours(72)));
        assertThat(recent.nextDueAt()).isEqualTo(recent.callbackDueAt());

        Issue old = imported(hotlineRecord("HL-6", IssueStatus.RESOLVED, MONTHS_AGO), T0);
        assertThat(old.status()).isEqualTo(IssueStatus.RESOLVED);
        assertThat(old.nextDueAt()).isNull();
    }

    @Test
    void openForClaimHasNoAssigneeAndARejectedRecordIsClosedWithItsReason() {
        Issue open = imported(hotlineRecord("HL-7", IssueStatus.OPEN_FOR_CLAIM, MONTHS_AGO), T0);
        assertThat(open.dispatchMode()).isEqualTo("OPEN_FOR_CLAIM");
        assertThat(open.assigneeAppointmentId()).isNull();

        Issue rejected = imported(hotlineRecord("HL-8", IssueStatus.REJECTED, MONTHS_AGO), T0);
        assertThat(rejected.status()).isEqualTo(IssueStatus.REJECTED);
        assertThat(rejected.closedAt()).isEqualTo(MONTHS_AGO.plusSeconds(600));
        assertThat(rejected.history()).extracting(Issue.Step::note).contains("不属于受理范围");
        assertThat(rejected.nextDueAt()).isNull();
    }

    @Test
    void theSameSourceAndRecordIdAlwaysGiveTheSameIssueId() {
        assertThat(imported(hotlineRecord("HL-9", IssueStatus.CLOSED, MONTHS_AGO), T0).id())
                .isEqualTo(Issue.importedId("12345", "HL-9"))
                .isEqualTo(imported(hotlineRecord("HL-9", IssueStatus.REPORTED, MONTHS_AGO), T0.plusSeconds(5)).id())
                .isNotEqualTo(Issue.importedId("12345", "HL-10"));
    }

    @Test
    void refusesRecordsThatCannotBeHistory() {
        assertThatThrownBy(() -> new HistoricalRecord("12345", "x", MONTHS_AGO, Category.NOISE, null, "吵", 36.2,
                113.4, null, null, null, null, IssueStatus.HELD, null, null, null, null))
                .isInstanceOf(BusinessRuleViolation.class).extracting("code").isEqualTo("status-not-importable");
        assertThatThrownBy(() -> new HistoricalRecord("12345", "x", MONTHS_AGO, Category.NOISE, null, "吵", 36.2,
                113.4, null, null, null, null, IssueStatus.CLOSED, MONTHS_AGO, null, null, null))
                .extracting("code").isEqualTo("missing-time");
        assertThatThrownBy(() -> new HistoricalRecord("12345", "x", MONTHS_AGO, Category.NOISE, null, "吵", 36.2,
                113.4, null, null, null, null, IssueStatus.RESOLVED, MONTHS_AGO.minusSeconds(1), null, null, null))
                .extracting("code").isEqualTo("times-out-of-order");
        assertThatThrownBy(() -> new HistoricalRecord("12345", "x", MONTHS_AGO, Category.NOISE, null, "吵", 36.2,
                113.4, null, null, null, null, IssueStatus.RESOLVED, MONTHS_AGO, null, 5, null))
                .extracting("code").isEqualTo("invalid-rating");
        assertThatThrownBy(() -> new HistoricalRecord("12345", "x", MONTHS_AGO, Category.NOISE, null, "吵", null,
                null, null, null, null, null, IssueStatus.REPORTED, null, null, null, null))
                .extracting("code").isEqualTo("location-required");
        assertThatThrownBy(() -> new HistoricalRecord("12345", "x", MONTHS_AGO, Category.NOISE, null, " ", 36.2,
                113.4, null, null, null, null, IssueStatus.REPORTED, null, null, null, null))
                .extracting("code").isEqualTo("invalid-description");
        assertThatThrownBy(() -> imported(hotlineRecord("x", IssueStatus.CLOSED, T0.minusSeconds(60)), T0))
                .extracting("code").isEqualTo("time-in-future");
    }
}
