package org.linli.org.company;

/** How a property company is covered by the party organisation (DOMAIN.md §1). */
public enum PartyCoverageMode {
    /** 单独建: its own branch. */
    OWN_BRANCH("单独建"),
    /** 联合建: a branch shared with other companies. */
    JOINT_BRANCH("联合建"),
    /** 挂靠建: attached to another organisation's branch. */
    ATTACHED_BRANCH("挂靠建"),
    /** 选派党建指导员: an appointed party-building instructor. */
    INSTRUCTOR("党建指导员"),
    /** not yet covered. */
    NONE("未覆盖");

    private final String label;

    PartyCoverageMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    boolean needsBranch() {
        return this == OWN_BRANCH || this == JOINT_BRANCH || this == ATTACHED_BRANCH;
    }
}
