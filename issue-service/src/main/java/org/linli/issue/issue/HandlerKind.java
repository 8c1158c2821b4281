package org.linli.issue.issue;

/** Who resolved an issue, as IssueResolved/IssueClosed carry it (points-service credits by it). */
public enum HandlerKind {
    GRID_WORKER, PARTY_MEMBER, VOLUNTEER, STAFF
}
