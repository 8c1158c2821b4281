package org.linli.org.project;

/** What a need is about, and what a resource offers: needs are matched with resources of the same category. */
public enum NeedCategory {
    /** 养老助老 */
    ELDERLY_CARE("养老助老"),
    /** 托幼托育 */
    CHILD_CARE("托幼托育"),
    /** 环境整治 */
    ENVIRONMENT("环境整治"),
    /** 设施维修 */
    FACILITY_REPAIR("设施维修"),
    /** 法律援助 */
    LEGAL_AID("法律援助"),
    /** 医疗健康 */
    HEALTH("医疗健康"),
    /** 文体活动 */
    CULTURE("文体活动"),
    /** 就业帮扶 */
    EMPLOYMENT("就业帮扶"),
    /** 平安建设 */
    SAFETY("平安建设"),
    /** 其他 */
    OTHER("其他");

    private final String label;

    NeedCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
