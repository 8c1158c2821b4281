package org.linli.e2e.flow;

import java.time.Duration;

/**
 * One lag being measured: started just before the request that causes an effect, read as soon as the last
 * service shows it.
 */
final class Lag {

    private final long startedNanos = System.nanoTime();

    private Lag() {
    }

    static Lag start() {
        return new Lag();
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }
}
