package org.linli.property.trust;

/** The direction of a trust-account line; a correction is never an edit but a REVERSAL of the whole line. */
public enum EntryKind {
    INCOME("收入"),
    EXPENSE("支出"),
    REVERSAL("冲正");

    private final String label;

    EntryKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
