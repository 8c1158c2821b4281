package org.linli.points.scoring;

/** Kinds of volunteer activity (志愿服务), each with its own points per hour in a community's scoring standard. */
public enum ActivityType {
    CLEAN_UP("环境整治"),
    ELDERLY_VISIT("走访慰问"),
    MEDIATION("矛盾调解"),
    PATROL("平安巡逻"),
    PUBLICITY("政策宣传"),
    OTHER("其他服务");

    private final String label;

    ActivityType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
