package org.linli.events.issue;

import org.linli.events.Contracts;
import org.linli.events.DomainEvent;

/**
 * An issue was closed, rated by the reporter or automatically after the callback window.
 *
 * @param issueId id of the issue
 * @param rating 1 to 5, null when closed without rating
 * @param automatic closed by the callback timer
 * @param handlerAccountId who resolved it, null when closed without resolution (rejected, duplicate)
 * @param handlerKind as in IssueResolved, null when no handler
 * @param category category code
 * @param communityUnitId community
 * @param compoundId compound, null when none
 * @param companyId the compound's company when reported, null when none
 */
public record IssueClosed(String issueId, Integer rating, boolean automatic, String handlerAccountId,
                          String handlerKind, String category, String communityUnitId, String compoundId,
                          String companyId) implements DomainEvent {

    public IssueClosed {
        Contracts.required(issueId, "issueId");
    }
}
