package org.linli.platform.audit;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** Removes records past {@code linli.audit.retention} from the start of the chain, every {@code purge-interval}. */
class AuditPurge implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AuditPurge.class);
    private static final int BATCH = 10_000;

    private final AuditChain chain;
    private final Clock clock;
    private final Duration retention;
    private final Duration interval;
    private volatile ScheduledExecutorService scheduler;

    AuditPurge(AuditChain chain, Clock clock, Duration retention, Duration interval) {
        this.chain = chain;
        this.clock = clock;
        this.retention = retention;
        this.interval = interval;
    }

    long purge() {
        long removed = chain.purgeBefore(clock.instant().minus(retention), BATCH);
        if (removed > 0) {
            log.info("audit trail: {} records older than {} removed", removed, retention);
        }
        return removed;
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "audit-purge");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                purge();
            } catch (RuntimeException e) {
                log.warn("audit trail purge failed, next try in {}", interval, e);
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null && !scheduler.isShutdown();
    }
}
