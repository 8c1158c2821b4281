package org.linli.issue.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.linli.issue.issue.Issues.POLICY;
import static org.linli.issue.issue.Issues.T0;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.linli.events.issue.IssueClosed;
import org.linli.events.issue.IssueDispatched;
import org.linli.events.issue.IssueEscalated;
import org.linli.events.issue.IssueOverdue;
import org.linli.events.issue.IssueReopened;
import org.linli.platform.messaging.PendingEvent;
import org.linli.platform.domain.BusinessRuleViolation;

class IssueTest {

    @Test
    void anIssueInAGridWithAWorkerIsDispatchedToTheWorkerWithThe5341Clocks() {
        Issue issue = Issues.dispatchedToGridWorker();

        assertThat(issue.status()).isEqualTo(IssueStatus.DISPATCHED);
        assertThat(issue.assigneeAppointmentId()).isEqualTo("appointment-1");
        assertThat(issue.level()).isEqualTo(EscalationLevel.GRID);
        assertThat(issue.onSiteDueAt()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
        assertThat(issue.solutionDueAt()).isEqualTo(T0.plus(Duration.ofMinutes(30)));
        assertThat(issue.nextDueAt()).isEqualTo(issue.onSiteDueAt());
        assertThat(types(issue)).containsExactly("IssueReported", "IssueDispatched");
    }

    @Test
    void severityChoosesTheSolutionDeadline() {
        assertThat(Issues.reported(Category.UTILITIES, Issues.TO_GRID_WORKER).solutionDueAt())
                .isEqualTo(T0.plus(Duration.ofHours(4)));
        assertThat(Issues.reported(Category.SAFETY_HAZARD, Issues.TO_GRID_WORKER).solutionDueAt())
                .isEqualTo(T0.plus(Duration.ofDays(1)));
    }

    @Test
    void anIssueWithoutAGridWaitsInTheCommunityQueue() {
        Issue issue = Issues.reported(Category.NOISE, Issues.TO_COMMUNITY_QUEUE);

        assertThat(issue.status()).isEqualTo(IssueStatus.REPORTED);
        assertThat(issue.level()).isEqualTo(EscalationLevel.COMMUNITY);
        assertThat(types(issue)).containsExactly("IssueReported");
    }

    @Test
    void refusesIllegalTransitions() {
        Issue issue = Issues.dispatchedToGridWorker();

        assertThatThrownBy(() -> issue.resolve("worker", HandlerKind.GRID_WORKER, "done", List.of(), POLICY, T0))
                .isInstanceOf(BusinessRuleViolation.class).extracting("code").isEqualTo("illegal-transition");
        assertThatThrownBy(() -> issue.rate(5, true, null, "resident-1", POLICY, T0))
                .extracting("code").isEqualTo("illegal-transition");
        assertThatThrownBy(() -> issue.claim("member", T0)).extracting("code").isEqualTo("illegal-transition");
        assertThatThrownBy(() -> issue.resume("admin", T0)).extracting("code").isEqualTo("illegal-transition");
    }

    @Test
    void missingTheOnSiteClockEscalatesToTheCommunityThenTheSolutionClockToTheStreetAndTheDepartment() {
        Issue issue = Issues.dispatchedToGridWorker();

        assertThat(issue.applyClocks(POLICY, T0.plus(Duration.ofMinutes(4)))).isFalse();
        assertThat(issue.applyClocks(POLICY, T0.plus(Duration.ofMinutes(6)))).isTrue();
        assertThat(issue.level()).isEqualTo(EscalationLevel.COMMUNITY);
        assertThat(issue.responsibleUnitId()).isEqualTo("community-1");
        assertThat(issue.supervised()).isTrue();
        assertThat(issue.applyClocks(POLICY, T0.plus(Duration.ofMinutes(7)))).isFalse();

        issue.applyClocks(POLICY, T0.plus(Duration.ofMinutes(37)));
        assertThat(issue.level()).isEqualTo(EscalationLevel.STREET);
        issue.applyClocks(POLICY, T0.plus(Duration.ofMinutes(68)));
        assertThat(issue.level()).isEqualTo(EscalationLevel.DEPARTMENT);
        assertThat(issue.responsibleUnitId()).isEqualTo("dept-housing");
        assertThat(issue.checkInDueAt()).isEqualTo(T0.plus(Duration.ofMinutes(68)).plus(Duration.ofHours(2)));

        issue.applyClocks(POLICY, T0.plus(Duration.ofMinutes(68)).plus(Duration.ofHours(2)));
        List<String> deadlines = issue.pendingEvents().stream().filter(event -> event.type().equals("IssueOverdue"))
                .map(PendingEvent::payload).toList();
        assertThat(deadlines).anyMatch(payload -> payload.contains("DEPARTMENT_CHECK_IN"))
                .anyMatch(payload -> payload.contains("\"ON_SITE\""));
        assertThat(issue.pendingEvents().stream().filter(event -> event.type().equals("IssueEscalated")))
                .hasSize(3);
        assertThat(issue.level()).isEqualTo(EscalationLevel.DEPARTMENT);
    }

    @Test
    void aManualEscalationWritesExactlyOneTimelineEntryNamingWhoEscalated() {
        Issue issue = Issues.dispatchedToGridWorker();

        issue.whistle("street-admin", POLICY, T0.plusSeconds(60));

        assertThat(issue.history()).filteredOn(step -> step.action().equals("ESCALATED")).singleElement()
                .satisfies(step -> {
                    assertThat(step.actorAccountId()).isEqualTo("street-admin");
                    assertThat(step.note()).isEqualTo("COMMUNITY WHISTLE");
                });
    }

    @Test
    void aReportReceivedEarlierIsReportedAtThatTimeAndItsClocksRunFromIt() {
        Issue issue = Issues.receivedEarlier(T0.minusSeconds(600), T0);

        assertThat(issue.reportedAt()).isEqualTo(T0.minusSeconds(600));
        assertThat(issue.onSiteDueAt()).isEqualTo(T0.minusSeconds(600).plus(Duration.ofMinutes(5)));
        assertThat(issue.solutionDueAt()).isEqualTo(T0.minusSeconds(600).plus(Duration.ofMinutes(30)));
        assertThat(issue.history().get(0).at()).isEqualTo(T0.minusSeconds(600));
        assertThat(last(issue, org.linli.events.issue.IssueReported.class))
                .contains("\"receivedAt\":\"" + T0.minusSeconds(600) + "\"");
        assertThat(issue.pendingEvents()).allSatisfy(event -> assertThat(event.occurredAt()).isEqualTo(T0));
    }

    @Test
    void aClockThatRanOutBeforeTheIntakeIsAFactNotACause() {
        Issue issue = Issues.receivedEarlier(T0.minus(Duration.ofMinutes(10)), T0);

        assertThat(issue.onSiteOverdue()).isTrue();
        assertThat(issue.supervised()).isTrue();
        assertThat(issue.level()).isEqualTo(EscalationLevel.GRID);
        assertThat(types(issue)).containsExactly("IssueReported", "IssueDispatched");
        assertThat(issue.nextDueAt()).isEqualTo(issue.solutionDueAt());
        assertThat(issue.applyClocks(POLICY, T0.plusSeconds(1))).isFalse();
    }

    @Test
    void aReceivedAtAfterNowWithinTheClockSkewCountsAsNow() {
        Issue issue = Issues.receivedEarlier(T0.plusSeconds(30), T0);

        assertThat(issue.reportedAt()).isEqualTo(T0);
        assertThat(issue.supervised()).isFalse();
    }

    @Test
    void theCalledDepartmentChecksInOnceAndOnlyWhenCalled() {
        Issue issue = Issues.dispatchedToGridWorker();
        assertThatThrownBy(() -> issue.checkIn("dept", T0)).extracting("code").isEqualTo("no-check-in-due");
        issue.whistle("admin", POLICY, T0);
        issue.whistle("admin", POLICY, T0);
        issue.whistle("admin", POLICY, T0);
        assertThat(issue.level()).isEqualTo(EscalationLevel.DEPARTMENT);
        assertThatThrownBy(() -> issue.whistle("admin", POLICY, T0)).extracting("code").isEqualTo("cannot-escalate");

        issue.checkIn("dept", T0.plusSeconds(600));

        assertThat(issue.checkedInAt()).isEqualTo(T0.plusSeconds(600));
        assertThat(issue.checkInDueAt()).isNull();
        assertThatThrownBy(() -> issue.checkIn("dept", T0)).extracting("code").isEqualTo("no-check-in-due");
    }

    @Test
    void aHeldIssuesClocksPauseAndMoveOnByTheTimeHeld() {
        Issue issue = Issues.dispatchedToGridWorker();
        issue.hold("等待业委会表决", "admin", T0.plusSeconds(60));

        assertThat(issue.nextDueAt()).isNull();
        assertThat(issue.applyClocks(POLICY, T0.plus(Duration.ofDays(2)))).isFalse();

        issue.resume("admin", T0.plus(Duration.ofHours(3)).plusSeconds(60));
        assertThat(issue.status()).isEqualTo(IssueStatus.DISPATCHED);
        assertThat(issue.onSiteDueAt()).isEqualTo(T0.plus(Duration.ofHours(3)).plus(Duration.ofMinutes(5)));
        assertThat(issue.solutionDueAt()).isEqualTo(T0.plus(Duration.ofHours(3)).plus(Duration.ofMinutes(30)));
    }

    @Test
    void aBadRatingReopensWithFreshClocksAndAGoodOneClosesWithTheHandler() {
        Issue issue = Issues.resolvedBy("worker-1");
        issue.rate(2, true, "还是坏的", "resident-1", POLICY, T0.plus(Duration.ofHours(1)));

        assertThat(issue.status()).isEqualTo(IssueStatus.REOPENED);
        assertThat(issue.onSiteDueAt()).isEqualTo(T0.plus(Duration.ofHours(1)).plus(Duration.ofMinutes(5)));
        assertThat(last(issue, IssueReopened.class)).contains("\"reason\":\"BAD_RATING\"").contains("\"rating\":2");

        issue.arrive("worker-1", T0.plus(Duration.ofHours(2)));
        issue.resolve("worker-1", HandlerKind.GRID_WORKER, "换了线路", List.of(), POLICY, T0.plus(Duration.ofHours(3)));
        issue.rate(4, true, null, "resident-1", POLICY, T0.plus(Duration.ofHours(4)));

        assertThat(issue.status()).isEqualTo(IssueStatus.CLOSED);
        assertThat(last(issue, IssueClosed.class)).contains("\"rating\":4").contains("\"handlerAccountId\":\"worker-1\"")
                .contains("\"companyId\":\"company-1\"").contains("\"automatic\":false");
    }

    @Test
    void notFixedReopensWhateverTheStars() {
        Issue issue = Issues.resolvedBy("worker-1");
        issue.rate(5, false, null, "resident-1", POLICY, T0.plus(Duration.ofHours(1)));

        assertThat(issue.status()).isEqualTo(IssueStatus.REOPENED);
        assertThat(last(issue, IssueReopened.class)).contains("NOT_FIXED");
    }

    @Test
    void refusesRatingsOutsideOneToFive() {
        Issue issue = Issues.resolvedBy("worker-1");
        assertThatThrownBy(() -> issue.rate(6, true, null, "r", POLICY, T0)).extracting("code").isEqualTo("invalid-rating");
    }

    @Test
    void closesByItselfAfterTheCallbackWindow() {
        Issue issue = Issues.resolvedBy("worker-1");
        assertThat(issue.nextDueAt()).isEqualTo(T0.plusSeconds(900).plus(Duration.ofHours(72)));

        assertThat(issue.applyClocks(POLICY, T0.plus(Duration.ofHours(72)))).isFalse();
        assertThat(issue.applyClocks(POLICY, T0.plus(Duration.ofHours(73)))).isTrue();

        assertThat(issue.status()).isEqualTo(IssueStatus.CLOSED);
        assertThat(last(issue, IssueClosed.class)).contains("\"automatic\":true").contains("\"rating\":null");
        assertThat(issue.nextDueAt()).isNull();
    }

    @Test
    void resolvingNeedsANote() {
        Issue issue = Issues.dispatchedToGridWorker();
        issue.arrive("worker-1", T0);
        assertThatThrownBy(() -> issue.resolve("worker-1", HandlerKind.GRID_WORKER, " ", List.of(), POLICY, T0))
                .extracting("code").isEqualTo("resolution-note-required");
    }

    @Test
    void onlyTheClaimantHandlesAClaimedIssue() {
        Issue issue = Issues.reported(Category.OTHER, Issues.TO_COMMUNITY_QUEUE);
        issue.dispatch(null, null, POLICY, "admin", T0);
        issue.claim("member-1", T0.plusSeconds(30));

        assertThatThrownBy(() -> issue.arrive("member-2", T0.plusSeconds(60))).extracting("code")
                .isEqualTo("not-the-claimant");
        issue.arrive("member-1", T0.plusSeconds(60));
        assertThat(issue.status()).isEqualTo(IssueStatus.ON_SITE);
        assertThat(last(issue, IssueDispatched.class)).contains("OPEN_FOR_CLAIM");
    }

    @Test
    void aDuplicateIsMergedIntoAnOpenOriginalWhichListsIt() {
        Issue original = Issues.dispatchedToGridWorker();
        Issue duplicate = Issues.dispatchedToGridWorker();

        duplicate.mergeInto(original, "admin", T0.plusSeconds(60));

        assertThat(duplicate.status()).isEqualTo(IssueStatus.DUPLICATE);
        assertThat(duplicate.duplicateOf()).isEqualTo(original.id());
        assertThat(original.mergedIssueIds()).containsExactly(duplicate.id());
        assertThat(last(duplicate, IssueClosed.class)).contains("\"handlerAccountId\":null");
        assertThatThrownBy(() -> original.mergeInto(original, "admin", T0)).extracting("code")
                .isEqualTo("merge-into-itself");
    }

    @Test
    void aRejectedIssueRunsNoClock() {
        Issue issue = Issues.dispatchedToGridWorker();
        issue.reject("不属于受理范围", "admin", T0);

        assertThat(issue.status()).isEqualTo(IssueStatus.REJECTED);
        assertThat(issue.nextDueAt()).isNull();
        assertThat(issue.applyClocks(POLICY, T0.plus(Duration.ofDays(9)))).isFalse();
    }

    @Test
    void theReportHidesThePhoneFromLogsAndAnonymousReportsKeepNoPersonalData() {
        Report report = new Report(Category.NOISE, null, Channel.APP, "吵", null, null, "b", null, true,
                "resident-1", "张三", "13812345678", null, List.of(), null);
        assertThat(report.toString()).doesNotContain("13812345678").contains("138****5678");

        Issue issue = Issue.report(report, Issues.TO_GRID_WORKER, "dept", POLICY, T0);
        assertThat(issue.reporterPhone()).isNull();
        assertThat(issue.reporterName()).isNull();
        assertThat(issue.pendingEvents().get(0).payload()).doesNotContain("resident-1");
    }

    @Test
    void escalationEventsNameTheLevelAndTarget() {
        Issue issue = Issues.dispatchedToGridWorker();
        issue.applyClocks(POLICY, T0.plus(Duration.ofMinutes(6)));
        assertThat(last(issue, IssueEscalated.class)).contains("\"level\":\"COMMUNITY\"")
                .contains("\"targetUnitId\":\"community-1\"").contains("ON_SITE_OVERDUE");
        assertThat(last(issue, IssueOverdue.class)).contains("\"deadline\":\"ON_SITE\"");
    }

    private static List<String> types(Issue issue) {
        return issue.pendingEvents().stream().map(PendingEvent::type).toList();
    }

    private static String last(Issue issue, Class<?> type) {
        return issue.pendingEvents().stream().filter(event -> event.type().equals(type.getSimpleName()))
                .reduce((first, second) -> second).map(PendingEvent::payload).orElseThrow();
    }

    @Test
    void retentionRemovesTheReporterOfAnIssueEndedBeforeTheCutoffOnceAndKeepsTheAccount() {
        Issue issue = Issues.dispatchedToGridWorker();
        issue.closeByDecision("admin-1", "联席会议已解决", T0.plus(Duration.ofDays(1)));
        int events = issue.pendingEvents().size();

        assertThat(issue.anonymiseReporter(T0.plus(Duration.ofDays(2)), T0.plus(Duration.ofDays(3)))).isTrue();

        assertThat(issue.reporterName()).isNull();
        assertThat(issue.reporterPhone()).isNull();
        assertThat(issue.maskedReporterPhone()).isNull();
        assertThat(issue.reporterAccountId()).isEqualTo("resident-1");
        assertThat(issue.reporterAnonymisedAt()).isEqualTo(T0.plus(Duration.ofDays(3)));
        assertThat(issue.history().get(issue.history().size() - 1).action()).isEqualTo("REPORTER_ANONYMISED");
        assertThat(issue.pendingEvents()).hasSize(events);
        assertThat(issue.anonymiseReporter(T0.plus(Duration.ofDays(2)), T0.plus(Duration.ofDays(4)))).isFalse();
        assertThat(issue.reporterAnonymisedAt()).isEqualTo(T0.plus(Duration.ofDays(3)));
    }

    @Test
    void retentionKeepsTheReporterOfAnOpenIssueAndOfOneEndedAfterTheCutoff() {
        Issue open = Issues.dispatchedToGridWorker();
        Issue recent = Issues.dispatchedToGridWorker();
        recent.closeByDecision("admin-1", "联席会议已解决", T0.plus(Duration.ofDays(5)));

        assertThat(open.anonymiseReporter(T0.plus(Duration.ofDays(10)), T0.plus(Duration.ofDays(10)))).isFalse();
        assertThat(recent.anonymiseReporter(T0.plus(Duration.ofDays(5)), T0.plus(Duration.ofDays(10)))).isFalse();
        assertThat(open.reporterPhone()).isEqualTo("13812345678");
        assertThat(recent.reporterName()).isEqualTo("张三");
        assertThat(recent.reporterAnonymisedAt()).isNull();
    }
}
