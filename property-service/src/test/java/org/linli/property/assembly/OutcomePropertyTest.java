package org.linli.property.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * The thresholds of Civil Code art. 278 para. 2 at their edges, exactly: for every base the smallest share that
 * reaches "two thirds or more", "three quarters or more" and "more than half" is found by integer arithmetic,
 * and one less misses — also with areas in square centimetres far beyond what a product of longs could hold.
 */
class OutcomePropertyTest {

    @Provide
    Arbitrary<Long> bases() {
        return Arbitraries.oneOf(Arbitraries.longs().between(1, 10_000),
                Arbitraries.longs().between(1, Long.MAX_VALUE / 2));
    }

    @Property
    void twoThirdsIsReachedExactlyAtTheCeilingOfTwoThirdsOfTheBase(@ForAll("bases") long base) {
        long least = ceilDiv(base, 2, 3);
        assertThat(Threshold.TWO_THIRDS.metBy(new Share(least, base))).isTrue();
        assertThat(Threshold.TWO_THIRDS.metBy(new Share(least - 1, base))).isFalse();
    }

    @Property
    void threeQuartersIsReachedExactlyAtTheCeilingOfThreeQuartersOfTheBase(@ForAll("bases") long base) {
        long least = ceilDiv(base, 3, 4);
        assertThat(Threshold.THREE_QUARTERS.metBy(new Share(least, base))).isTrue();
        assertThat(Threshold.THREE_QUARTERS.metBy(new Share(least - 1, base))).isFalse();
    }

    @Property
    void moreThanHalfNeedsOneMoreThanHalfTheBaseRoundedDown(@ForAll("bases") long base) {
        long least = base / 2 + 1;
        assertThat(Threshold.MORE_THAN_HALF.metBy(new Share(least, base))).isTrue();
        assertThat(Threshold.MORE_THAN_HALF.metBy(new Share(least - 1, base))).isFalse();
    }

    @Property
    void aSpecialMatterThatPassesWouldPassAsAnOrdinaryOneWithTheSameCounts(
            @ForAll @LongRange(min = 1, max = 1000) long owners, @ForAll @LongRange(min = 0, max = 1000) long took,
            @ForAll @LongRange(min = 0, max = 1000) long agreed, @ForAll @LongRange(min = 1, max = 1000) long unitArea) {
        long participating = Math.min(took, owners);
        long agreeing = Math.min(agreed, participating);
        Outcome.Count total = new Outcome.Count(owners, owners * unitArea);
        Outcome.Count part = new Outcome.Count(participating, participating * unitArea);
        Outcome.Count agree = new Outcome.Count(agreeing, agreeing * unitArea);
        Outcome special = Outcome.decide(Matter.REBUILD, total, part, agree);
        Outcome ordinary = Outcome.decide(Matter.PROPERTY_COMPANY, total, part, agree);
        if (special.passed()) {
            assertThat(ordinary.passed()).isTrue();
        }
        assertThat(special.verdict() == Outcome.Verdict.FAILED_QUORUM)
                .isEqualTo(ordinary.verdict() == Outcome.Verdict.FAILED_QUORUM);
        assertThat(special.passed()).isEqualTo(special.measures().stream().allMatch(Outcome.Measure::met));
    }

    @Property
    void oneMoreAgreeingOwnerNeverTurnsAPassIntoAFailure(@ForAll @LongRange(min = 3, max = 500) long owners,
                                                         @ForAll @LongRange(min = 0, max = 500) long took,
                                                         @ForAll @LongRange(min = 0, max = 500) long agreed,
                                                         @ForAll @IntRange(min = 1, max = 9) int item) {
        long participating = Math.min(took, owners);
        long agreeing = Math.min(agreed, participating - 1);
        if (agreeing < 0) {
            return;
        }
        Outcome.Count total = new Outcome.Count(owners, owners * 10_000);
        Outcome.Count part = new Outcome.Count(participating, participating * 10_000);
        Outcome before = Outcome.decide(Matter.ofItem(item), total, part, new Outcome.Count(agreeing, agreeing * 10_000));
        Outcome after = Outcome.decide(Matter.ofItem(item), total, part,
                new Outcome.Count(agreeing + 1, (agreeing + 1) * 10_000));
        if (before.passed()) {
            assertThat(after.passed()).isTrue();
        }
    }

    @Example
    void seventyPercentOfOwnersHoldingSixtyPercentOfTheAreaFailOnQuorum() {
        Outcome outcome = Outcome.decide(Matter.MANAGEMENT_STATUTE, new Outcome.Count(100, 10_000),
                new Outcome.Count(70, 6_000), new Outcome.Count(70, 6_000));
        assertThat(outcome.verdict()).isEqualTo(Outcome.Verdict.FAILED_QUORUM);
        assertThat(outcome.measures().get(0).met()).isFalse();
        assertThat(outcome.measures().get(1).met()).isTrue();
    }

    @Example
    void itemSevenWithEightyPercentOfTheAreaButSeventyPercentOfTheOwnersAgreeingFails() {
        Outcome outcome = Outcome.decide(Matter.REBUILD, new Outcome.Count(100, 10_000),
                new Outcome.Count(100, 10_000), new Outcome.Count(70, 8_000));
        assertThat(outcome.verdict()).isEqualTo(Outcome.Verdict.FAILED_MAJORITY);
        assertThat(outcome.measures().get(2).met()).isTrue();
        assertThat(outcome.measures().get(3).met()).isFalse();
        assertThat(outcome.measures().get(3).threshold()).isEqualTo(Threshold.THREE_QUARTERS);
    }

    @Example
    void exactlyTwoThirdsIsAQuorumButExactlyHalfIsNoMajority() {
        Outcome outcome = Outcome.decide(Matter.PROPERTY_COMPANY, new Outcome.Count(3, 300),
                new Outcome.Count(2, 200), new Outcome.Count(1, 100));
        assertThat(outcome.measures().get(0).met()).isTrue();
        assertThat(outcome.measures().get(1).met()).isTrue();
        assertThat(outcome.verdict()).isEqualTo(Outcome.Verdict.FAILED_MAJORITY);
    }

    @Example
    void nobodyTakingPartIsNoQuorumAndNoMajority() {
        Outcome outcome = Outcome.decide(Matter.RULES_OF_PROCEDURE, new Outcome.Count(5, 500), Outcome.Count.NONE,
                Outcome.Count.NONE);
        assertThat(outcome.verdict()).isEqualTo(Outcome.Verdict.FAILED_QUORUM);
        assertThat(outcome.measures()).noneMatch(Outcome.Measure::met);
    }

    /** ⌈base × n / d⌉ without overflow. */
    private static long ceilDiv(long base, long n, long d) {
        java.math.BigInteger[] qr = java.math.BigInteger.valueOf(base).multiply(java.math.BigInteger.valueOf(n))
                .divideAndRemainder(java.math.BigInteger.valueOf(d));
        return qr[0].longValueExact() + (qr[1].signum() > 0 ? 1 : 0);
    }
}
