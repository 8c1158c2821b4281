package org.linli.org.member;

/** How a party member relates to the community (DOMAIN.md §1), with the label a screen shows. */
public enum MemberKind {
    /** 住户党员: lives in the community and belongs to its branch. */
    RESIDENT("住户党员"),
    /** 在职党员: belongs to a workplace organisation and registers at the residence community too (双报到). */
    IN_SERVICE("在职党员");

    private final String label;

    MemberKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
