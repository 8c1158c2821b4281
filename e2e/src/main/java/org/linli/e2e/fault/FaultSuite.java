package org.linli.e2e.fault;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.linli.e2e.client.Gateway;
import org.linli.e2e.client.Reply;
import org.linli.e2e.client.Session;
import org.linli.e2e.flow.Neighbourhood;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fault suite: faults done to the running stack while clients write through the gateway, then a count of
 * what was acknowledged, lost and duplicated and of the copies that disagree.
 * <ul>
 *   <li>{@code producer}, {@code consumer}, {@code store}, {@code broker}: kill -9 of org-service, of grid-service
 *       (which keeps a copy of every org unit), of the store and of Kafka in the middle of the writes, then
 *       {@code ./linli start} of the same part;</li>
 *   <li>{@code poison}: an undecodable record and an {@code OrgUnitMoved} with a blank old path written into
 *       {@code org.events}: both must end in the dead-letter topic, touch no copy and hold back no later event;</li>
 *   <li>{@code replay}: an org unit renamed twice, then its first rename (stale) and its last (duplicate) written
 *       into {@code org.events} again: no copy may go back.</li>
 * </ul>
 * Every line prints accepted / lost / duplicated / copies missing / seconds to recover.
 */
public final class FaultSuite {

    public static final List<String> ALL = List.of("producer", "consumer", "store", "broker", "poison", "replay");
    private static final Map<String, String> KILLED = Map.of("producer", "org-service", "consumer", "grid-service",
            "store", "store", "broker", "kafka");
    private static final Duration COPIES_WAIT = Duration.ofMinutes(3);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Gateway gateway;
    private final Stack stack;
    private final Duration load;
    private final int writers;
    private final PrintStream out;

    public FaultSuite(Gateway gateway, Duration load, int writers, PrintStream out) {
        this.gateway = gateway;
        this.stack = Stack.fromWorkingDirectory();
        this.load = load;
        this.writers = writers;
        this.out = out;
    }

    /** Runs the named scenarios in order; the outcomes, each also printed as it ends. */
    public List<Outcome> run(List<String> scenarios) throws InterruptedException {
        List<Outcome> outcomes = new ArrayList<>();
        out.println(Outcome.HEADER);
        for (String scenario : scenarios) {
            Outcome outcome = switch (scenario) {
                case "poison" -> poison();
                case "replay" -> replay();
                default -> killDuringWrites(scenario, KILLED.get(scenario));
            };
            out.println(outcome.line());
            outcomes.add(outcome);
        }
        return outcomes;
    }

    private Outcome killDuringWrites(String scenario, String part) throws InterruptedException {
        if (part == null) {
            throw new IllegalArgumentException("unknown scenario " + scenario + "; known: " + ALL);
        }
        Session admin = gateway.admin();
        String run = Long.toString(System.currentTimeMillis(), 36);
        String street = Neighbourhood.create(admin, "STREET_COMMITTEE", "故障演练街道" + run, null, "FIVE_LEVEL");
        UnitWriters clients = new UnitWriters(admin, street, run);
        clients.start(writers);
        Thread.sleep(load.toMillis() / 2);
        stack.kill(part);
        clients.faultHappened();
        Thread.sleep(2_000);
        stack.start(part);
        Thread.sleep(load.toMillis() / 2);
        clients.stop();
        Instant loadEnded = Instant.now();
        Session checker = gateway.admin();
        Map<String, String> acknowledged = clients.acknowledged();
        List<JsonNode> stored = children(checker, "/api/v1/org-units", street);
        Set<String> storedIds = stored.stream().map(unit -> unit.path("id").asString()).collect(Collectors.toSet());
        int lost = (int) acknowledged.values().stream().filter(id -> !storedIds.contains(id)).count();
        int duplicated = duplicates(stored);
        int missing = copiesMissing(checker, street, acknowledged.values());
        double caughtUp = Duration.between(loadEnded, Instant.now()).toMillis() / 1000.0;
        return new Outcome(scenario, "kill -9 " + part + " during " + writers + " writers", acknowledged.size(), lost,
                duplicated, missing, clients.secondsToAcceptAgain(), caughtUp,
                "retries " + clients.retried() + ", refused " + clients.refused() + ", gave up " + clients.gaveUp());
    }

    /** Names created more than once (each name is one client request). */
    private static int duplicates(List<JsonNode> units) {
        Map<String, Integer> byName = new HashMap<>();
        units.forEach(unit -> byName.merge(unit.path("name").asString(), 1, Integer::sum));
        return byName.values().stream().mapToInt(count -> count - 1).sum();
    }

    /**
     * Every unit directly under {@code parentId} as {@code listing} (org-service's units or grid-service's copies)
     * pages it: a few requests rather than one per unit, which the gateway's rate limit of 50 a second per
     * client would stretch to minutes.
     */
    private static List<JsonNode> children(Session admin, String listing, String parentId) {
        List<JsonNode> units = new ArrayList<>();
        for (int page = 0; ; page++) {
            Reply reply = admin.get(listing + "?parentId=" + parentId + "&size=200&page=" + page);
            if (reply.status() == 404) {
                return units; // grid-service has no copy of the parent yet, so none of its children either
            }
            JsonNode body = reply.ok();
            body.path("content").forEach(units::add);
            if (page + 1 >= body.path("page").path("totalPages").asInt(1)) {
                return units;
            }
        }
    }

    /** Acknowledged units under {@code parentId} grid-service still has no copy of after waiting up to three minutes. */
    private static int copiesMissing(Session admin, String parentId, Collection<String> ids) throws InterruptedException {
        Set<String> missing = new HashSet<>(ids);
        Instant deadline = Instant.now().plus(COPIES_WAIT);
        while (!missing.isEmpty() && Instant.now().isBefore(deadline)) {
            children(admin, "/api/v1/grids/org-units", parentId).forEach(copy -> missing.remove(copy.path("id").asString()));
            if (!missing.isEmpty()) {
                Thread.sleep(1_000);
            }
        }
        return missing.size();
    }

    private Outcome poison() throws InterruptedException {
        Session admin = gateway.admin();
        String run = Long.toString(System.currentTimeMillis(), 36);
        String street = Neighbourhood.create(admin, "STREET_COMMITTEE", "故障演练街道" + run, null, "FIVE_LEVEL");
        String community = Neighbourhood.create(admin, "COMMUNITY_COMMITTEE", "故障演练社区" + run, street, null);
        String pathBefore = awaitCopy(admin, street, community).path("path").asString();
        String garbageKey = "poison-garbage-" + run;
        String blankKey = "poison-blank-path-" + run;
        try (EventLog events = new EventLog()) {
            events.send("org.events", garbageKey, "{not an event");
            events.send("org.events", blankKey, envelope(blankKey, "OrgUnitMoved", Map.of("unitId", blankKey,
                    "oldParentId", street, "newParentId", street, "oldPath", "", "newPath", "poisoned/")));
            Instant sent = Instant.now();
            String later = Neighbourhood.create(admin, "COMMUNITY_COMMITTEE", "故障演练社区后" + run, street, null);
            int laterMissing = copiesMissing(admin, street, List.of(later));
            double flowed = Duration.between(sent, Instant.now()).toMillis() / 1000.0;
            String pathAfter = admin.get("/api/v1/grids/org-units/" + community).ok().path("path").asString();
            Thread.sleep(3_000);
            long deadLettered = events.read("org.events.DLT",
                    record -> garbageKey.equals(record.key()) || blankKey.equals(record.key()))
                    .stream().map(ConsumerRecord::key).distinct().count();
            int changed = pathAfter.equals(pathBefore) ? 0 : 1;
            return new Outcome("poison", "undecodable + blank-path OrgUnitMoved into org.events", 2,
                    (int) (2 - deadLettered), 0, laterMissing + changed, flowed, Double.NaN,
                    deadLettered + " of 2 in org.events.DLT, copies changed " + changed
                            + ", later event " + (laterMissing == 0 ? "delivered" : "held back"));
        }
    }

    private Outcome replay() throws InterruptedException {
        Session admin = gateway.admin();
        String run = Long.toString(System.currentTimeMillis(), 36);
        String street = Neighbourhood.create(admin, "STREET_COMMITTEE", "故障演练街道" + run, null, "FIVE_LEVEL");
        String unit = Neighbourhood.create(admin, "COMMUNITY_COMMITTEE", "改名前" + run, street, null);
        long version = admin.get("/api/v1/org-units/" + unit).ok().path("version").asLong();
        admin.patch("/api/v1/org-units/" + unit, Map.of("name", "第一次改名" + run, "version", version)).ok();
        String finalName = "第二次改名" + run;
        admin.patch("/api/v1/org-units/" + unit, Map.of("name", finalName, "version", version + 1)).ok();
        awaitCopyNamed(admin, unit, finalName);
        try (EventLog events = new EventLog()) {
            List<ConsumerRecord<String, String>> renames = events.recordsWithKey("org.events", unit).stream()
                    .filter(record -> record.value().contains("\"OrgUnitRenamed\"")).toList();
            if (renames.size() < 2) {
                throw new IllegalStateException("expected two OrgUnitRenamed records for " + unit + ", found " + renames.size());
            }
            Instant sent = Instant.now();
            events.send("org.events", unit, renames.get(0).value());
            events.send("org.events", unit, renames.get(renames.size() - 1).value());
            String marker = Neighbourhood.create(admin, "COMMUNITY_COMMITTEE", "重放之后" + run, street, null);
            copiesMissing(admin, street, List.of(marker));
            double settled = Duration.between(sent, Instant.now()).toMillis() / 1000.0;
            String name = admin.get("/api/v1/grids/org-units/" + unit).ok().path("name").asString();
            int reverted = finalName.equals(name) ? 0 : 1;
            return new Outcome("replay", "stale + duplicate OrgUnitRenamed replayed into org.events", 2, 0, 0,
                    reverted, settled, Double.NaN, "grid-service's copy named " + name);
        }
    }

    private static JsonNode awaitCopy(Session admin, String parentId, String id) throws InterruptedException {
        if (copiesMissing(admin, parentId, List.of(id)) > 0) {
            throw new IllegalStateException("grid-service never got org unit " + id);
        }
        return admin.get("/api/v1/grids/org-units/" + id).ok();
    }

    private static void awaitCopyNamed(Session admin, String id, String name) throws InterruptedException {
        Instant deadline = Instant.now().plus(COPIES_WAIT);
        while (Instant.now().isBefore(deadline)) {
            Reply copy = admin.get("/api/v1/grids/org-units/" + id);
            if (copy.status() == 200 && name.equals(copy.body().path("name").asString())) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("grid-service's copy of " + id + " never got the name " + name);
    }

    private static String envelope(String aggregateId, String type, Map<String, Object> payload) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("eventId", "fault-" + ThreadLocalRandom.current().nextLong(Long.MAX_VALUE));
        envelope.put("type", type);
        envelope.put("aggregateId", aggregateId);
        envelope.put("occurredAt", Instant.now().toString());
        envelope.put("schemaVersion", 1);
        envelope.put("payload", payload);
        return JSON.writeValueAsString(envelope);
    }

    /** Writes the outcomes as a table into {@code file}, below a heading with the date and the load. */
    public void write(Path file, List<Outcome> outcomes) {
        StringBuilder page = new StringBuilder("# Reliability: the fault suite\n\n")
                .append("Measured ").append(LocalDate.now()).append(" on this project's 2-core machine, the whole stack on it, ")
                .append(writers).append(" writers, ").append(load.toSeconds()).append(" s of writes per kill scenario ")
                .append("(`java -jar e2e/target/linli-e2e-*.jar faults`, see docs/benchmarks/README.md).\n\n")
                .append("| scenario | fault | accepted | lost | duplicated | copies missing/changed | s to accept again | s for copies after load | notes |\n")
                .append("|---|---|---:|---:|---:|---:|---:|---:|---|\n");
        outcomes.forEach(outcome -> page.append(outcome.row()).append('\n'));
        try {
            Files.writeString(file, page.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One scenario's figures. */
    public record Outcome(String scenario, String fault, int accepted, int lost, int duplicated, int copiesWrong,
                          double secondsToRecover, double secondsForCopies, String notes) {

        static final String HEADER = "scenario  accepted  lost  duplicated  copies-wrong  s-to-recover  s-copies  notes";

        public boolean held() {
            return lost == 0 && duplicated == 0 && copiesWrong == 0;
        }

        String line() {
            return String.format("%-9s %8d %5d %11d %13d %13.1f %9.1f  %s%s", scenario, accepted, lost, duplicated,
                    copiesWrong, secondsToRecover, secondsForCopies, notes, held() ? "" : "   <-- FAILED");
        }

        String row() {
            return String.format("| %s | %s | %d | %d | %d | %d | %.1f | %.1f | %s |", scenario, fault, accepted, lost,
                    duplicated, copiesWrong, secondsToRecover, secondsForCopies, notes);
        }
    }
}
