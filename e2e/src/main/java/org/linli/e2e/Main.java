package org.linli.e2e;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.linli.e2e.deadletter.DeadLetterReplay;
import org.linli.events.Topics;
import org.linli.e2e.client.Gateway;
import org.linli.e2e.demo.CountySize;
import org.linli.e2e.demo.DemoCountyLoader;
import org.linli.e2e.fault.FaultSuite;
import org.linli.e2e.flow.ConsistencyLag;
import org.linli.e2e.flow.Flows;
import org.linli.e2e.privacy.LogScan;
import org.linli.e2e.privacy.StoreScan;
import org.linli.e2e.scale.LagWatch;
import org.linli.e2e.scale.ScaleFacts;
import org.linli.e2e.scale.ScaleLoader;
import org.linli.e2e.sweep.BadInputSweep;

/**
 * The e2e jar's commands (the gateway from {@code -Dlinli.gateway} or {@code LINLI_GATEWAY}):
 * <pre>
 *   demo [--size small|county]     load the demo county (password of its accounts: LINLI_DEMO_PASSWORD)
 *   lag [--runs N] [--parallel P] [--out FILE] [FLOW…]
 *                                  repeat the cross-service flows (all, or those named a, b, …) and report
 *                                  their consistency lags, p50 and p99, into FILE (docs/benchmarks/consistency-lag.md)
 *   faults [--load SECONDS] [--writers N] [--out FILE] [SCENARIO…]
 *                                  the fault suite (producer consumer store broker poison replay; default all) against
 *                                  the stack ./linli runs in this checkout; exits 1 when anything was lost, doubled or wrong
 *   replay-dead-letters --topic T.DLT --group G [--event-id ID] [--dry-run] [--bootstrap-servers HOST:PORT]
 *                                  send the dead letters that consumer group G failed back to their topic, for G
 *                                  only (Kafka from --bootstrap-servers, KAFKA_BOOTSTRAP_SERVERS or localhost:9092)
 *   scale [--issues N] [--households N] [--ledger N] [--load-only]
 *                                  bring the demo county to a county-year (defaults 100000 / 100000 / 200000;
 *                                  loads the county demo first when absent); the measuring is scripts/scale-bench
 *   scale --measure-only | scale-facts
 *                                  KEY=value lines for the benchmark script (admin token, ids, totals)
 *   lag-watch [--seconds S] [--interval I]
 *                                  every consumer group's lag on LINLI_KAFKA (localhost:9092) every I s for S s
 *   scan-logs [DIR]                valid PRC ID numbers and mainland mobile numbers in the logs under DIR (default
 *                                  .linli/logs), masked, as file:line; exits 1 on any (docs/protection.md)
 *   privacy-scan [--mongo URI]     the same in every string value of every collection of the store (default
 *                                  mongodb://localhost:27017), as collection _id field; exits 1 on any
 *   sweep [--gateway URL]          bad input to every operation of the five OpenAPI documents, with the county admin's
 *                                  token and without; exits 1 on any 5xx or any 4xx that is not problem+json with
 *                                  status, title and code (docs/e2e.md)
 * </pre>
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        List<String> arguments = Arrays.asList(args);
        String command = arguments.isEmpty() ? "" : arguments.get(0);
        if (command.equals("replay-dead-letters")) {
            replayDeadLetters(arguments);
            return;
        }
        if (command.equals("scan-logs") || command.equals("privacy-scan")) {
            System.exit(privacyScan(command, arguments));
        }
        String url = option(arguments, "--gateway", null);
        Gateway gateway = url == null ? Gateway.fromEnvironment() : new Gateway(URI.create(url.replaceAll("/+$", "")));
        switch (command) {
            case "sweep" -> {
                int failures = new BadInputSweep(gateway.base(), System.out).run(() -> gateway.admin().token());
                if (failures > 0) {
                    System.exit(1);
                }
            }
            case "demo" -> new DemoCountyLoader(gateway, System.out).load(CountySize.named(option(arguments, "--size", "small")),
                    required("LINLI_DEMO_PASSWORD"));
            case "lag" -> lag(gateway, arguments);
            case "scale" -> {
                if (arguments.contains("--measure-only")) {
                    ScaleFacts.print(gateway, System.out);
                } else {
                    new ScaleLoader(gateway, System.out).load(number(arguments, "--issues", 100_000),
                            number(arguments, "--households", 100_000), number(arguments, "--ledger", 200_000));
                }
            }
            case "scale-facts" -> ScaleFacts.print(gateway, System.out);
            case "lag-watch" -> new LagWatch(LagWatch.bootstrapFromEnvironment(), System.out).watch(
                    Duration.ofSeconds(number(arguments, "--seconds", 330)),
                    Duration.ofSeconds(number(arguments, "--interval", 5)));
            case "faults" -> faults(gateway, arguments);
            default -> {
                System.err.println("usage: demo [--size small|county] | lag [--runs N] [--parallel P] [--out FILE] [a b …]"
                        + " | scale [--issues N] [--households N] [--ledger N] | scale-facts"
                        + " | lag-watch [--seconds S] [--interval I] | sweep [--gateway URL]"
                        + " | faults [--load S] [--writers N] [--out FILE] [scenario …]"
                        + " | replay-dead-letters --topic T.DLT --group G [--event-id ID] [--dry-run]"
                        + " | scan-logs [DIR] | privacy-scan [--mongo URI]");
                System.exit(2);
            }
        }
    }

    /** 1 when a scan finds personal data, 0 when none, 2 when it cannot read what it should scan. */
    private static int privacyScan(String command, List<String> arguments) {
        try {
            List<String> dirs = positional(arguments);
            int findings = command.equals("scan-logs")
                    ? new LogScan(System.out).scan(Path.of(dirs.isEmpty() ? ".linli/logs" : dirs.get(0)))
                    : new StoreScan(System.out).scan(option(arguments, "--mongo", "mongodb://localhost:27017"));
            return findings > 0 ? 1 : 0;
        } catch (RuntimeException e) {
            System.err.println(command + ": cannot scan: " + e.getMessage());
            return 2;
        }
    }

    private static void lag(Gateway gateway, List<String> arguments) {
        int runs = Integer.parseInt(option(arguments, "--runs", "20"));
        int parallel = Integer.parseInt(option(arguments, "--parallel", "4"));
        List<String> flows = positional(arguments);
        ConsistencyLag benchmark = new ConsistencyLag(gateway, runs, parallel);
        String table = benchmark.measure(Flows.named(flows));
        benchmark.write(Path.of(option(arguments, "--out", "docs/benchmarks/consistency-lag.md")), table);
    }

    private static void faults(Gateway gateway, List<String> arguments) {
        Duration load = Duration.ofSeconds(Long.parseLong(option(arguments, "--load", "30")));
        int writers = Integer.parseInt(option(arguments, "--writers", "8"));
        List<String> named = positional(arguments);
        FaultSuite suite = new FaultSuite(gateway, load, writers, System.out);
        try {
            List<FaultSuite.Outcome> outcomes = suite.run(named.isEmpty() ? FaultSuite.ALL : named);
            String out = option(arguments, "--out", null);
            if (out != null) {
                suite.write(Path.of(out), outcomes);
            }
            if (!outcomes.stream().allMatch(FaultSuite.Outcome::held)) {
                System.exit(1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.exit(1);
        } catch (RuntimeException e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static List<String> positional(List<String> arguments) {
        return arguments.subList(1, arguments.size()).stream()
                .filter(argument -> !argument.startsWith("--") && !isOptionValue(arguments, argument)).toList();
    }

    private static void replayDeadLetters(List<String> arguments) {
        String topic = option(arguments, "--topic", null);
        String group = option(arguments, "--group", null);
        if (topic == null || group == null || !topic.endsWith(Topics.DEAD_LETTER_SUFFIX)) {
            System.err.println("usage: replay-dead-letters --topic <topic>.DLT --group <consumer group> [--event-id ID]"
                    + " [--dry-run] [--bootstrap-servers HOST:PORT]");
            System.exit(2);
        }
        String bootstrap = option(arguments, "--bootstrap-servers",
                Optional.ofNullable(System.getenv("KAFKA_BOOTSTRAP_SERVERS")).orElse("localhost:9092"));
        new DeadLetterReplay(bootstrap, System.out).replay(new DeadLetterReplay.Request(topic, group,
                option(arguments, "--event-id", null), arguments.contains("--dry-run")));
    }

    private static int number(List<String> arguments, String name, int fallback) {
        try {
            int value = Integer.parseInt(option(arguments, name, String.valueOf(fallback)));
            if (value < 0) {
                throw new NumberFormatException(name + " is negative");
            }
            return value;
        } catch (NumberFormatException e) {
            System.err.println(name + " takes a whole number ≥ 0");
            System.exit(2);
            return fallback;
        }
    }

    private static boolean isOptionValue(List<String> arguments, String argument) {
        int at = arguments.indexOf(argument);
        return at > 0 && arguments.get(at - 1).startsWith("--");
    }

    static String option(List<String> arguments, String name, String fallback) {
        int at = arguments.indexOf(name);
        return at >= 0 && at + 1 < arguments.size() ? arguments.get(at + 1) : fallback;
    }

    private static String required(String variable) {
        String value = System.getenv(variable);
        if (value == null || value.length() < 8) {
            System.err.println(variable + " must hold the demo accounts' password (8 characters or more)");
            System.exit(2);
        }
        return value;
    }
}
