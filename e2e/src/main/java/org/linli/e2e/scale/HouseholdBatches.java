package org.linli.e2e.scale;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A county's household register as import batches for grid-service: {@code PER_BUILDING} households per
 * building (unit 1 and 2), every tenth a key household (elderly living alone). Deterministic register ids,
 * so a second load answers duplicates.
 */
public final class HouseholdBatches {

    public static final int BATCH = 500;
    public static final int PER_BUILDING = 20;

    private final List<String> buildings;
    private final int total;

    public HouseholdBatches(List<String> buildings, int total) {
        if (buildings.size() * PER_BUILDING < total) {
            throw new IllegalArgumentException(total + " households need " + buildingsFor(total) + " buildings, not "
                    + buildings.size());
        }
        this.buildings = List.copyOf(buildings);
        this.total = total;
    }

    public static int buildingsFor(int households) {
        return (households + PER_BUILDING - 1) / PER_BUILDING;
    }

    public int count() {
        return (total + BATCH - 1) / BATCH;
    }

    /** The body of batch {@code number} (0-based): {@code {households}}. */
    public Map<String, Object> batch(int number) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int i = number * BATCH; i < Math.min(total, (number + 1) * BATCH); i++) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("registerId", String.format("SCALE-HH-%07d", i));
            entry.put("buildingId", buildings.get(i / PER_BUILDING));
            entry.put("buildingUnit", i % 2 == 0 ? "1" : "2");
            entry.put("room", (i % PER_BUILDING / 2 + 1) + "01");
            entry.put("residents", 1 + i % 5);
            entry.put("headName", "户主" + i);
            entry.put("specialGroups", i % 10 == 0 ? List.of("ELDERLY_ALONE") : List.of());
            entries.add(entry);
        }
        return Map.of("households", entries);
    }
}
