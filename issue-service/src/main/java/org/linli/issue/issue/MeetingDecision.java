package org.linli.issue.issue;

/**
 * What a "1+3+N" joint meeting (联席会议) decides for one issue on its agenda, and so what happens to the issue.
 * The API binds it from JSON by name ({@code "CLOSE"}, {@code "REDIRECT"}, {@code "FOLLOW_UP"}); another value
 * answers 400 {@code invalid-request} naming the field {@code decision}. It belongs to the issue's lifecycle,
 * which applies it ({@link IssueLifecycle#applyMeetingDecision}); the meeting records it per agenda item.
 */
public enum MeetingDecision {

    /** 会议议定办结：问题在会上解决，事项直接关闭（IssueClosed）。只适用于未结束的事项。 */
    CLOSE,
    /** 会议议定转交：交由指定单位（redirectToUnitId）在职能部门层级办理，重新开始签收计时（IssueEscalated）。 */
    REDIRECT,
    /** 会议议定继续跟进：记录在案，事项状态不变，仍由现办理方继续办理。 */
    FOLLOW_UP;

    /**
     * Whether the decision can apply to an issue in {@code status}: CLOSE needs an issue not yet ended, REDIRECT
     * also not one already resolved (awaiting its rating), FOLLOW_UP changes nothing and always can.
     */
    boolean appliesTo(IssueStatus status) {
        return switch (this) {
            case CLOSE -> status.open();
            case REDIRECT -> status.open() && status != IssueStatus.RESOLVED;
            case FOLLOW_UP -> true;
        };
    }
}
