package org.linli.org.committee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.linli.platform.domain.BusinessRuleViolation;

class OwnersCommitteeTest {

    private static final Instant NOW = Instant.parse("2026-11-21T08:30:00Z");
    private static final LocalDate START = LocalDate.of(2026, 12, 1);
    private static final int NOTICE_DAYS = 7;

    @Test
    void refusesATermWithoutADirector() {
        List<CommitteeMember> noDirector = List.of(member("王建国", MemberRole.DEPUTY_DIRECTOR, true),
                member("李秀英", MemberRole.MEMBER, false));

        assertThatThrownBy(() -> form(START, START.plusYears(5).minusDays(1), noDirector))
                .isInstanceOf(BusinessRuleViolation.class)
                .extracting(e -> ((BusinessRuleViolation) e).code()).isEqualTo("committee-needs-one-director");
    }

    @Test
    void refusesATermWithTwoDirectors() {
        List<CommitteeMember> twoDirectors = List.of(member("王建国", MemberRole.DIRECTOR, true),
                member("李秀英", MemberRole.DIRECTOR, false), member("赵磊", MemberRole.MEMBER, true));

        assertThatThrownBy(() -> form(START, START.plusYears(5).minusDays(1), twoDirectors))
                .isInstanceOf(BusinessRuleViolation.class)
                .extracting(e -> ((BusinessRuleViolation) e).code()).isEqualTo("committee-needs-one-director");
    }

    @Test
    void acceptsTermsOfOneToFiveYearsOnly() {
        assertThat(form(START, START.plusYears(1).minusDays(1), slate(5, 3)).currentTerm().endsOn())
                .isEqualTo(LocalDate.of(2027, 11, 30));
        assertThat(form(START, START.plusYears(5), slate(5, 3)).currentTerm().endsOn())
                .isEqualTo(LocalDate.of(2031, 12, 1));

        assertThatThrownBy(() -> form(START, START.plusYears(1).minusDays(2), slate(5, 3)))
                .extracting(e -> ((BusinessRuleViolation) e).code()).isEqualTo("invalid-term");
        assertThatThrownBy(() -> form(START, START.plusYears(5).plusDays(1), slate(5, 3)))
                .extracting(e -> ((BusinessRuleViolation) e).code()).isEqualTo("invalid-term");
        assertThatThrownBy(() -> form(START, START.minusDays(1), slate(5, 3)))
                .extracting(e -> ((BusinessRuleViolation) e).code()).isEqualTo("invalid-term");
    }

    @Test
    void formationRecordsOwnersCommitteeFormedWithCountsButNoPersonalData() {
        OwnersCommittee committee = form(START, START.plusYears(5).minusDays(1), slate(7, 5));

        assertThat(committee.currentTerm().number()).isEqualTo(1);
        assertThat(committee.pendingEvents()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("OwnersCommitteeFormed");
            assertThat(event.aggregateId()).isEqualTo(committee.id());
            assertThat(event.payload()).contains("\"termNumber\":1", "\"memberCount\":7", "\"partyMemberCount\":5",
                    "\"startsOn\":\"2026-12-01\"", "\"endsOn\":\"2031-11-30\"", "\"kind\":\"OWNERS_COMMITTEE\"");
            assertThat(event.payload()).doesNotContain("委员0");
        });
    }

    @Test
    void reElectionClosesTheCurrentTermAndNumbersTheNext() {
        OwnersCommittee committee = form(START, START.plusYears(5).minusDays(1), slate(5, 3));
        LocalDate next = LocalDate.of(2031, 11, 20);

        committee.reElect(next, next.plusYears(5).minusDays(1), slate(7, 4), NOW);

        assertThat(committee.currentTerm().number()).isEqualTo(2);
        assertThat(committee.currentTerm().startsOn()).isEqualTo(next);
        assertThat(committee.currentTerm().memberCount()).isEqualTo(7);
        assertThat(committee.currentTerm().closedOn()).isNull();
        assertThat(committee.pastTerms()).singleElement().satisfies(past -> {
            assertThat(past.number()).isEqualTo(1);
            assertThat(past.memberCount()).isEqualTo(5);
            assertThat(past.closedOn()).isEqualTo(LocalDate.of(2031, 11, 19));
        });
        assertThat(committee.pendingEvents()).extracting(event -> event.type())
                .containsExactly("OwnersCommitteeFormed", "OwnersCommitteeReElected");
        assertThat(committee.pendingEvents().get(1).payload()).contains("\"termNumber\":2", "\"memberCount\":7");
    }

    @Test
    void aLateReElectionClosesTheOldTermOnItsPlannedLastDay() {
        OwnersCommittee committee = form(START, START.plusYears(3).minusDays(1), slate(5, 3));

        committee.reElect(LocalDate.of(2030, 3, 1), LocalDate.of(2035, 2, 28), slate(5, 3), NOW);

        assertThat(committee.pastTerms().get(0).closedOn()).isEqualTo(LocalDate.of(2029, 11, 30));
    }

    @Test
    void refusesAReElectionThatDoesNotStartAfterTheCurrentTermStarted() {
        OwnersCommittee committee = form(START, START.plusYears(5).minusDays(1), slate(5, 3));

        assertThatThrownBy(() -> committee.reElect(START, START.plusYears(5).minusDays(1), slate(5, 3), NOW))
                .extracting(e -> ((BusinessRuleViolation) e).code()).isEqualTo("invalid-re-election-date");
        assertThat(committee.currentTerm().number()).isEqualTo(1);
        assertThat(committee.pastTerms()).isEmpty();
    }

    @Test
    void aReElectionIsHeldToTheSameTermRules() {
        OwnersCommittee committee = form(START, START.plusYears(5).minusDays(1), slate(5, 3));
        LocalDate next = START.plusYears(5);

        assertThatThrownBy(() -> committee.reElect(next, next.plusYears(6), slate(5, 3), NOW))
                .extracting(e -> ((BusinessRuleViolation) e).code()).isEqualTo("invalid-term");
        assertThat(committee.pastTerms()).isEmpty();
    }

    @Test
    void partyMajorityMeansMoreThanHalfOfTheCurrentMembers() {
        assertThat(form(START, START.plusYears(5).minusDays(1), slate(6, 3)).hasPartyMajority()).isFalse();
        assertThat(form(START, START.plusYears(5).minusDays(1), slate(7, 4)).hasPartyMajority()).isTrue();

        OwnersCommittee committee = form(START, START.plusYears(5).minusDays(1), slate(5, 5));
        committee.reElect(START.plusYears(5), START.plusYears(10).minusDays(1), slate(5, 2), NOW);
        assertThat(committee.hasPartyMajority()).isFalse();
    }

    @Test
    void refusesADecisionThatTakesEffectInsideTheNoticeWindow() {
        OwnersCommittee committee = form(START, START.plusYears(5).minusDays(1), slate(5, 3));
        LocalDate reportedOn = LocalDate.of(2027, 3, 2);

        assertThatThrownBy(() -> committee.reportDecision("续聘物业服务企业", null, reportedOn,
                reportedOn.plusDays(NOTICE_DAYS - 1), NOTICE_DAYS, NOW))
                .isInstanceOf(BusinessRuleViolation.class)
                .satisfies(e -> {
                    assertThat(((BusinessRuleViolation) e).code()).isEqualTo("decision-not-pre-reported");
                    assertThat(((BusinessRuleViolation) e).arguments()).contains(reportedOn.plusDays(NOTICE_DAYS));
                });
        assertThat(committee.decisions()).isEmpty();
    }

    @Test
    void acceptsADecisionReportedExactlyTheNoticePeriodAhead() {
        OwnersCommittee committee = form(START, START.plusYears(5).minusDays(1), slate(5, 3));
        LocalDate reportedOn = LocalDate.of(2027, 3, 2);

        CommitteeDecision decision = committee.reportDecision("续聘物业服务企业", "续聘三年", reportedOn,
                reportedOn.plusDays(NOTICE_DAYS), NOTICE_DAYS, NOW);

        assertThat(decision.status()).isEqualTo(DecisionStatus.REPORTED);
        assertThat(committee.decisions()).containsExactly(decision);
        assertThat(committee.pendingEvents()).last().satisfies(event -> {
            assertThat(event.type()).isEqualTo("CommitteeDecisionReported");
            assertThat(event.payload()).contains("\"takesEffectOn\":\"2027-03-09\"", "\"decisionId\":\"" + decision.id());
        });
    }

    @Test
    void theCommunityAnswersADecisionOnce() {
        OwnersCommittee committee = form(START, START.plusYears(5).minusDays(1), slate(5, 3));
        LocalDate reportedOn = LocalDate.of(2027, 3, 2);
        CommitteeDecision decision = committee.reportDecision("续聘物业服务企业", null, reportedOn,
                reportedOn.plusDays(10), NOTICE_DAYS, NOW);

        CommitteeDecision rejected = committee.answerDecision(decision.id(), false, reportedOn.plusDays(1), "admin", NOW);

        assertThat(rejected.status()).isEqualTo(DecisionStatus.REJECTED);
        assertThat(committee.decision(decision.id()).answeredOn()).isEqualTo(reportedOn.plusDays(1));
        assertThatThrownBy(() -> committee.answerDecision(decision.id(), true, reportedOn.plusDays(2), "admin", NOW))
                .extracting(e -> ((BusinessRuleViolation) e).code()).isEqualTo("decision-already-answered");
    }

    private static OwnersCommittee form(LocalDate startsOn, LocalDate endsOn, List<CommitteeMember> members) {
        return OwnersCommittee.form("compound-3", CommitteeKind.OWNERS_COMMITTEE, "community-1", "/street-1/community-1/",
                startsOn, endsOn, members, NOW);
    }

    /** A slate of {@code size} members with one director, the first {@code partyMembers} of them party members. */
    private static List<CommitteeMember> slate(int size, int partyMembers) {
        List<CommitteeMember> members = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            members.add(member("委员" + i, i == 0 ? MemberRole.DIRECTOR : MemberRole.MEMBER, i < partyMembers));
        }
        return members;
    }

    private static CommitteeMember member(String name, MemberRole role, boolean partyMember) {
        return new CommitteeMember(name, role, partyMember);
    }
}
