package org.linli.org.branchrating;

/**
 * A resident's verdict on their party branch (支部好不好，群众说了算), the three grades of the usual
 * 满意度测评, with the points an average is taken over: 满意 3, 基本满意 2, 不满意 1.
 */
public enum Score {
    /** 满意. */
    SATISFIED("满意", 3),
    /** 基本满意. */
    BASICALLY_SATISFIED("基本满意", 2),
    /** 不满意. */
    DISSATISFIED("不满意", 1);

    private final String label;
    private final int points;

    Score(String label, int points) {
        this.label = label;
        this.points = points;
    }

    public String label() {
        return label;
    }

    int points() {
        return points;
    }

    /** Whether it counts towards the satisfaction rate (满意率 = 满意 + 基本满意 over all responses). */
    boolean satisfied() {
        return this != DISSATISFIED;
    }
}
