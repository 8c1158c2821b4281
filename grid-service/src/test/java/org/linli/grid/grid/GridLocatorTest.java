package org.linli.grid.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.grid.grid.Grids.NOW;
import static org.linli.grid.grid.Grids.SOUTH;
import static org.linli.grid.grid.Grids.WEST;
import static org.linli.grid.grid.Grids.rectangle;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The spatial index ({@link GridTree}) and its border rule, without Spring. */
class GridLocatorTest {

    private final Grid level1 = Grids.level1();
    private final Grid west = level1.createChild(GridLevel.MICRO, "西微网格", null, rectangle(0, 0, 0.01, 0.02), List.of(), NOW);
    private final Grid east = level1.createChild(GridLevel.MICRO, "东微网格", null, rectangle(0.01, 0, 0.02, 0.02),
            List.of(west), NOW);
    private final GridTree tree = new GridTree(List.of(level1, west, east));

    @Test
    void findsTheFinestGridContainingAPointWithItsAncestorsRootFirst() {
        assertThat(tree.locate(SOUTH + 0.005, WEST + 0.015)).hasValueSatisfying(chain ->
                assertThat(chain).extracting(GridTree.Located::id).containsExactly(level1.id(), east.id()));
    }

    @Test
    void aPointOnASharedBorderGoesToTheSiblingWithTheSmallestId() {
        String smaller = west.id().compareTo(east.id()) < 0 ? west.id() : east.id();

        assertThat(tree.locate(SOUTH + 0.005, WEST + 0.01)).hasValueSatisfying(chain ->
                assertThat(chain).extracting(GridTree.Located::id).containsExactly(level1.id(), smaller));
    }

    @Test
    void aPointOnTheOuterEdgeIsInsideAndAPointBeyondItIsOutsideEveryGrid() {
        assertThat(tree.locate(SOUTH, WEST + 0.015)).hasValueSatisfying(chain ->
                assertThat(chain).extracting(GridTree.Located::id).containsExactly(level1.id(), east.id()));
        assertThat(tree.locate(SOUTH - 0.0001, WEST + 0.015)).isEmpty();
        assertThat(tree.locate(0, 0)).isEmpty();
    }
}
