package org.linli.e2e.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HistoryBatchesTest {

    private static final Instant NOW = Instant.parse("2026-12-06T02:00:00Z");
    private static final List<HistoryBatches.Point> POINTS = List.of(new HistoryBatches.Point(31.95, 112.05),
            new HistoryBatches.Point(31.96, 112.06));

    @Test
    void splitsIntoFullBatchesWithALastPartialOneAndUniqueIds() {
        HistoryBatches history = new HistoryBatches(POINTS, NOW, 2 * HistoryBatches.BATCH + 100);

        assertThat(history.count()).isEqualTo(3);
        assertThat(records(history, 0)).hasSize(HistoryBatches.BATCH);
        assertThat(records(history, 2)).hasSize(100);
        Set<Object> ids = new HashSet<>();
        for (int batch = 0; batch < history.count(); batch++) {
            records(history, batch).forEach(record -> ids.add(record.get("sourceRecordId")));
        }
        assertThat(ids).hasSize(2 * HistoryBatches.BATCH + 100);
        assertThat(history.batch(0)).containsEntry("source", "12345");
    }

    @Test
    void spreadsOverTwelveMonthsInEveryImportableStateWithEveryTimeInThePastAndInOrder() {
        List<Map<String, Object>> all = new ArrayList<>();
        HistoryBatches history = new HistoryBatches(POINTS, NOW, 2_000);
        for (int batch = 0; batch < history.count(); batch++) {
            all.addAll(records(history, batch));
        }

        assertThat(all).extracting(record -> record.get("status")).containsOnly("REPORTED", "DISPATCHED",
                "OPEN_FOR_CLAIM", "ON_SITE", "IN_PROGRESS", "RESOLVED", "CLOSED", "REJECTED");
        Instant first = Instant.parse((String) all.get(0).get("receivedAt"));
        Instant last = Instant.parse((String) all.get(all.size() - 1).get("receivedAt"));
        assertThat(Duration.between(first, NOW)).isEqualTo(Duration.ofDays(365));
        assertThat(Duration.between(first, last)).isGreaterThan(Duration.ofDays(355));
        for (Map<String, Object> record : all) {
            Instant received = Instant.parse((String) record.get("receivedAt"));
            Instant resolved = time(record, "resolvedAt", received);
            Instant closed = time(record, "closedAt", resolved);
            assertThat(received).isBeforeOrEqualTo(resolved);
            assertThat(resolved).isBeforeOrEqualTo(closed);
            assertThat(closed).isBefore(NOW);
            assertThat(record.containsKey("rating")).isEqualTo("CLOSED".equals(record.get("status")));
        }
    }

    @Test
    void householdsFillTwentyPerBuildingAndNeedEnoughBuildings() {
        HouseholdBatches register = new HouseholdBatches(List.of("b-0", "b-1"), 40);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> entries = (List<Map<String, Object>>) register.batch(0).get("households");

        assertThat(entries).hasSize(40);
        assertThat(entries.get(19)).containsEntry("buildingId", "b-0");
        assertThat(entries.get(20)).containsEntry("buildingId", "b-1");
        assertThat(entries).extracting(entry -> entry.get("registerId")).doesNotHaveDuplicates();
        assertThat(HouseholdBatches.buildingsFor(100_000)).isEqualTo(5_000);
        assertThatThrownBy(() -> new HouseholdBatches(List.of("b-0"), 21)).isInstanceOf(IllegalArgumentException.class);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> records(HistoryBatches history, int batch) {
        return (List<Map<String, Object>>) history.batch(batch).get("records");
    }

    private static Instant time(Map<String, Object> record, String field, Instant fallback) {
        Object value = record.get(field);
        return value == null ? fallback : Instant.parse((String) value);
    }
}
