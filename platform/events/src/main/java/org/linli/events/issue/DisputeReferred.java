package org.linli.events.issue;

import org.linli.events.Contracts;
import org.linli.events.DomainEvent;

/**
 * A dispute (矛盾纠纷) mediation could not settle was passed on as an issue, which carries its history (the issue's own
 * {@code IssueReported} follows). No party names or phones.
 *
 * @param disputeId       id of the dispute
 * @param kind            its kind, e.g. {@code NEIGHBOUR}
 * @param gridId          the grid it arose in ({@code null} when the place lay in none)
 * @param communityUnitId its community (org unit)
 * @param workerAccountId the account of the worker whose mediation it was
 * @param issueId         the issue it was passed on as
 */
public record DisputeReferred(String disputeId, String kind, String gridId, String communityUnitId,
                              String workerAccountId, String issueId) implements DomainEvent {

    public DisputeReferred {
        Contracts.required(disputeId, "disputeId");
        Contracts.required(issueId, "issueId");
    }
}
