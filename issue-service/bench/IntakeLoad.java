import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sustained issue submissions through the gateway: {@code java IntakeLoad.java} (JDK 17+, no
 * dependencies). Settings from the environment: GW (http://localhost:8080), TOKEN (bearer token of an
 * account that may report, required), LAT/LNG (a point inside a known grid), CLIENTS (16), WARMUP
 * and DURATION in seconds (60, 60). Each request is a JSON POST /api/v1/issues with a fresh
 * Idempotency-Key. Prints one Markdown row: clients, submissions, per second, p50, p99, max, errors.
 */
public class IntakeLoad {

    public static void main(String[] args) throws Exception {
        String gateway = env("GW", "http://localhost:8080");
        String token = env("TOKEN", null);
        if (token == null) {
            System.err.println("TOKEN is required (a bearer token of a RESIDENT or admin account)");
            System.exit(2);
        }
        String lat = env("LAT", "36.2004");
        String lng = env("LNG", "113.4006");
        int clients = Integer.parseInt(env("CLIENTS", "16"));
        long warmUp = Long.parseLong(env("WARMUP", "60"));
        long duration = Long.parseLong(env("DURATION", "60"));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI uri = URI.create(gateway + "/api/v1/issues");
        System.err.println("warming up for " + warmUp + " s…");
        run(http, uri, token, lat, lng, clients, warmUp);
        System.err.println("measuring for " + duration + " s…");
        long[][] result = run(http, uri, token, lat, lng, clients, duration);
        long[] latencies = result[0];
        Arrays.sort(latencies);
        System.out.println("| clients | submissions | per second | p50 ms | p99 ms | max ms | errors |");
        System.out.println("|---|---|---|---|---|---|---|");
        System.out.printf("| %d | %d | %.0f | %.1f | %.1f | %.1f | %d |%n", clients, latencies.length,
                latencies.length / (double) duration, at(latencies, 0.5), at(latencies, 0.99),
                latencies.length == 0 ? 0 : latencies[latencies.length - 1] / 1e6, result[1][0]);
    }

    private static long[][] run(HttpClient http, URI uri, String token, String lat, String lng, int clients,
                                long seconds) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong errors = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<long[]>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                long[] latencies = new long[1 << 14];
                int n = 0;
                while (System.nanoTime() < end) {
                    String body = "{\"category\": \"ENVIRONMENT\", \"description\": \"压测：楼下垃圾桶满了\", \"lat\": "
                            + lat + ", \"lng\": " + lng + "}";
                    HttpRequest request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                            .header("Authorization", "Bearer " + token)
                            .header("Idempotency-Key", UUID.randomUUID().toString())
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    long started = System.nanoTime();
                    try {
                        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() != 201) {
                            errors.incrementAndGet();
                            continue;
                        }
                    } catch (java.io.IOException e) {
                        errors.incrementAndGet();
                        continue;
                    }
                    if (n == latencies.length) {
                        latencies = Arrays.copyOf(latencies, n * 2);
                    }
                    latencies[n++] = System.nanoTime() - started;
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> future : futures) {
            all.add(future.get());
        }
        pool.shutdown();
        return new long[][] {all.stream().flatMapToLong(Arrays::stream).toArray(), {errors.get()}};
    }

    private static double at(long[] sorted, double quantile) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * quantile))] / 1e6;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
