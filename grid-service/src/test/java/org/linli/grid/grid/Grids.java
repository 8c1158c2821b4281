package org.linli.grid.grid;

import java.time.Instant;
import java.util.List;

/** Object Mother for grids: a level-1 grid of 0.02° square at the demo base point, and rectangles in it. */
final class Grids {

    static final Instant NOW = Instant.parse("2026-11-21T08:30:00Z");
    static final Grid.Community COMMUNITY = new Grid.Community("community-1", "/street-1/community-1/");
    static final double WEST = 113.4;
    static final double SOUTH = 36.2;

    private Grids() {
    }

    static Grid level1() {
        return Grid.root(GridLevel.LEVEL_1, "檀溪社区一级网格", COMMUNITY, null, rectangle(0, 0, 0.02, 0.02), List.of(), NOW);
    }

    /** A rectangle offset from the base point by degrees east and north. */
    static Boundary rectangle(double west, double south, double east, double north) {
        return Boundary.rectangle(WEST + west, SOUTH + south, WEST + east, SOUTH + north);
    }
}
