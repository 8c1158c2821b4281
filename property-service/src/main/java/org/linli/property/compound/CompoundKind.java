package org.linli.property.compound;

/** What kind of compound (小区) it is, by who built and owns it. */
public enum CompoundKind {
    COMMERCIAL("大产权小区"),
    VILLAGE_BUILT("村建小区"),
    WORK_UNIT("单位家属院");

    private final String label;

    CompoundKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
