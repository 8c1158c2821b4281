package org.linli.property.evaluation;

/** Who scores an item of a scheme: spot inspections, residents (surveys and issue ratings), or the party organisation. */
public enum Scorer {
    INSPECTION("检查考评"),
    RESIDENTS("业主评价"),
    ORGANISATION("党组织评价");

    private final String label;

    Scorer(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
