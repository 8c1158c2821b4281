package org.linli.grid.worker;

/** What a periodic assessment (考评) decides, with the label a screen shows. */
public enum AssessmentOutcome {
    REWARD("奖励"),
    RETAIN("留任"),
    /** The worker is to be rotated out: the appointment becomes {@code replacementDue}. */
    REPLACE("轮换");

    private final String label;

    AssessmentOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
