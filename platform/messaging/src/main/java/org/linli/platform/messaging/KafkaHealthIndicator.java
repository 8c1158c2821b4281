package org.linli.platform.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Health {@code kafka}: whether the broker answers a cluster description within a short timeout. One
 * answer serves the probes of the next moment ({@code cacheFor}), so frequent readiness probes cost
 * the broker at most one request per interval. Part of the readiness group: a service whose outbox
 * cannot reach the broker should not take new writes whose events would pile up.
 */
class KafkaHealthIndicator implements HealthIndicator, AutoCloseable {

    private final Admin admin;
    private final Duration timeout;
    private final Duration cacheFor;
    private final Clock clock;
    private volatile Answer last;

    KafkaHealthIndicator(Admin admin, Duration timeout, Duration cacheFor, Clock clock) {
        this.admin = admin;
        this.timeout = timeout;
        this.cacheFor = cacheFor;
        this.clock = clock;
    }

    @Override
    public Health health() {
        Answer answer = last;
        if (answer != null && clock.instant().isBefore(answer.freshUntil())) {
            return answer.health();
        }
        synchronized (this) {
            answer = last;
            if (answer == null || !clock.instant().isBefore(answer.freshUntil())) {
                answer = new Answer(ask(), clock.instant().plus(cacheFor));
                last = answer;
            }
            return answer.health();
        }
    }

    private Health ask() {
        try {
            int nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                    .nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
            return nodes > 0 ? Health.up().withDetail("nodes", nodes).build()
                    : Health.down().withDetail("nodes", 0).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down(e).build();
        } catch (ExecutionException e) {
            return Health.down().withDetail("error", String.valueOf(e.getCause())).build();
        } catch (TimeoutException | RuntimeException e) {
            return Health.down(e).build();
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(1));
    }

    private record Answer(Health health, Instant freshUntil) {
    }
}
