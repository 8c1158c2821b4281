package org.linli.grid.grid;

/** Grid levels (DOMAIN.md §2), coarse to fine, with the label a screen shows. */
public enum GridLevel {
    /** 一级网格: a community. */
    LEVEL_1("一级网格（社区）"),
    /** 二级网格: an area or jurisdiction. */
    LEVEL_2("二级网格（片区）"),
    /** 三级网格: buildings and their population. */
    LEVEL_3("三级网格（楼栋）"),
    /** 微网格: the smallest unit, also the smallest emergency unit. */
    MICRO("微网格");

    private final String label;

    GridLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether a grid of this level may sit under a parent of that level: strictly finer, a micro-grid under any level. */
    boolean fitsUnder(GridLevel parent) {
        return parent != MICRO && ordinal() > parent.ordinal();
    }
}
