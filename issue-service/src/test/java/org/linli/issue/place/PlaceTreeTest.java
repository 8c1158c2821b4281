package org.linli.issue.place;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.linli.events.grid.GeoJsonPolygon;
import org.linli.issue.copies.CompoundCopy;
import org.linli.issue.copies.GridCopy;

class PlaceTreeTest {

    @Test
    void findsTheFinestGridAndOnASharedBorderTheSmallestId() {
        PlaceTree tree = new PlaceTree(List.of(
                grid("l1", "/l1/", square(113.0, 36.0, 0.1)),
                grid("micro-b", "/l1/micro-b/", square(113.0, 36.0, 0.01)),
                grid("micro-a", "/l1/micro-a/", square(113.01, 36.0, 0.01)),
                grid("broken", "/l1/broken/", new GeoJsonPolygon("Polygon", List.of(List.of(List.of(1.0, 1.0)))))),
                List.of(new CompoundCopy("c1", "檀溪花园", "community", "/s/community/", "micro-b", 36.005, 113.005,
                        square(113.0, 36.0, 0.005), null, Instant.EPOCH, null, null)));

        assertThat(tree.grid(36.005, 113.005)).contains("micro-b");
        assertThat(tree.grid(36.005, 113.01)).as("on the border of two micro-grids").contains("micro-a");
        assertThat(tree.grid(36.05, 113.05)).contains("l1");
        assertThat(tree.grid(35.0, 113.05)).isEmpty();
        assertThat(tree.compound(36.001, 113.001)).contains("c1");
        assertThat(tree.compound(36.009, 113.009)).isEmpty();
        assertThat(tree.size()).isEqualTo(3);
    }

    @Test
    void theCompanyInChargeIsTheOneWhoseContractIsInForce() {
        CompoundCopy compound = new CompoundCopy("c1", "n", "c", "/c/", "g", 0.0, 0.0, null, new java.util.ArrayList<>(
                List.of(new CompoundCopy.Contract("k1", "old", java.time.LocalDate.of(2020, 1, 1),
                                java.time.LocalDate.of(2025, 12, 31), false),
                        new CompoundCopy.Contract("k2", "evicted", java.time.LocalDate.of(2026, 1, 1),
                                java.time.LocalDate.of(2028, 12, 31), true),
                        new CompoundCopy.Contract("k3", "fallback", java.time.LocalDate.of(2026, 6, 1),
                                java.time.LocalDate.of(2026, 12, 31), false))), Instant.EPOCH, null, null);

        assertThat(compound.companyOn(java.time.LocalDate.of(2026, 11, 22))).isEqualTo("fallback");
        assertThat(compound.companyOn(java.time.LocalDate.of(2025, 3, 1))).isEqualTo("old");
        assertThat(compound.companyOn(java.time.LocalDate.of(2027, 3, 1))).isNull();
    }

    private static GridCopy grid(String id, String path, GeoJsonPolygon boundary) {
        return new GridCopy(id, "MICRO", id, null, path, "community", boundary, Instant.EPOCH);
    }

    private static GeoJsonPolygon square(double west, double south, double size) {
        return new GeoJsonPolygon("Polygon", List.of(List.of(List.of(west, south), List.of(west + size, south),
                List.of(west + size, south + size), List.of(west, south + size), List.of(west, south))));
    }
}
