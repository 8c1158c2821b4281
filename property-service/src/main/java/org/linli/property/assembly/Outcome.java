package org.linli.property.assembly;

import java.util.List;

/**
 * What the law makes of a closed vote (Civil Code art. 278 para. 2): the quorum — owners holding at least two
 * thirds of the exclusive area and at least two thirds of the owners took part — and then the agreement of the
 * participants: at least three quarters of their area and of their number for items 6 to 8, more than half of
 * both for every other item. Each of the four shares is shown against its threshold.
 *
 * @param verdict  PASSED, FAILED_QUORUM (too few took part) or FAILED_MAJORITY (too few agreed)
 * @param measures participation by area, participation by owners, agreement by area, agreement by owners
 */
record Outcome(Verdict verdict, List<Measure> measures) {

    /** The verdict of a vote. */
    public enum Verdict {
        PASSED("通过"), FAILED_QUORUM("参与表决人数或面积不足"), FAILED_MAJORITY("同意票未达法定比例");

        private final String label;

        Verdict(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One share of the four against its threshold.
     *
     * @param name      PARTICIPATING_AREA, PARTICIPATING_OWNERS, AGREEING_AREA or AGREEING_OWNERS
     * @param part      owners, or square centimetres
     * @param base      the whole it is a share of (all owners / all area; the participants for agreement)
     */
    public record Measure(String name, long part, long base, Threshold threshold, boolean met) {

        static Measure of(String name, Share share, Threshold threshold) {
            return new Measure(name, share.part(), share.base(), threshold, threshold.metBy(share));
        }
    }

    /**
     * Decides a vote from its counts: the register's totals, who took part (agree, against and abstain alike)
     * and who agreed. Areas in square centimetres.
     */
    public static Outcome decide(Matter matter, Count total, Count participating, Count agreeing) {
        Threshold majority = matter.special() ? Threshold.THREE_QUARTERS : Threshold.MORE_THAN_HALF;
        List<Measure> measures = List.of(
                Measure.of("PARTICIPATING_AREA", new Share(participating.areaCm2(), total.areaCm2()), Threshold.TWO_THIRDS),
                Measure.of("PARTICIPATING_OWNERS", new Share(participating.owners(), total.owners()), Threshold.TWO_THIRDS),
                Measure.of("AGREEING_AREA", new Share(agreeing.areaCm2(), participating.areaCm2()), majority),
                Measure.of("AGREEING_OWNERS", new Share(agreeing.owners(), participating.owners()), majority));
        Verdict verdict;
        if (!measures.get(0).met() || !measures.get(1).met()) {
            verdict = Verdict.FAILED_QUORUM;
        } else if (!measures.get(2).met() || !measures.get(3).met()) {
            verdict = Verdict.FAILED_MAJORITY;
        } else {
            verdict = Verdict.PASSED;
        }
        return new Outcome(verdict, measures);
    }

    public boolean passed() {
        return verdict == Verdict.PASSED;
    }

    /** Owners counted per the headcount rule, and their exclusive area in square centimetres. */
    public record Count(long owners, long areaCm2) {

        public static final Count NONE = new Count(0, 0);

        public Count plus(long areaCm2) {
            return new Count(owners + 1, this.areaCm2 + areaCm2);
        }
    }
}
