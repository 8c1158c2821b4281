package org.linli.e2e.scale;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.linli.e2e.client.Gateway;
import org.linli.e2e.client.Session;
import org.linli.e2e.demo.CountySize;
import org.linli.e2e.demo.DemoCountyLoader;
import tools.jackson.databind.JsonNode;

/**
 * {@code scale}: brings a demo county to a county-year's size through the gateway, with the services' own
 * endpoints only: the demo county (loaded when absent), then 12345 history through issue-service's import
 * (batches of 500), buildings and a household register through grid-service (buildings one by one, the
 * register in batches of 500), and points ledger entries as admin corrections (one per request: points-service
 * has no bulk credit). Prints progress and each phase's rate. Everything is idempotent: a second run answers
 * duplicates and adds nothing.
 */
public final class ScaleLoader {

    static final String BUILDING_PREFIX = "规模楼";
    private static final int IMPORT_THREADS = 2;
    private static final int SINGLE_THREADS = 8;
    /** Real accounts in org-service (points-service refuses an id no one holds); each is a bcrypt hash to make. */
    static final int LEDGER_ACCOUNTS = 1_000;
    /** Tokens last 15 minutes; the ledger phase alone takes longer (it ran out at 170,000 entries in session 18). */
    private static final Duration SIGN_IN_AGAIN_AFTER = Duration.ofMinutes(10);

    private final Gateway gateway;
    private final PrintStream out;

    public ScaleLoader(Gateway gateway, PrintStream out) {
        this.gateway = gateway;
        this.out = out;
    }

    public void load(int issues, int households, int ledger) {
        new DemoCountyLoader(gateway, out).load(CountySize.named("county"), Gateway.demoPassword());
        AdminSession admins = new AdminSession();
        List<MicroGrid> grids = ScaleFacts.microGrids(admins.current());
        out.printf("%d micro-grids in the county%s%n", grids.size(),
                grids.size() < 1000 ? " (fewer than the county size's 1072: was `--size small` loaded?)" : "");
        List<HistoryBatches.Point> points = grids.stream().map(MicroGrid::point).toList();
        if (issues > 0) {
            HistoryBatches history = new HistoryBatches(points, Instant.now(), issues);
            phase("issues (12345 history, POST /api/v1/issues/imports)", issues, IMPORT_THREADS, history.count(),
                    number -> imported(postBatch(admins.current(), "/api/v1/issues/imports", history.batch(number))));
        }
        if (households > 0) {
            List<String> buildings = buildings(admins.current(), grids, HouseholdBatches.buildingsFor(households));
            HouseholdBatches register = new HouseholdBatches(buildings, households);
            phase("households (POST /api/v1/households/imports)", households, IMPORT_THREADS, register.count(),
                    number -> imported(postBatch(admins.current(), "/api/v1/households/imports",
                            register.batch(number))));
        }
        if (ledger > 0) {
            int accountCount = Math.min(ledger, LEDGER_ACCOUNTS);
            java.util.Map<String, String> existing = ScaleAccounts.existing(admins.current());
            phase("ledger accounts (POST /api/v1/accounts)", accountCount, SINGLE_THREADS, accountCount, number -> {
                ScaleAccounts.create(admins.current(), existing, number);
                return 1;
            });
            List<String> accounts = ScaleAccounts.inOrder(admins.current(), existing, accountCount);
            phase("ledger entries (POST /api/v1/points/accounts/{id}/corrections)", ledger, SINGLE_THREADS, ledger,
                    number -> {
                        admins.current().post("/api/v1/points/accounts/" + accounts.get(number % accounts.size())
                                + "/corrections",
                                Map.of("amount", 1 + number % 20, "reference", String.format("scale:%07d", number),
                                        "note", "scale benchmark")).expect(200, 201);
                        return 1;
                    });
        }
    }

    /** The admin's session, signed in again once it is {@link #SIGN_IN_AGAIN_AFTER} old, before its token expires. */
    private final class AdminSession {

        private Session session;
        private long signedInAt;

        synchronized Session current() {
            if (session == null || System.nanoTime() - signedInAt > SIGN_IN_AGAIN_AFTER.toNanos()) {
                session = gateway.admin();
                signedInAt = System.nanoTime();
            }
            return session;
        }
    }

    /**
     * Posts an import batch; a 503 (the gateway's 10 s time limit, the service busy) is retried up to eight
     * times, which is safe because imports are idempotent: rows the first attempt stored come back as duplicates.
     */
    private JsonNode postBatch(Session admin, String path, Map<String, Object> batch) {
        for (int attempt = 1; ; attempt++) {
            org.linli.e2e.client.Reply reply = admin.post(path, batch);
            if (reply.status() != 503 || attempt == 8) {
                return reply.expect(200);
            }
            out.printf("  %s answered 503, again (attempt %d)%n", path, attempt + 1);
            try {
                Thread.sleep(2000L * Math.min(attempt, 5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    private static int imported(JsonNode answer) {
        if (answer.path("errors").size() > 0) {
            throw new AssertionError("import refused rows: " + answer.path("errors").get(0));
        }
        return answer.path("imported").asInt() + answer.path("duplicates").asInt();
    }

    /** The scale buildings, {@code needed} of them: those of an earlier run, then new ones spread over the grids. */
    private List<String> buildings(Session admin, List<MicroGrid> grids, int needed) {
        List<String> existing = new ArrayList<>(ScaleFacts.buildingsNamed(admin, BUILDING_PREFIX));
        int missing = Math.max(0, needed - existing.size());
        out.printf("buildings: %d of an earlier run, %d to create%n", existing.size(), missing);
        List<String> created = java.util.Collections.synchronizedList(new ArrayList<>());
        int offset = existing.size();
        if (missing > 0) {
            phase("buildings (POST /api/v1/households/buildings)", missing, SINGLE_THREADS, missing,
                    number -> {
                        MicroGrid grid = grids.get((offset + number) % grids.size());
                        JsonNode building = admin.post("/api/v1/households/buildings", Map.of("gridId", grid.id(),
                                "name", BUILDING_PREFIX + (offset + number), "location", Map.of("lat",
                                        grid.point().lat(), "lng", grid.point().lng()), "units", List.of("1", "2")))
                                .expect(201);
                        created.add(building.path("id").asString());
                        return 1;
                    });
        }
        existing.addAll(created);
        return existing.subList(0, needed);
    }

    /** Runs {@code tasks} tasks on {@code threads} threads, printing progress about every 5 % and the rate. */
    private void phase(String what, int items, int threads, int tasks, IntFunction<Integer> task) {
        out.printf("%s: %d in %d requests on %d threads%n", what, items, tasks, threads);
        long started = System.nanoTime();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger requests = new AtomicInteger();
        int step = Math.max(1, tasks / 20);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int number = 0; number < tasks; number++) {
                int n = number;
                futures.add(pool.submit(() -> {
                    int count = done.addAndGet(task.apply(n));
                    if (requests.incrementAndGet() % step == 0) {
                        double seconds = (System.nanoTime() - started) / 1e9;
                        out.printf("  %,d / %,d  (%.0f s, %.0f/s)%n", count, items, seconds, count / seconds);
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        out.printf("RATE %s %d %.1f %.1f%n", what.split(" ")[0], done.get(), seconds, done.get() / seconds);
    }

    /** A micro-grid with a point inside it. */
    record MicroGrid(String id, HistoryBatches.Point point) {
    }
}
