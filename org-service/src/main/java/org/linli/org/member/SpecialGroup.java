package org.linli.org.member;

/** Households that need special attention; only a unit leader (单元长) is linked to them. */
public enum SpecialGroup {
    /** 独居老人 */
    ELDERLY_LIVING_ALONE("独居老人"),
    /** 空巢老人 */
    EMPTY_NEST_ELDERLY("空巢老人"),
    /** 残疾人 */
    DISABLED("残疾人"),
    /** 困难家庭 */
    HARDSHIP("困难家庭"),
    /** 留守儿童 */
    LEFT_BEHIND_CHILDREN("留守儿童");

    private final String label;

    SpecialGroup(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
