package org.linli.property.trust;

/**
 * The steps of 四议两公开, in the order they must happen: four deliberations (the party organisation
 * proposes, the two committees consult, the party members' meeting reviews, the residents' or owners'
 * representatives decide), then two publications (the decision, and after the spending its implementation).
 */
public enum DeliberationStep {
    PROPOSAL("党组织提议"),
    CONSULTATION("两委会商议"),
    REVIEW("党员大会审议"),
    DECISION("居民（业主）代表会议决议"),
    RESULT_PUBLICATION("决议公开"),
    IMPLEMENTATION_PUBLICATION("实施结果公开");

    private final String label;

    DeliberationStep(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
