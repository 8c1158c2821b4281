package org.linli.events.issue;

import org.linli.events.DomainEvent;

/**
 * An issue was resolved by its handler, awaiting the reporter's confirmation.
 *
 * @param issueId id of the issue
 * @param handlerAccountId the account that resolved it
 * @param handlerKind GRID_WORKER, PARTY_MEMBER, VOLUNTEER or STAFF
 * @param communityUnitId community
 * @param compoundId compound, null when none
 */
public record IssueResolved(String issueId, String handlerAccountId, String handlerKind,
                            String communityUnitId, String compoundId) implements DomainEvent {
}
