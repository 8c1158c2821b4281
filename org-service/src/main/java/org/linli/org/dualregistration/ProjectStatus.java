package org.linli.org.dualregistration;

/** Where a claimed livelihood project stands. */
public enum ProjectStatus {
    /** 已认领 */
    CLAIMED("已认领"),
    /** 已完成 */
    DONE("已完成");

    private final String label;

    ProjectStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
