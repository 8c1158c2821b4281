package org.linli.grid.household;

/** Special groups (特殊群体, DOMAIN.md §2): a household in any of them is a key household (重点户). */
public enum SpecialGroup {
    ELDERLY_ALONE("独居老人"),
    DISABLED("残疾人"),
    HARDSHIP("困难家庭"),
    LEFT_BEHIND_CHILD("留守儿童"),
    OTHER("其他");

    private final String label;

    SpecialGroup(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
