package org.linli.platform.messaging;

import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Purges processed-event marks and applied versions older than the retention, every
 * {@code purgeInterval}: MongoDB's TTL indexes do this on a real server, the embedded store ignores them.
 */
class ProcessedEventsPurge implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProcessedEventsPurge.class);

    private final ProcessedEvents processed;
    private final MessagingProperties.Processed settings;
    private volatile ScheduledExecutorService scheduler;

    ProcessedEventsPurge(ProcessedEvents processed, MessagingProperties.Processed settings) {
        this.processed = processed;
        this.settings = settings;
    }

    void purge() {
        try {
            int deleted = processed.purgeOlderThan(Instant.now().minus(settings.retention()), settings.purgeBatch());
            if (deleted > 0) {
                log.info("purged {} processed-event mark(s) and applied version(s) older than {}", deleted,
                        settings.retention());
            }
        } catch (RuntimeException e) {
            log.warn("purging processed events failed, next try in {}: {}", settings.purgeInterval(), e.toString());
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "processed-events-purge");
            thread.setDaemon(true);
            return thread;
        });
        long interval = settings.purgeInterval().toMillis();
        started.scheduleWithFixedDelay(this::purge, interval, interval, TimeUnit.MILLISECONDS);
        scheduler = started;
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = scheduler;
        scheduler = null;
        if (running != null) {
            running.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
