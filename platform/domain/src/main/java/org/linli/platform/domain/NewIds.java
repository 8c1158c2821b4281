package org.linli.platform.domain;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Ids for new aggregates. Inside a request that carries an {@code Idempotency-Key} they are
 * deterministic: name-based UUIDs of the key's seed (caller, path and key, set by
 * {@code IdempotencyFilter}) and a per-request counter, so a retry of a request that died after
 * creating its aggregate computes the same id again instead of creating a second one. Anywhere else
 * (no key, a Kafka consumer, a scheduled job) they are random UUIDs.
 *
 * <p>A creation path asks {@link #alreadyCreated} first and answers with what it finds; otherwise it
 * builds the aggregate with {@link #next()} as its id. Only ids of aggregates a request creates should
 * come from here, the answered aggregate's first, so that the first id names it.
 */
public final class NewIds {

    private static final ThreadLocal<Seed> SEED = new ThreadLocal<>();

    private NewIds() {
    }

    /** The next id: deterministic in a keyed request, random elsewhere. */
    public static String next() {
        Seed seed = SEED.get();
        return seed == null ? UUID.randomUUID().toString() : seed.next();
    }

    /**
     * The aggregate this keyed request created on an earlier run (the one named by the request's first
     * id), looked up with {@code findById}; empty without a key, without a lookup.
     */
    public static <T> Optional<T> alreadyCreated(Function<String, Optional<T>> findById) {
        Seed seed = SEED.get();
        return seed == null ? Optional.empty() : findById.apply(seed.id(0));
    }

    /**
     * Makes ids deterministic on this thread until the returned scope is closed. Called by the edge that knows
     * the request's key (platform/web's {@code IdempotencyFilter}), never by domain code.
     */
    public static Scope seeded(String seed) {
        Seed previous = SEED.get();
        SEED.set(new Seed(seed));
        return () -> {
            if (previous == null) {
                SEED.remove();
            } else {
                SEED.set(previous);
            }
        };
    }

    /** The seeded stretch of a request. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    private static final class Seed {

        private final String value;
        private int counter;

        Seed(String value) {
            this.value = value;
        }

        String next() {
            return id(counter++);
        }

        String id(int n) {
            return UUID.nameUUIDFromBytes((value + "/" + n).getBytes(StandardCharsets.UTF_8)).toString();
        }
    }
}
