package org.linli.issue.webhook;

import java.time.Duration;

/**
 * Exponential backoff between attempts of a delivery: {@code first} after the first failure, doubling after each
 * further one, never above {@code max}.
 */
record Backoff(Duration first, Duration max) {

    Backoff {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < first <= max");
        }
    }

    /** The pause after the {@code failures}-th failed attempt in a row (1, 2, 3…). */
    Duration after(int failures) {
        Duration delay = first;
        for (int i = 1; i < failures && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
