package org.linli.platform.web;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The heartbeat of this process's {@code Idempotency-Key} claims: every third of the lease it pushes
 * each running claim's expiry one lease ahead, so a slow request keeps its key while a crashed
 * process's claims lapse within one lease and a retry can take them over. A claim found taken over
 * is dropped (its run will neither complete nor forget it). A request releases its claim here before it
 * keeps its answer, so a beat that finds a claim no longer renewable and no longer held saw an answered
 * request, not a takeover (under load these were logged as takeovers by the hundred).
 */
class IdempotencyLeases implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyLeases.class);

    private final IdempotencyStore store;
    private final Clock clock;
    private final Duration lease;
    private final Map<String, String> ownerById = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;

    IdempotencyLeases(IdempotencyStore store, Clock clock, Duration lease, boolean start) {
        this.store = store;
        this.clock = clock;
        this.lease = lease;
        if (start) {
            long period = Math.max(1, lease.toMillis() / 3);
            timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "idempotency-leases");
                thread.setDaemon(true);
                return thread;
            });
            timer.scheduleAtFixedRate(this::renewAll, period, period, TimeUnit.MILLISECONDS);
        } else {
            timer = null;
        }
    }

    Duration lease() {
        return lease;
    }

    void hold(String id, String owner) {
        ownerById.put(id, owner);
    }

    void release(String id, String owner) {
        ownerById.remove(id, owner);
    }

    /** One heartbeat; never throws (a store outage is retried on the next beat, within the lease). */
    void renewAll() {
        ownerById.forEach((id, owner) -> {
            try {
                // a claim released during the beat was answered (its request released it first), not taken over
                if (!store.renew(id, owner, clock.instant().plus(lease)) && ownerById.remove(id, owner)) {
                    log.warn("idempotency claim {} was taken over by a retry", id);
                }
            } catch (RuntimeException e) {
                log.warn("could not renew idempotency claim {}: {}", id, e.toString());
            }
        });
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
