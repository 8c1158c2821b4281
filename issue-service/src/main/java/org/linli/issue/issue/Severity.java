package org.linli.issue.issue;

/** How hard an issue is, which sets its solution deadline under the 5341 policy. */
public enum Severity {
    ORDINARY("一般"), COMPLEX("复杂"), MAJOR("重大");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
