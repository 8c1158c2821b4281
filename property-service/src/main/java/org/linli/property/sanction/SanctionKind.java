package org.linli.property.sanction;

/** Sanctions on a property company, from the mildest. */
public enum SanctionKind {
    PUBLIC_CRITICISM("通报批评"),
    SUPERVISED_ITEM("督办"),
    YELLOW_CARD("黄牌警告"),
    SUMMONS("约谈"),
    EVICTION("清退");

    private final String label;

    SanctionKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
