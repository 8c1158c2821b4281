package org.linli.property.assembly;

import java.math.BigInteger;

/**
 * An exact share {@code part / base} of non-negative whole numbers (owners, or square centimetres of area),
 * compared with a threshold by cross-multiplication in {@link BigInteger}: no floating point, no overflow.
 */
record Share(long part, long base) {

    public Share {
        if (part < 0 || base < 0 || part > base) {
            throw new IllegalArgumentException("a share is 0 ≤ part ≤ base, not " + part + "/" + base);
        }
    }

    /** Whether {@code part/base ≥ n/d} (an empty base reaches no threshold above zero). */
    public boolean atLeast(long n, long d) {
        return compareTo(n, d) >= 0;
    }

    /** Whether {@code part/base > n/d}. */
    public boolean moreThan(long n, long d) {
        return compareTo(n, d) > 0;
    }

    private int compareTo(long n, long d) {
        if (base == 0) {
            return n == 0 ? 0 : -1;
        }
        return BigInteger.valueOf(part).multiply(BigInteger.valueOf(d))
                .compareTo(BigInteger.valueOf(n).multiply(BigInteger.valueOf(base)));
    }
}
