package org.linli.issue.issue;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an issue stands. The happy path: REPORTED → DISPATCHED (or OPEN_FOR_CLAIM → CLAIMED) →
 * ON_SITE → IN_PROGRESS → RESOLVED → CLOSED; besides REJECTED and DUPLICATE (ends), HELD (挂账, an
 * approved pause) and REOPENED (a bad rating or "not fixed").
 */
public enum IssueStatus {
    REPORTED("已受理"), DISPATCHED("已派单"), OPEN_FOR_CLAIM("待认领"), CLAIMED("已认领"), ON_SITE("已到场"),
    IN_PROGRESS("处理中"), HELD("挂账"), RESOLVED("已办结待评价"), REOPENED("已重启"), CLOSED("已关闭"),
    REJECTED("不予受理"), DUPLICATE("重复件");

    /** Statuses in which nobody has arrived yet: the on-site clock runs. */
    static final Set<IssueStatus> BEFORE_ON_SITE = EnumSet.of(REPORTED, DISPATCHED, OPEN_FOR_CLAIM, CLAIMED, REOPENED);
    /** Statuses in which the solution clock runs. */
    static final Set<IssueStatus> UNSOLVED = EnumSet.of(REPORTED, DISPATCHED, OPEN_FOR_CLAIM, CLAIMED, ON_SITE,
            IN_PROGRESS, REOPENED);
    /** Statuses an issue never leaves. */
    static final Set<IssueStatus> FINAL = EnumSet.of(CLOSED, REJECTED, DUPLICATE);

    private final String label;

    IssueStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Open in the Open311 sense: not closed, rejected or merged. */
    public boolean open() {
        return !FINAL.contains(this);
    }
}
