package org.linli.property.assembly;

/**
 * A legal threshold: a share must reach {@code numerator/denominator} ("以上", at least: 2/3, 3/4) or exceed it
 * ("过半数", more than half). Civil Code article 1259: "以上" includes the number itself.
 */
enum Threshold {
    TWO_THIRDS(2, 3, false, "≥ 2/3"),
    THREE_QUARTERS(3, 4, false, "≥ 3/4"),
    MORE_THAN_HALF(1, 2, true, "> 1/2");

    private final long numerator;
    private final long denominator;
    private final boolean strict;
    private final String label;

    Threshold(long numerator, long denominator, boolean strict, String label) {
        this.numerator = numerator;
        this.denominator = denominator;
        this.strict = strict;
        this.label = label;
    }

    public boolean metBy(Share share) {
        return strict ? share.moreThan(numerator, denominator) : share.atLeast(numerator, denominator);
    }

    public String label() {
        return label;
    }
}
