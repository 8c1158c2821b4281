package org.linli.grid.station;

/** The eight items of the "八有" standard for a service station, with labels. */
public enum EightHave {
    CODE("有统一编码"),
    SIGN("有标识标牌"),
    FACILITIES("有场所设施"),
    RULES("有管理制度"),
    TEAM("有服务队伍"),
    ACTIVITIES("有常态活动"),
    SERVICE("有服务项目"),
    FUNDING("有经费保障");

    private final String label;

    EightHave(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
