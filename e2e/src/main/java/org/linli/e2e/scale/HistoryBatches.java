package org.linli.e2e.scale;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A county-year of 12345 hotline history as import batches: record {@code i} of {@code total} is received
 * at an even step across the twelve months before {@code now} (the last four days left out, so that every
 * resolution and close lies in the past), at a point inside one of the county's micro-grids (round robin),
 * in one of every importable state (mostly CLOSED, as real history is) with consistent times. Deterministic:
 * the same {@code total} gives the same record ids, so a second load answers duplicates.
 */
public final class HistoryBatches {

    public static final int BATCH = 500;
    static final Duration YEAR = Duration.ofDays(365);
    static final Duration SETTLED = Duration.ofDays(4);
    /** Twenty states per cycle: 12 CLOSED, 2 RESOLVED, 1 REJECTED and one of each open state. */
    static final List<String> STATES = List.of("CLOSED", "CLOSED", "CLOSED", "REPORTED", "CLOSED", "CLOSED",
            "DISPATCHED", "CLOSED", "RESOLVED", "CLOSED", "OPEN_FOR_CLAIM", "CLOSED", "CLOSED", "ON_SITE", "CLOSED",
            "REJECTED", "CLOSED", "IN_PROGRESS", "RESOLVED", "CLOSED");
    static final List<String> CATEGORIES = List.of("PROPERTY_REPAIR", "ENVIRONMENT", "ROAD_AND_LIGHTING", "PARKING",
            "NOISE", "NEIGHBOUR_DISPUTE", "ILLEGAL_CONSTRUCTION", "UTILITIES", "SAFETY_HAZARD", "OTHER");

    private final List<Point> points;
    private final Instant now;
    private final int total;

    /** A point inside a micro-grid (WGS-84). */
    public record Point(double lat, double lng) {
    }

    public HistoryBatches(List<Point> points, Instant now, int total) {
        if (points.isEmpty()) {
            throw new IllegalArgumentException("no micro-grid to place issues in");
        }
        this.points = List.copyOf(points);
        this.now = now.truncatedTo(ChronoUnit.SECONDS);
        this.total = total;
    }

    public int count() {
        return (total + BATCH - 1) / BATCH;
    }

    /** The body of batch {@code number} (0-based): {@code {source, records}}. */
    public Map<String, Object> batch(int number) {
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = number * BATCH; i < Math.min(total, (number + 1) * BATCH); i++) {
            records.add(record(i));
        }
        return Map.of("source", "12345", "records", records);
    }

    Map<String, Object> record(int i) {
        long span = YEAR.minus(SETTLED).toSeconds();
        Instant received = now.minus(YEAR).plusSeconds(span * i / Math.max(1, total));
        String state = STATES.get(i % STATES.size());
        String category = CATEGORIES.get(i % CATEGORIES.size());
        Point point = points.get(i % points.size());
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("sourceRecordId", String.format("SCALE-%07d", i));
        record.put("receivedAt", received.toString());
        record.put("category", category);
        record.put("title", "12345 工单 " + i);
        record.put("description", "市民来电反映：" + category + " 问题，请网格核实处理。");
        record.put("location", Map.of("lat", point.lat(), "lng", point.lng()));
        record.put("reporterName", "来电人" + (i % 997));
        record.put("reporterPhone", String.format("139%08d", i % 100_000_000));
        record.put("status", state);
        Instant resolved = received.plus(Duration.ofHours(1 + i % 47));
        switch (state) {
            case "RESOLVED" -> record.put("resolvedAt", resolved.toString());
            case "CLOSED" -> {
                record.put("resolvedAt", resolved.toString());
                record.put("closedAt", resolved.plus(Duration.ofDays(1)).toString());
                record.put("rating", 1 + i % 5);
                record.put("note", "已处理");
            }
            case "REJECTED" -> {
                record.put("closedAt", received.plus(Duration.ofMinutes(30)).toString());
                record.put("note", "不属于受理范围");
            }
            default -> {
                // an open state: no resolution yet
            }
        }
        return record;
    }
}
