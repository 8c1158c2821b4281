package org.linli.property.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.property.trust.TrustEntryTest.NOW;
import static org.linli.property.trust.TrustEntryTest.TODAY;
import static org.linli.property.trust.TrustEntryTest.refusal;

import org.junit.jupiter.api.Test;

/** 四议两公开 in its fixed order, without Spring. */
class DeliberationTest {

    /** A record through the DECISION. */
    static Deliberation decided(String compound, long amountFen, boolean approved) {
        Deliberation deliberation = Deliberation.propose(compound, "更换二次供水水泵", amountFen, TODAY.minusDays(20),
                "党支部提议", "admin", TODAY, NOW);
        deliberation.record(DeliberationStep.CONSULTATION, TODAY.minusDays(15), "两委会商议", null, "admin", TODAY, NOW);
        deliberation.record(DeliberationStep.REVIEW, TODAY.minusDays(10), "党员大会审议", null, "admin", TODAY, NOW);
        deliberation.record(DeliberationStep.DECISION, TODAY.minusDays(5), "业主代表会议表决", approved, "admin", TODAY,
                NOW);
        return deliberation;
    }

    /** An approved record whose result was published: it authorises an expense. */
    static Deliberation published(String compound, long amountFen) {
        Deliberation deliberation = decided(compound, amountFen, true);
        deliberation.record(DeliberationStep.RESULT_PUBLICATION, TODAY, "公示", null, "admin", TODAY, NOW);
        return deliberation;
    }

    @Test
    void stepsComeInTheirOrderOnDaysThatNeverGoBack() {
        Deliberation deliberation = Deliberation.propose("c", "维修", 100_000, TODAY.minusDays(3), "提议", "admin",
                TODAY, NOW);

        assertThat(deliberation.next()).isEqualTo(DeliberationStep.CONSULTATION);
        assertThat(refusal(() -> deliberation.record(DeliberationStep.DECISION, TODAY, "跳步", true, "admin", TODAY,
                NOW)).code()).isEqualTo("deliberation-step-out-of-order");
        assertThat(refusal(() -> deliberation.record(DeliberationStep.CONSULTATION, TODAY.minusDays(4), "倒签", null,
                "admin", TODAY, NOW)).code()).isEqualTo("invalid-step-date");
        assertThat(refusal(() -> deliberation.record(DeliberationStep.CONSULTATION, TODAY.plusDays(1), "未来", null,
                "admin", TODAY, NOW)).code()).isEqualTo("invalid-step-date");
        deliberation.record(DeliberationStep.CONSULTATION, TODAY.minusDays(3), "同日商议", null, "admin", TODAY, NOW);
        deliberation.record(DeliberationStep.REVIEW, TODAY, "审议", null, "admin", TODAY, NOW);
        assertThat(refusal(() -> deliberation.record(DeliberationStep.DECISION, TODAY, "决议", null, "admin", TODAY,
                NOW)).code()).isEqualTo("decision-outcome-required");
        assertThat(deliberation.steps()).extracting(Deliberation.Step::step).containsExactly(DeliberationStep.PROPOSAL,
                DeliberationStep.CONSULTATION, DeliberationStep.REVIEW);
    }

    @Test
    void aRejectedSpendingIsPublishedButAuthorisesNothingAndHasNoImplementation() {
        Deliberation rejected = decided("c", 100_000, false);
        rejected.record(DeliberationStep.RESULT_PUBLICATION, TODAY, "公示未通过", null, "admin", TODAY, NOW);

        assertThat(rejected.next()).isNull();
        assertThat(refusal(() -> rejected.authorise(1)).code()).isEqualTo("deliberation-not-ready");
        assertThat(refusal(() -> rejected.record(DeliberationStep.IMPLEMENTATION_PUBLICATION, TODAY, "x", null,
                "admin", TODAY, NOW)).code()).isEqualTo("deliberation-step-out-of-order");
    }

    @Test
    void theImplementationIsPublishedOnlyAfterTheExpenseIsBookedAndThenTheRecordIsComplete() {
        Deliberation deliberation = published("c", 100_000);

        assertThat(refusal(() -> deliberation.record(DeliberationStep.IMPLEMENTATION_PUBLICATION, TODAY, "实施公示",
                null, "admin", TODAY, NOW)).code()).isEqualTo("expense-not-booked");
        deliberation.authorise(100_000);
        deliberation.referenceExpense("booking-1", "c:7");
        assertThat(refusal(() -> deliberation.authorise(1)).code()).isEqualTo("deliberation-used");
        deliberation.record(DeliberationStep.IMPLEMENTATION_PUBLICATION, TODAY, "实施公示", null, "admin", TODAY, NOW);
        assertThat(deliberation.next()).isNull();
        assertThat(deliberation.expenseEntryId()).isEqualTo("c:7");
    }
}
