package org.linli.e2e.fault;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.linli.e2e.client.Reply;
import org.linli.e2e.client.Session;

/**
 * Clients creating org units (communities under one street) as fast as they are answered, each request with its
 * own {@code Idempotency-Key}, retried with the same key until it is answered 2xx, as a careful client does
 * through a crash: a time-out, a 503 or a 409 in-progress is tried again after a pause, for up to two minutes.
 * Remembers what was acknowledged, and when writes were first accepted again after a fault.
 */
final class UnitWriters {

    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(2);

    private final Session admin;
    private final String streetId;
    private final String run;
    private final Map<String, String> acknowledged = new ConcurrentHashMap<>();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger gaveUp = new AtomicInteger();
    private final AtomicInteger retried = new AtomicInteger();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicReference<Instant> faultAt = new AtomicReference<>();
    private final AtomicReference<Instant> acceptedAgainAt = new AtomicReference<>();
    private final List<Thread> threads = new ArrayList<>();

    UnitWriters(Session admin, String streetId, String run) {
        this.admin = admin;
        this.streetId = streetId;
        this.run = run;
    }

    void start(int writers) {
        for (int i = 0; i < writers; i++) {
            int writer = i;
            Thread thread = new Thread(() -> write(writer), "writer-" + i);
            thread.setDaemon(true); // a scenario that fails must not leave the suite's JVM running
            thread.start();
            threads.add(thread);
        }
    }

    /** From now on, the first acknowledged write marks the recovery. */
    void faultHappened() {
        faultAt.set(Instant.now());
        acceptedAgainAt.set(null);
    }

    /** Stops starting new requests and waits for each writer to finish (or give up) the one it has. */
    void stop() throws InterruptedException {
        running.set(false);
        for (Thread thread : threads) {
            thread.join(GIVE_UP_AFTER.plusSeconds(30).toMillis());
        }
    }

    Map<String, String> acknowledged() {
        return acknowledged;
    }

    int refused() {
        return refused.get();
    }

    int gaveUp() {
        return gaveUp.get();
    }

    int retried() {
        return retried.get();
    }

    /** Seconds from the fault to the first write acknowledged after it ({@code NaN} if none). */
    double secondsToAcceptAgain() {
        Instant fault = faultAt.get();
        Instant again = acceptedAgainAt.get();
        return fault == null || again == null ? Double.NaN : Duration.between(fault, again).toMillis() / 1000.0;
    }

    private void write(int writer) {
        for (int n = 0; running.get(); n++) {
            String name = "故障演练社区" + run + "-" + writer + "-" + n;
            createOnce(UUID.randomUUID().toString(), name);
        }
    }

    private void createOnce(String key, String name) {
        Instant deadline = Instant.now().plus(GIVE_UP_AFTER);
        Map<String, Object> body = Map.of("type", "COMMUNITY_COMMITTEE", "name", name, "parentId", streetId);
        while (Instant.now().isBefore(deadline)) {
            Reply reply;
            try {
                reply = admin.post("/api/v1/org-units", body, Map.of("Idempotency-Key", key));
            } catch (RuntimeException unreachable) {
                pauseBeforeRetry();
                continue;
            }
            if (reply.status() / 100 == 2) {
                acknowledged.put(name, reply.body().path("id").asString());
                if (faultAt.get() != null) {
                    acceptedAgainAt.compareAndSet(null, Instant.now());
                }
                return;
            }
            if (reply.status() == 409 || reply.status() == 429 || reply.status() >= 500) {
                pauseBeforeRetry();
                continue;
            }
            refused.incrementAndGet();
            return;
        }
        gaveUp.incrementAndGet();
    }

    private void pauseBeforeRetry() {
        retried.incrementAndGet();
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
