package org.linli.grid.grid;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.linli.grid.orgcopy.KnownOrgUnits;
import org.linli.grid.orgcopy.KnownOrgUnits.KnownOrgUnit;
import org.linli.platform.web.BusinessRuleViolation;
import org.springframework.stereotype.Component;

/**
 * Pingshun's grids (DOMAIN.md §2: 4 / 17 / 121) for a new user to try: 4 level-1 grids side by side
 * east of a base point near Pingshun (lat 36.2, lng 113.4), each cut into north-south strips (level 2),
 * each strip into east-west bands (level 3), each band into a west and an east micro-grid. Every child
 * tiles its parent exactly, so children lie inside and siblings only share borders; the grids go
 * through the same rules as any other.
 */
@Component
class DemoGrids {

    static final double BASE_LAT = 36.2;
    static final double BASE_LNG = 113.4;
    /** Size of a level-1 grid in degrees (about 1.8 km east-west, 2.2 km north-south). */
    private static final double SIDE = 0.02;
    private static final int[] LEVEL_2_PER_LEVEL_1 = {5, 4, 4, 4};
    private static final int LEVEL_3 = 121;

    private final GridRepository grids;
    private final KnownOrgUnits orgUnits;
    private final Clock clock;

    DemoGrids(GridRepository grids, KnownOrgUnits orgUnits, Clock clock) {
        this.grids = grids;
        this.orgUnits = orgUnits;
        this.clock = clock;
    }

    Summary load() {
        List<KnownOrgUnit> communities = orgUnits.firstOfType(KnownOrgUnits.COMMUNITY_COMMITTEE, 4);
        if (communities.size() < 4) {
            throw new BusinessRuleViolation("no-communities", "the demo grids need 4 known community party committees",
                    communities.size());
        }
        if (grids.existsByCommunityUnitIdIn(communities.stream().map(KnownOrgUnit::id).toList())) {
            throw new BusinessRuleViolation("demo-already-loaded", "the demo grids are already loaded");
        }
        int[] counts = new int[GridLevel.values().length];
        int level2Total = 0;
        for (int c = 0; c < communities.size(); c++) {
            KnownOrgUnit community = communities.get(c);
            double west = BASE_LNG + c * SIDE;
            Grid level1 = save(Grid.root(GridLevel.LEVEL_1, community.name() + "一级网格",
                    new Grid.Community(community.id(), community.path()), null,
                    Boundary.rectangle(west, BASE_LAT, west + SIDE, BASE_LAT + SIDE), grids.findByParentIdIsNull(),
                    clock.instant()), counts);
            int strips = LEVEL_2_PER_LEVEL_1[c];
            List<Grid> level2s = new ArrayList<>();
            for (int s = 0; s < strips; s++) {
                double stripWest = west + s * SIDE / strips;
                double stripEast = s == strips - 1 ? west + SIDE : west + (s + 1) * SIDE / strips;
                Grid level2 = save(level1.createChild(GridLevel.LEVEL_2, "第" + (level2Total + 1) + "片区", null,
                        Boundary.rectangle(stripWest, BASE_LAT, stripEast, BASE_LAT + SIDE), level2s, clock.instant()),
                        counts);
                level2s.add(level2);
                int bands = LEVEL_3 / 17 + (level2Total < LEVEL_3 % 17 ? 1 : 0);
                level2Total++;
                List<Grid> level3s = new ArrayList<>();
                for (int b = 0; b < bands; b++) {
                    double south = BASE_LAT + b * SIDE / bands;
                    double north = b == bands - 1 ? BASE_LAT + SIDE : BASE_LAT + (b + 1) * SIDE / bands;
                    Grid level3 = save(level2.createChild(GridLevel.LEVEL_3, level2.name() + (b + 1) + "号楼片", null,
                            Boundary.rectangle(stripWest, south, stripEast, north), level3s, clock.instant()), counts);
                    level3s.add(level3);
                    double middle = (stripWest + stripEast) / 2;
                    Grid westMicro = save(level3.createChild(GridLevel.MICRO, level3.name() + "西微网格", null,
                            Boundary.rectangle(stripWest, south, middle, north), List.of(), clock.instant()), counts);
                    save(level3.createChild(GridLevel.MICRO, level3.name() + "东微网格", null,
                            Boundary.rectangle(middle, south, stripEast, north), List.of(westMicro), clock.instant()),
                            counts);
                }
            }
        }
        return new Summary(counts[0], counts[1], counts[2], counts[3]);
    }

    private Grid save(Grid grid, int[] counts) {
        counts[grid.level().ordinal()]++;
        return grids.save(grid);
    }

    /** How many grids of each level were created. */
    record Summary(int level1, int level2, int level3, int micro) {
    }
}
