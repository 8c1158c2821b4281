package org.linli.grid.worker;

/** Where a grid worker is chosen from (网格员网内选), with the label a screen shows. */
public enum WorkerSource {
    CADRE("村（社区）干部"),
    AUXILIARY_STAFF("辅助人员"),
    PARTY_MEMBER("党员"),
    VOLUNTEER("志愿者");

    private final String label;

    WorkerSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
