package org.linli.org.appointment;

/** The kind of body a cross-appointment is to (双向进入、交叉任职), with the label a screen shows. */
public enum BodyKind {
    /** 社区党组织/居委会: {@code bodyId} is an org unit of type COMMUNITY_COMMITTEE. */
    COMMUNITY_COMMITTEE("社区党委"),
    /** 业委会/物管会: {@code bodyId} is an owners' committee id. */
    OWNERS_COMMITTEE("业主委员会"),
    /** 物业服务企业: {@code bodyId} is property-service's company id. */
    PROPERTY_COMPANY("物业服务企业");

    private final String label;

    BodyKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
