package org.linli.org.duty;

/**
 * A duty role a person holds in a unit's subtree, whose work is measured against a duty quota (履职清单), with the
 * label a screen shows. Who holds one is recorded by a {@link DutyAssignment}.
 */
public enum DutyRole {
    /** 包联干部: a cadre linked to a community or grid; Pingshun's 四个一 (一张网、一个站、一盘棋、一家亲). */
    LINKED_CADRE("包联干部"),
    /** 红色巷长: the alley chief of a village or old quarter; Basuo's 三帮五督 task list. */
    ALLEY_CHIEF("红色巷长"),
    /** 网格员: the worker of a grid or micro-grid (patrols, visits, information). */
    GRID_WORKER("网格员"),
    /** 党员单元长: the party member leading a building unit, linked to its special-group households. */
    UNIT_LEADER("党员单元长"),
    /** 党员中心户: the party member household at the bottom of the five-level organisation. */
    PARTY_MEMBER_CENTRAL_HOUSEHOLD("党员中心户");

    private final String label;

    DutyRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
