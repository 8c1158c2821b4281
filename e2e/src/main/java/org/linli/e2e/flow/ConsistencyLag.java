package org.linli.e2e.flow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.linli.e2e.client.Gateway;

/**
 * The consistency benchmark of issue #8: runs every flow {@code runs} times ({@code parallel} at a time,
 * each on fresh data of its own) against the running stack and reports, per measured lag, p50 and p99
 * (nearest rank: with 20 runs p99 is the slowest) — printed and written as a Markdown table.
 */
public final class ConsistencyLag {

    private final Gateway gateway;
    private final int runs;
    private final int parallel;

    public ConsistencyLag(Gateway gateway, int runs, int parallel) {
        this.gateway = gateway;
        this.runs = runs;
        this.parallel = parallel;
    }

    public String measure(List<Flow> flows) {
        StringBuilder table = new StringBuilder("| flow | lag: from the request … until the last service shows it | runs | p50 | p99 | max |\n"
                + "|---|---|---:|---:|---:|---:|\n");
        for (Flow flow : flows) {
            Map<String, List<Duration>> lags = new LinkedHashMap<>();
            for (FlowResult result : runAll(flow)) {
                result.lags().forEach((what, lag) -> lags.computeIfAbsent(what, k -> new ArrayList<>()).add(lag));
            }
            lags.forEach((what, values) -> {
                Collections.sort(values);
                String row = String.format("| %s | %s | %d | %s | %s | %s |", flow.name(), what, values.size(),
                        millis(percentile(values, 50)), millis(percentile(values, 99)), millis(values.get(values.size() - 1)));
                System.out.println(row);
                table.append(row).append('\n');
            });
        }
        return table.toString();
    }

    public void write(Path file, String table) {
        String page = "# Consistency lag across services\n\n"
                + "Measured on " + LocalDate.now() + " against a stack started with `./linli up --detach` on this "
                + "machine (2 cores, all JVMs and the devstack on it), through the gateway, with `" + runs
                + "` runs of each flow, " + parallel + " at a time, each on fresh data of its own:\n"
                + "`java -jar e2e/target/linli-e2e-*.jar lag --runs " + runs + " --parallel " + parallel + "`.\n\n"
                + "A lag is the time from the request that starts an effect until the last service that must show it "
                + "answers with it, polled every 20 ms through the gateway (so figures are exact to ~20 ms plus one "
                + "request). Flow a's own deadline wait (the on-site clock plus the 15 s sweep) is not a lag and is "
                + "left out. The stack ran with `LINLI_ISSUE_DEADLINES_ONSITE=20s` (flow a's wait) and "
                + "`LINLI_ISSUE_QR_PER_ADDRESS=100000` (every run reports from this one address). p99 is by nearest "
                + "rank: with fewer than 100 runs it is the slowest run.\n\n" + table;
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<FlowResult> runAll(Flow flow) {
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<FlowResult>> futures = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                futures.add(pool.submit(() -> flow.run(gateway)));
            }
            List<FlowResult> results = new ArrayList<>();
            for (Future<FlowResult> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (ExecutionException e) {
            throw new IllegalStateException(flow.name() + " failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    static Duration percentile(List<Duration> sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static String millis(Duration duration) {
        return duration.toMillis() + " ms";
    }
}
