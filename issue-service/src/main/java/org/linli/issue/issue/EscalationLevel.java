package org.linli.issue.issue;

/** Who is responsible for an issue now: the grid, then community, street, and finally a department (吹哨). */
public enum EscalationLevel {
    GRID("网格"), COMMUNITY("社区"), STREET("街道"), DEPARTMENT("职能部门"), COUNTY("县级");

    private final String label;

    EscalationLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
