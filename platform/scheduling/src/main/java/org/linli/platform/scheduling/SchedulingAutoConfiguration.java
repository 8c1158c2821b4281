package org.linli.platform.scheduling;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import net.javacrumbs.shedlock.support.KeepAliveLockProvider;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Scheduled jobs ({@code @Scheduled} together with {@code @SchedulerLock(name = …)}) run on one instance per tick
 * however many instances of the service run: the lock is a document of {@value #LOCKS} in the service's own
 * database (ShedLock's MongoDB provider), taken with one atomic find-and-modify.
 *
 * <p>A lock is held at most {@value #DEFAULT_LOCK_AT_MOST_FOR} unless its job still runs: the keep-alive extends
 * it while the holder works (a sweep working off a backlog after downtime runs longer than one tick). An instance
 * killed while holding a lock therefore delays that job on the others by at most that long. Jobs must still be
 * safe when they do run twice (a lock outlived by a stalled holder): the aggregates' optimistic locking and the
 * ledger's deed keys make them so.
 */
@AutoConfiguration
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = SchedulingAutoConfiguration.DEFAULT_LOCK_AT_MOST_FOR)
public class SchedulingAutoConfiguration implements DisposableBean {

    /** The collection holding one document per job: its holder and until when. */
    public static final String LOCKS = "scheduler_locks";
    static final String DEFAULT_LOCK_AT_MOST_FOR = "PT1M";

    /** Not a bean: a ScheduledExecutorService bean would replace Boot's task scheduler for every job. */
    private final ScheduledExecutorService keepAlive = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "scheduler-lock-keep-alive");
        thread.setDaemon(true);
        return thread;
    });

    @Bean
    @ConditionalOnMissingBean
    LockProvider schedulerLockProvider(MongoDatabaseFactory mongo) {
        MongoLockProvider locks = new MongoLockProvider(mongo.getMongoDatabase().getCollection(LOCKS));
        return new KeepAliveLockProvider(locks, keepAlive);
    }

    @Override
    public void destroy() {
        keepAlive.shutdownNow();
    }
}
