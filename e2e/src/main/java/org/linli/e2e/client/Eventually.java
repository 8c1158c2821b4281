package org.linli.e2e.client;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waiting for an effect that travels over Kafka to another service. Polls every 20 ms, so a measured
 * lag is exact to about that; gives up after {@link #TIMEOUT} (a demo load can keep the read copies
 * tens of seconds behind) with the description and the last answer.
 */
public final class Eventually {

    public static final Duration TIMEOUT = Duration.ofSeconds(
            Long.getLong("linli.e2e.timeout-seconds", 90));
    private static final Duration POLL = Duration.ofMillis(20);

    private Eventually() {
    }

    /** Polls {@code call} until {@code done} holds, and returns that answer. */
    public static <T> T until(String what, Supplier<T> call, Predicate<T> done) {
        return until(what, TIMEOUT, call, done);
    }

    public static <T> T until(String what, Duration timeout, Supplier<T> call, Predicate<T> done) {
        return await(what).atMost(timeout).pollDelay(Duration.ZERO).pollInterval(POLL)
                .until(call::get, done::test);
    }

    /**
     * Repeats a write while the service refuses it with one of {@code waitCodes} (it has not yet heard of
     * something from another service's events), and returns the first other answer.
     */
    public static Reply retryWhile(Supplier<Reply> call, String... waitCodes) {
        List<String> waiting = List.of(waitCodes);
        return until("no longer " + waiting, call, reply -> !waiting.contains(reply.code()));
    }

    public static Reply retryWhile(String waitCode, Supplier<Reply> call) {
        return retryWhile(call, waitCode);
    }
}
