package org.linli.org.committee;

/** Where a reported major decision stands with the community. */
public enum DecisionStatus {
    /** 已报告: waiting for the community. */
    REPORTED("已报告"),
    /** 已同意 */
    ACKNOWLEDGED("已同意"),
    /** 已驳回 */
    REJECTED("已驳回");

    private final String label;

    DecisionStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
