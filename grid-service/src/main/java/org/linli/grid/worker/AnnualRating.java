package org.linli.grid.worker;

/** An alley chief's annual rating, with the label a screen shows. */
public enum AnnualRating {
    EXCELLENT("优秀"),
    COMPETENT("称职"),
    INCOMPETENT("不称职");

    private final String label;

    AnnualRating(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
