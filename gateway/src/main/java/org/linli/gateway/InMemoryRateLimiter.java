package org.linli.gateway;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import reactor.core.publisher.Mono;

/**
 * A token bucket per client, in this gateway's memory: for a single gateway instance. Several
 * gateways share {@code RedisRateLimiter} instead ({@code linli.gateway.rate-limit.store=redis}).
 * Buckets idle for a minute are dropped so the map stays small.
 */
class InMemoryRateLimiter implements RateLimiter<Object> {

    private static final long IDLE_MILLIS = 60_000;

    private final double perMilli;
    private final int capacity;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private volatile long lastSweep;

    InMemoryRateLimiter(int replenishPerSecond, int capacity, Clock clock) {
        this.perMilli = replenishPerSecond / 1000.0;
        this.capacity = capacity;
        this.clock = clock;
    }

    @Override
    public Mono<Response> isAllowed(String routeId, String id) {
        long now = clock.millis();
        sweep(now);
        Bucket bucket = buckets.computeIfAbsent(id, key -> new Bucket(capacity, now));
        long waitMillis;
        synchronized (bucket) {
            bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.updated) * perMilli);
            bucket.updated = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                waitMillis = 0;
            } else {
                waitMillis = (long) Math.ceil((1 - bucket.tokens) / perMilli);
            }
        }
        Map<String, String> headers = Map.of("X-RateLimit-Burst-Capacity", String.valueOf(capacity),
                "Retry-After", String.valueOf(Math.max(1, (waitMillis + 999) / 1000)));
        return Mono.just(new Response(waitMillis == 0, waitMillis == 0 ? Map.of() : headers));
    }

    private void sweep(long now) {
        if (now - lastSweep > IDLE_MILLIS) {
            lastSweep = now;
            buckets.values().removeIf(bucket -> now - bucket.updated > IDLE_MILLIS);
        }
    }

    @Override
    public Map<String, Object> getConfig() {
        return Map.of();
    }

    @Override
    public Class<Object> getConfigClass() {
        return Object.class;
    }

    @Override
    public Object newConfig() {
        return new Object();
    }

    private static final class Bucket {
        double tokens;
        long updated;

        Bucket(double tokens, long updated) {
            this.tokens = tokens;
            this.updated = updated;
        }
    }
}
