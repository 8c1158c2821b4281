package org.linli.org.committee;

/** A member's seat on a committee; a term has exactly one director. */
public enum MemberRole {
    /** 主任 */
    DIRECTOR("主任"),
    /** 副主任 */
    DEPUTY_DIRECTOR("副主任"),
    /** 委员 */
    MEMBER("委员");

    private final String label;

    MemberRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
