package org.linli.grid.station;

/** A change of a station's star rating: 晋星 (up), 降星 (down, still rated), 摘星 (down to no star). */
public enum StarChangeKind {
    PROMOTION("晋星"),
    DEMOTION("降星"),
    REMOVAL("摘星");

    private final String label;

    StarChangeKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
