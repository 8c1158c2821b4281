package org.linli.grid.worker;

/** What an appointment makes a person (DOMAIN.md §2), with the label a screen shows. */
public enum WorkerRole {
    /** 网格员 / 微网格员: serves a grid of any level, a micro-grid's worker is a 微网格员. */
    GRID_WORKER("网格员"),
    /** 红色巷长: the same role in villages, rated once a year. */
    ALLEY_CHIEF("红色巷长");

    private final String label;

    WorkerRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
