package org.linli.org.committee;

/** What kind of body represents a compound's owners (DOMAIN.md §1), with the label a screen shows. */
public enum CommitteeKind {
    /** 业主委员会: elected by the owners' assembly. */
    OWNERS_COMMITTEE("业主委员会"),
    /** 物业管理委员会: interim committee where no owners' committee can be formed yet. */
    INTERIM_PROPERTY_COMMITTEE("物业管理委员会");

    private final String label;

    CommitteeKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
