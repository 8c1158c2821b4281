package org.linli.issue.dispute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.linli.issue.dispute.Disputes.T0;
import static org.linli.issue.dispute.Disputes.WORKER;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.linli.issue.issue.Category;
import org.linli.issue.issue.Channel;
import org.linli.issue.issue.Issue;
import org.linli.issue.issue.Report;

class DisputeTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @Test
    void aDisputeIsRecordedInItsGridForTheWorkerWhoTookItIn() {
        Dispute dispute = Disputes.recorded();

        assertThat(dispute.status()).isEqualTo(Dispute.Status.RECORDED);
        assertThat(dispute.gridId()).isEqualTo("grid-1");
        assertThat(dispute.communityPath()).isEqualTo("/street-1/community-1/");
        assertThat(dispute.workerAccountId()).isEqualTo(WORKER);
        assertThat(dispute.parties()).extracting(Dispute.Party::maskedPhone)
                .containsExactly("138****5678", "139****4321");
    }

    @Test
    void aDisputeNamesAtLeastTwoParties() {
        assertThatThrownBy(() -> Disputes.recordedWith(List.of(Dispute.Party.of("张三", null))))
                .extracting("code").isEqualTo("parties-required");
        assertThatThrownBy(() -> Dispute.Party.of(" ", null)).extracting("code").isEqualTo("parties-required");
    }

    @Test
    void sessionsLeadToAnAgreementEveryPartyConsentedTo() {
        Dispute dispute = Disputes.recorded();
        dispute.addSession("双方到场，初步沟通", WORKER, T0.plusSeconds(3600));
        assertThat(dispute.status()).isEqualTo(Dispute.Status.MEDIATING);

        assertThatThrownBy(() -> dispute.mediate("楼上维修并赔偿 500 元", Set.of("张三"), TODAY, WORKER, T0))
                .extracting("code").isEqualTo("consent-missing");
        dispute.mediate("楼上维修并赔偿 500 元", Set.of("张三", "李四"), TODAY, WORKER, T0.plusSeconds(7200));

        assertThat(dispute.status()).isEqualTo(Dispute.Status.MEDIATED);
        assertThat(dispute.concludedAt()).isEqualTo(T0.plusSeconds(7200));
        assertThat(dispute.agreement().consentedBy()).containsExactly("张三", "李四");
        assertThat(dispute.agreement().agreedOn()).isEqualTo(TODAY);
    }

    @Test
    void bothOutcomesAreFinal() {
        Dispute mediated = Disputes.recorded();
        mediated.mediate("和解", Set.of("张三", "李四"), TODAY, WORKER, T0);
        Dispute referred = Disputes.recorded();
        referred.refer(referred.referralIssueId(), "涉及房屋结构鉴定", WORKER, T0);

        for (Dispute concluded : List.of(mediated, referred)) {
            assertThatThrownBy(() -> concluded.addSession("再谈", WORKER, T0)).extracting("code").isEqualTo("wrong-step");
            assertThatThrownBy(() -> concluded.mediate("和解", Set.of("张三", "李四"), TODAY, WORKER, T0))
                    .extracting("code").isEqualTo("wrong-step");
            assertThatThrownBy(() -> concluded.checkReferable("再报")).extracting("code").isEqualTo("wrong-step");
        }
    }

    @Test
    void aReferralNeedsAReasonAndLinksTheIssueItsIdNames() {
        Dispute dispute = Disputes.recorded();
        assertThatThrownBy(() -> dispute.checkReferable(" ")).extracting("code").isEqualTo("referral-reason-required");
        assertThatThrownBy(() -> dispute.refer("some-other-issue", "超出能力", WORKER, T0))
                .isInstanceOf(IllegalArgumentException.class);

        dispute.refer(dispute.referralIssueId(), "超出能力", WORKER, T0);

        assertThat(dispute.status()).isEqualTo(Dispute.Status.REFERRED);
        assertThat(dispute.referral().issueId()).isEqualTo(dispute.referralIssueId());
    }

    @Test
    void theReferralIssueIdIsTheSameOnEveryTryAndDiffersPerDispute() {
        Dispute one = Disputes.recorded();
        Dispute again = Disputes.recorded();
        Dispute other = Dispute.record("dispute-2", Dispute.Kind.FAMILY, "家庭矛盾", one.parties(), Disputes.PLACE,
                Disputes.IN_GRID, WORKER, null, T0);

        assertThat(one.referralIssueId()).isEqualTo(again.referralIssueId()).isNotEqualTo(other.referralIssueId());
    }

    @Test
    void theReferredIssueCarriesTheHistoryByNameButNoPhone() {
        Dispute dispute = Disputes.recorded();
        dispute.addSession("第一次调解：楼上不认可漏水原因", WORKER, T0.plusSeconds(3600));

        Report report = dispute.referralReport(null, "需房屋安全鉴定", WORKER, "王网格员", SHANGHAI);

        assertThat(report.category()).isEqualTo(Category.NEIGHBOUR_DISPUTE);
        assertThat(report.channel()).isEqualTo(Channel.PATROL);
        assertThat(report.reporterAccountId()).isEqualTo(WORKER);
        assertThat(report.lat()).isEqualTo(36.2);
        assertThat(report.description()).contains("张三、李四", "楼上漏水殃及楼下", "2026-11-21 17:00",
                "第一次调解：楼上不认可漏水原因", "需房屋安全鉴定", "dispute-1")
                .doesNotContain("13812345678", "5678");
        assertThat(dispute.referralReport(Category.SAFETY_HAZARD, "x", WORKER, null, SHANGHAI).category())
                .isEqualTo(Category.SAFETY_HAZARD);
    }

    @Test
    void aLongHistoryIsCutToWhatAnIssueHolds() {
        Dispute dispute = Disputes.recorded();
        for (int i = 0; i < 5; i++) {
            dispute.addSession("调".repeat(Dispute.MAX_TEXT), WORKER, T0.plusSeconds(i));
        }

        String description = dispute.referralReport(null, "超出能力", WORKER, null, SHANGHAI).description();

        assertThat(description).hasSize(Issue.MAX_DESCRIPTION).endsWith("…");
    }
}
