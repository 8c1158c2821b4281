package org.linli.grid.station;

/** Posts a party member on duty or a volunteer takes at a station, with labels. */
public enum DutyPost {
    RECEPTION("接待服务"),
    MEDIATION("矛盾调解"),
    SAFETY("安全巡查"),
    HYGIENE("环境卫生"),
    POLICY_ADVICE("政策宣讲"),
    ELDERLY_CARE("助老服务"),
    OTHER("其他");

    private final String label;

    DutyPost(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
