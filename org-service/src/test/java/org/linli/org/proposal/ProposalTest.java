package org.linli.org.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.linli.platform.domain.BusinessRuleViolation;

class ProposalTest {

    private static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");

    private static Proposal proposal() {
        return Proposal.propose("alley-1", "/s/c/alley-1/", "巷口装路灯", "晚上太黑，老人出门不便", "resident-1", NOW);
    }

    @Test
    void goesFromProposalThroughDiscussionAndDecisionToAPostingInThatOrder() {
        Proposal proposal = proposal();
        proposal.discuss(Proposal.Recommendation.SUPPORT, "巷长一致同意", "chief-1", NOW.plusSeconds(60));
        proposal.decide(true, "支部决定由社区出资安装两盏路灯", "secretary", NOW.plusSeconds(120));
        proposal.post("决议公示七天", 7, "secretary", NOW.plusSeconds(180));

        assertThat(proposal.status()).isEqualTo(Proposal.Status.POSTED);
        assertThat(proposal.discussion().recordedBy()).isEqualTo("chief-1");
        assertThat(proposal.decision().adopted()).isTrue();
        assertThat(proposal.posting().until()).isEqualTo(NOW.plusSeconds(180 + 7 * 86_400));
        assertThat(proposal.posting().onDisplayAt(NOW.plusSeconds(200))).isTrue();
        assertThat(proposal.posting().onDisplayAt(NOW.plusSeconds(180 + 7 * 86_400))).isFalse();
        assertThat(proposal.pendingEvents()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("ProposalPosted");
            assertThat(event.payload()).contains("\"adopted\":true").doesNotContain("resident-1");
        });
    }

    @Test
    void refusesAStepOutOfOrder() {
        Proposal proposal = proposal();

        assertThatThrownBy(() -> proposal.decide(true, "x", "secretary", NOW))
                .isInstanceOf(BusinessRuleViolation.class).hasFieldOrPropertyWithValue("code", "wrong-step");
        assertThatThrownBy(() -> proposal.post("x", 7, "secretary", NOW))
                .isInstanceOf(BusinessRuleViolation.class).hasFieldOrPropertyWithValue("code", "wrong-step");
        proposal.discuss(Proposal.Recommendation.OPPOSE, "占用消防通道", "chief-1", NOW);
        assertThatThrownBy(() -> proposal.discuss(Proposal.Recommendation.SUPPORT, "again", "chief-2", NOW))
                .isInstanceOf(BusinessRuleViolation.class).hasFieldOrPropertyWithValue("code", "wrong-step");
        assertThatThrownBy(() -> proposal.withdraw(NOW))
                .isInstanceOf(BusinessRuleViolation.class).hasFieldOrPropertyWithValue("code", "wrong-step");
    }

    @Test
    void aPostingLastsOneToThirtyDaysAndAWithdrawnProposalGoesNoFurther() {
        Proposal decided = proposal();
        decided.discuss(Proposal.Recommendation.AMEND, "改为一盏", "chief-1", NOW);
        decided.decide(false, "经费不足，暂缓", "secretary", NOW);
        assertThatThrownBy(() -> decided.post("x", 31, "secretary", NOW))
                .isInstanceOf(BusinessRuleViolation.class).hasFieldOrPropertyWithValue("code", "invalid-posting-period");

        Proposal withdrawn = proposal();
        withdrawn.withdraw(NOW);
        assertThat(withdrawn.status()).isEqualTo(Proposal.Status.WITHDRAWN);
        assertThatThrownBy(() -> withdrawn.discuss(Proposal.Recommendation.SUPPORT, "x", "chief-1", NOW))
                .isInstanceOf(BusinessRuleViolation.class).hasFieldOrPropertyWithValue("code", "wrong-step");
    }
}
