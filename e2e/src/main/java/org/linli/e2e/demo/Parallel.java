package org.linli.e2e.demo;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/** Runs one action per item on a few threads (the gateway's rate limit is the real bound) and fails with the first failure. */
final class Parallel implements AutoCloseable {

    private final ExecutorService pool;

    Parallel(int threads) {
        pool = Executors.newFixedThreadPool(threads);
    }

    <T> void each(List<T> items, Consumer<T> action) {
        List<Future<?>> running = items.stream().<Future<?>>map(item -> pool.submit(() -> action.accept(item))).toList();
        for (Future<?> future : running) {
            try {
                future.get();
            } catch (ExecutionException e) {
                running.forEach(f -> f.cancel(true));
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
