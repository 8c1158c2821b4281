package org.linli.grid.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.linli.grid.grid.Grids.COMMUNITY;
import static org.linli.grid.grid.Grids.NOW;
import static org.linli.grid.grid.Grids.rectangle;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.linli.platform.domain.BusinessRuleViolation;

class GridTest {

    @Test
    void aGridWithoutParentMustBeLevelOne() {
        assertThatThrownBy(() -> Grid.root(GridLevel.LEVEL_2, "片区", COMMUNITY, null, rectangle(0, 0, 0.01, 0.01),
                List.of(), NOW))
                .isInstanceOfSatisfying(BusinessRuleViolation.class, e -> assertThat(e.code()).isEqualTo("invalid-grid-level"));
    }

    @Test
    void aChildIsFinerThanItsParentAndAMicroGridFitsUnderAnyLevelButAnotherMicroGrid() {
        Grid level1 = Grids.level1();
        Grid level3 = level1.createChild(GridLevel.LEVEL_3, "楼片", null, rectangle(0, 0, 0.01, 0.01), List.of(), NOW);
        Grid micro = level3.createChild(GridLevel.MICRO, "微网格", null, rectangle(0, 0, 0.005, 0.005), List.of(), NOW);
        assertThat(level1.createChild(GridLevel.MICRO, "微网格", null, rectangle(0.01, 0.01, 0.02, 0.02), List.of(), NOW)
                .level()).isEqualTo(GridLevel.MICRO);

        assertThatThrownBy(() -> level3.createChild(GridLevel.LEVEL_2, "片区", null, rectangle(0, 0, 0.005, 0.005),
                List.of(), NOW))
                .isInstanceOfSatisfying(BusinessRuleViolation.class, e -> assertThat(e.code()).isEqualTo("invalid-grid-level"));
        assertThatThrownBy(() -> micro.createChild(GridLevel.MICRO, "微网格", null, rectangle(0, 0, 0.001, 0.001),
                List.of(), NOW))
                .isInstanceOfSatisfying(BusinessRuleViolation.class, e -> assertThat(e.code()).isEqualTo("invalid-grid-level"));
        assertThat(micro.path()).isEqualTo(level1.path() + level3.id() + "/" + micro.id() + "/");
        assertThat(micro.communityPath()).isEqualTo(COMMUNITY.path());
    }

    @Test
    void refusesASelfIntersectingBoundaryAndSaysWhere() {
        Boundary bowTie = new Boundary("Polygon", List.of(List.of(List.of(113.4, 36.2), List.of(113.41, 36.21),
                List.of(113.41, 36.2), List.of(113.4, 36.21), List.of(113.4, 36.2))));

        assertThatThrownBy(() -> Grid.root(GridLevel.LEVEL_1, "网格", COMMUNITY, null, bowTie, List.of(), NOW))
                .isInstanceOfSatisfying(BusinessRuleViolation.class, e -> {
                    assertThat(e.code()).isEqualTo("invalid-boundary");
                    assertThat(e.getMessage()).contains("Self-intersection").contains("113.405");
                });
    }

    @Test
    void refusesAnOpenRingTooFewPositionsAndANonPolygon() {
        Boundary open = new Boundary("Polygon", List.of(List.of(List.of(113.4, 36.2), List.of(113.41, 36.2),
                List.of(113.41, 36.21), List.of(113.4, 36.21))));
        Boundary triangleWithoutClosing = new Boundary("Polygon", List.of(List.of(List.of(113.4, 36.2),
                List.of(113.41, 36.2), List.of(113.41, 36.21))));
        Boundary point = new Boundary("Point", List.of());

        assertThatThrownBy(() -> Grid.root(GridLevel.LEVEL_1, "网格", COMMUNITY, null, open, List.of(), NOW))
                .hasMessageContaining("not closed");
        assertThatThrownBy(() -> Grid.root(GridLevel.LEVEL_1, "网格", COMMUNITY, null, triangleWithoutClosing, List.of(), NOW))
                .hasMessageContaining("at least 4 positions");
        assertThatThrownBy(() -> Grid.root(GridLevel.LEVEL_1, "网格", COMMUNITY, null, point, List.of(), NOW))
                .isInstanceOfSatisfying(BusinessRuleViolation.class, e -> assertThat(e.code()).isEqualTo("invalid-boundary"));
    }

    @Test
    void aChildMustLieInsideItsParentWithinTheTolerance() {
        Grid level1 = Grids.level1();

        assertThatThrownBy(() -> level1.createChild(GridLevel.LEVEL_2, "片区", null, rectangle(0.015, 0, 0.025, 0.01),
                List.of(), NOW))
                .isInstanceOfSatisfying(BusinessRuleViolation.class, e -> assertThat(e.code()).isEqualTo("outside-parent"));
        // sticks out by 0.2% of its area: drawing slack, accepted
        assertThat(level1.createChild(GridLevel.LEVEL_2, "片区", null, rectangle(0.01, 0, 0.02002, 0.01), List.of(), NOW))
                .isNotNull();
    }

    @Test
    void refusesAnOverlappingSiblingNamingItButAcceptsOneThatOnlySharesABorder() {
        Grid level1 = Grids.level1();
        Grid west = level1.createChild(GridLevel.LEVEL_2, "西片区", null, rectangle(0, 0, 0.01, 0.02), List.of(), NOW);

        assertThatThrownBy(() -> level1.createChild(GridLevel.LEVEL_2, "东片区", null, rectangle(0.008, 0, 0.02, 0.02),
                List.of(west), NOW))
                .isInstanceOfSatisfying(BusinessRuleViolation.class, e -> {
                    assertThat(e.code()).isEqualTo("overlaps-sibling");
                    assertThat(e.arguments()).contains("西片区", west.id());
                });
        Grid east = level1.createChild(GridLevel.LEVEL_2, "东片区", null, rectangle(0.01, 0, 0.02, 0.02), List.of(west), NOW);
        assertThat(east.parentId()).isEqualTo(level1.id());
    }

    @Test
    void measuresTheAreaOfAKnownRectangleWithinOnePercent() {
        Grid grid = Grids.level1();
        double radius = 6_371_008.8;
        double expected = radius * radius * Math.toRadians(0.02)
                * (Math.sin(Math.toRadians(36.22)) - Math.sin(Math.toRadians(36.2)));

        assertThat(grid.areaSquareMetres()).isCloseTo(expected, org.assertj.core.data.Percentage.withPercentage(1));
        assertThat(grid.areaSquareMetres()).isBetween(3.9e6, 4.0e6);
    }

    @Test
    void aNewBoundaryMustStillHoldTheChildren() {
        Grid level1 = Grids.level1();
        Grid child = level1.createChild(GridLevel.LEVEL_2, "片区", null, rectangle(0.01, 0.01, 0.02, 0.02), List.of(), NOW);

        assertThatThrownBy(() -> level1.changeBoundary(rectangle(0, 0, 0.01, 0.01), null, List.of(level1), List.of(child), NOW))
                .isInstanceOfSatisfying(BusinessRuleViolation.class, e -> assertThat(e.code()).isEqualTo("child-outside"));
        level1.changeBoundary(rectangle(0, 0, 0.03, 0.03), null, List.of(level1), List.of(child), NOW);
        assertThat(level1.pendingEvents()).hasSize(2);
    }
}
