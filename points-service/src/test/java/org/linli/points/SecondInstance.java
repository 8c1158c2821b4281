package org.linli.points;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * A second points-service instance beside a test's own context (issue #18): the same embedded store and broker, the
 * same consumer group and job intervals, its own web port.
 */
public final class SecondInstance {

    private static final String[] SHARED = {"spring.kafka.bootstrap-servers", "spring.mongodb.uri",
            "spring.kafka.consumer.group-id", "linli.points.activities.settle-interval",
            "linli.points.redemptions.sweep-interval", "linli.messaging.outbox.poll-interval",
            "linli.protection.data-dir"};

    private SecondInstance() {
    }

    /** Starts it with the test context's values of the shared settings. */
    public static ConfigurableApplicationContext beside(Environment first) {
        Stream<String> shared = Stream.of(SHARED).map(key -> "--" + key + "=" + first.getRequiredProperty(key));
        return new SpringApplicationBuilder(PointsServiceApplication.class)
                .run(Stream.concat(Stream.of("--server.port=0"), shared).toArray(String[]::new));
    }

    /** Runs {@code here} and {@code there} (the same job on each instance) at the same moment; waits for both. */
    public static void atOnce(Runnable here, Runnable there) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> after(start, here));
        CompletableFuture<Void> other = CompletableFuture.runAsync(() -> after(start, there));
        start.countDown();
        CompletableFuture.allOf(first, other).get();
    }

    private static void after(CountDownLatch start, Runnable job) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        job.run();
    }
}
