package org.linli.property.assembly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.property.assembly.OwnersRegisterTest.NOW;
import static org.linli.property.assembly.OwnersRegisterTest.assertCode;
import static org.linli.property.assembly.OwnersRegisterTest.owner;
import static org.linli.property.assembly.OwnersRegisterTest.unit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionTest {

    static final Instant OPENS = NOW.plus(Duration.ofHours(1));
    static final Instant CLOSES = NOW.plus(Duration.ofDays(7));

    private final OwnersRegister register = register();

    @Test
    void aMajorMatterOpensForVotesOnlyOnceThePreparationChainIsRecordedInOrder() {
        Decision decision = Decision.call("compound-1", register, Matter.PROPERTY_COMPANY, "解聘某物业", null,
                Decision.CompanyAction.DISMISS, "company-a", OPENS, CLOSES, "admin", NOW);
        Instant during = OPENS.plusSeconds(60);
        assertCode(() -> decision.checkOpen(NOW), "voting-not-open");
        assertCode(() -> decision.checkOpen(during), "preparation-incomplete");
        assertCode(() -> decision.prepare(Decision.Step.PARTY_COMMITTEE_REVIEWED, "a", "a", null, NOW),
                "preparation-out-of-order");
        decision.prepare(Decision.Step.COMMITTEE_MOBILISED, "committee", "委员甲", "入户动员", NOW);
        decision.prepare(Decision.Step.THREE_PARTIES_PROPOSED, "committee", "委员甲", null, NOW);
        decision.prepare(Decision.Step.PARTY_COMMITTEE_REVIEWED, "admin", "社区党委", "同意", NOW);
        assertCode(() -> decision.prepare(Decision.Step.PARTY_COMMITTEE_REVIEWED, "a", "a", null, NOW),
                "preparation-complete");

        decision.checkOpen(during);
        assertThat(decision.preparation()).extracting(Decision.PreparationStep::username)
                .containsExactly("委员甲", "委员甲", "社区党委");
        assertCode(() -> decision.checkOpen(CLOSES), "voting-closed");
    }

    @Test
    void anOrdinaryMatterHasNoPreparationAndNamesNoCompany() {
        assertCode(() -> Decision.call("compound-1", register, Matter.MANAGEMENT_STATUTE, "修改管理规约", null,
                Decision.CompanyAction.DISMISS, "company-a", OPENS, CLOSES, "admin", NOW), "company-action-mismatch");
        assertCode(() -> Decision.call("compound-1", register, Matter.PROPERTY_COMPANY, "选聘", null, null, null,
                OPENS, CLOSES, "admin", NOW), "company-action-mismatch");
        assertCode(() -> Decision.call("compound-1", register, Matter.MANAGEMENT_STATUTE, "修改管理规约", null, null,
                null, CLOSES, OPENS, "admin", NOW), "invalid-voting-window");
        assertCode(() -> Decision.call("compound-1", new OwnersRegister("empty"), Matter.MANAGEMENT_STATUTE, "x", null,
                null, null, OPENS, CLOSES, "admin", NOW), "empty-register");
        Decision decision = Decision.call("compound-1", register, Matter.MANAGEMENT_STATUTE, "修改管理规约", null, null,
                null, OPENS, CLOSES, "admin", NOW);
        assertCode(() -> decision.prepare(Decision.Step.COMMITTEE_MOBILISED, "a", "a", null, NOW),
                "no-preparation-for-matter");
        decision.checkOpen(OPENS);
    }

    @Test
    void closingCountsEachOwnerOnceWithTheAreaOfAllTheirUnitsAndPublishesTheVerdict() {
        Decision decision = Decision.call("compound-1", register, Matter.USE_MAINTENANCE_FUNDS, "维修电梯", null, null,
                null, OPENS, CLOSES, "admin", NOW);
        List<Ballot> ballots = List.of(Ballot.ownAccount(decision.id(), "zhang", Ballot.Choice.AGREE, "z", "z", OPENS),
                Ballot.paper(decision.id(), "li", Ballot.Choice.ABSTAIN, "No.7", "admin", "admin", OPENS));
        assertCode(() -> decision.close(ballots, CLOSES), "voting-still-open");

        Outcome outcome = decision.close(ballots, CLOSES.plus(Decision.CLOSE_GRACE));

        assertThat(decision.total()).isEqualTo(new Outcome.Count(3, 4_000_000));
        assertThat(decision.participating()).isEqualTo(new Outcome.Count(2, 3_000_000));
        assertThat(decision.agreeing()).isEqualTo(new Outcome.Count(1, 2_000_000));
        assertThat(outcome.verdict()).isEqualTo(Outcome.Verdict.FAILED_MAJORITY);
        assertThat(outcome.measures()).extracting(Outcome.Measure::met).containsExactly(true, true, true, false);
        assertThat(decision.pendingEvents()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("AssemblyDecisionClosed");
            assertThat(event.payload()).contains("\"verdict\":\"FAILED_MAJORITY\"").contains("\"matterItem\":5")
                    .contains("\"participatingAreaCm2\":3000000");
        });
        assertCode(() -> decision.close(ballots, CLOSES.plus(Duration.ofDays(1))), "decision-closed");
        assertThat(decision.dismisses("company-a")).isFalse();
    }

    private static OwnersRegister register() {
        OwnersRegister register = new OwnersRegister("compound-1");
        register.replace(null, List.of(owner("zhang", "z", false), owner("li", null, false), owner("wang", null, false)),
                List.of(unit("1", 1_000_000, "zhang"), unit("2", 1_000_000, "zhang"), unit("3", 1_000_000, "li"),
                        unit("4", 1_000_000, "wang")), "admin", NOW);
        return register;
    }
}
