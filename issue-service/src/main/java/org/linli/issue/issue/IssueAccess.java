package org.linli.issue.issue;

import java.util.Set;
import org.linli.platform.web.Caller;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who may see and change an issue. The reporter sees their own; grid workers, party members and
 * admins see the issues of communities their scope covers (issues in the county queue, with no
 * community, only county-wide accounts); department staff see what has been escalated to their
 * department. Outside: 403.
 */
final class IssueAccess {

    static final Set<String> ADMINS = Set.of("COMMUNITY_ADMIN", "STREET_ADMIN", "COUNTY_ADMIN");
    private static final Set<String> SCOPED_STAFF = Set.of("GRID_WORKER", "PARTY_MEMBER", "COMMUNITY_ADMIN",
            "STREET_ADMIN", "COUNTY_ADMIN");

    private IssueAccess() {
    }

    static boolean isAdmin(Caller caller) {
        return ADMINS.stream().anyMatch(caller::hasRole);
    }

    static boolean isScopedStaff(Caller caller) {
        return SCOPED_STAFF.stream().anyMatch(caller::hasRole);
    }

    static boolean canRead(Caller caller, Issue issue) {
        return issue.reportedBy(caller.accountId()) || issue.handledBy(caller.accountId())
                || (isScopedStaff(caller) && caller.covers(issue.communityPath()))
                || department(caller, issue);
    }

    static boolean department(Caller caller, Issue issue) {
        return caller.hasRole("DEPARTMENT_STAFF") && issue.level() == EscalationLevel.DEPARTMENT
                && (caller.isCountyWide() || caller.orgUnitId().equals(issue.departmentUnitId()));
    }

    /** Admins whose scope covers the issue's community. */
    static void requireAdmin(Caller caller, Issue issue) {
        if (!(isAdmin(caller) && caller.covers(issue.communityPath()))) {
            throw new AccessDeniedException("not an admin of the issue's community");
        }
    }

    /** Who may go on site, work on and resolve: the assignee or claimant, grid workers and admins of the community, the called department. */
    static void requireHandler(Caller caller, Issue issue) {
        boolean scoped = caller.covers(issue.communityPath());
        boolean allowed = issue.handledBy(caller.accountId())
                || ((caller.hasRole("GRID_WORKER") || isAdmin(caller)) && scoped)
                || department(caller, issue);
        if (!allowed) {
            throw new AccessDeniedException("not a handler of the issue");
        }
    }

    /**
     * Who may give a report its original time ({@code receivedAt}): county-wide admins, who feed in what the
     * county's other systems received (API keys over Open311 are county systems too). Others: 403.
     */
    static void requireCountyIntake(Caller caller) {
        if (!(caller.isCountyWide() && isAdmin(caller))) {
            throw new AccessDeniedException("only county-wide admins and county systems give a report its original time");
        }
    }

    static void requireReadable(Caller caller, Issue issue) {
        if (!canRead(caller, issue)) {
            throw new AccessDeniedException("issue outside the caller's scope");
        }
    }

    /** Whether the caller sees the reporter's full phone: the reporter, admins and handlers of the community. */
    static boolean seesPhone(Caller caller, Issue issue) {
        return issue.reportedBy(caller.accountId()) || issue.handledBy(caller.accountId())
                || ((isAdmin(caller) || caller.hasRole("GRID_WORKER")) && caller.covers(issue.communityPath()));
    }

    static HandlerKind kindOf(Caller caller, Issue issue) {
        if (caller.hasRole("PARTY_MEMBER") && caller.accountId().equals(issue.claimantAccountId())) {
            return HandlerKind.PARTY_MEMBER;
        }
        if (caller.hasRole("GRID_WORKER")) {
            return HandlerKind.GRID_WORKER;
        }
        if (caller.hasRole("PARTY_MEMBER")) {
            return HandlerKind.PARTY_MEMBER;
        }
        return HandlerKind.STAFF;
    }
}
